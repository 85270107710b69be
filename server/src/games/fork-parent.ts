/**
 * What a fork is told of the game it forks (docs/protocol.md §5.2): the record a member of it may read, with
 * its create options.
 */
import type { ParentAnswer } from "../session/forking.ts";
import type { StoredEntry } from "../session/journal.ts";
import { recordAnswer, storedMember } from "./archive.ts";

/**
 * The game `gameId` as the holder of `token` may read it: its record (the one kept at its end, or rebuilt)
 * and its create options, or the same 401 for an unknown game, a malformed id and a token that is not one of
 * its members'; 409 while it is being played.
 */
export function forkParent(gameId: string, token: string): ParentAnswer {
  const found = storedMember(gameId, token);
  if (!found) return { status: 401 };
  const answer = recordAnswer(gameId, token);
  if (answer.status !== 200) return answer;
  const first = found.entries[0] as Extract<StoredEntry, { kind: "create" }>;
  return { status: 200, record: answer.record, options: first.options };
}
