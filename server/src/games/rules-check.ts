/**
 * Whether this engine still plays a stored game as the game was played: its journal replayed, and the state
 * after each entry compared with the hash the journal kept of it. A game keeps the rules it began under; when
 * another engine cannot prove it plays the same game, the game is closed rather than silently changed
 * (restore.ts).
 */
import { RULES_VERSION, type Scenario } from "@firebreak/shared";
import { entryHash } from "./entry-hash.ts";
import type { StoredEntry } from "../session/journal.ts";
import { applyEntry, createSession } from "../session/session.ts";
import type { SessionState } from "../session/types.ts";

/** What replaying a journal under this engine showed. */
export type JournalCheck =
  /** The same game: it may go on (under rules `engine`). */
  | { kind: "same"; session: SessionState }
  /** Not provably the same game under these rules: close it. `why` says where it parted. */
  | { kind: "differs"; why: string }
  /**
   * The journal does not replay under the rules it was written for (damaged, or accepted what is refused
   * now).
   */
  | { kind: "broken"; why: string };

/** The hash a create or step entry kept of the state after it, if it kept one. */
function keptHash(e: StoredEntry): string | undefined {
  return (e.kind === "create" || e.kind === "step") && typeof e.hash === "string" ? e.hash : undefined;
}

/**
 * Where an entry sits, for a person: "the start", "turn 3 (orders of aestria)" or "a join entry in turn 2".
 */
function place(e: StoredEntry, s: SessionState): string {
  if (e.kind === "create") return "the start";
  if (e.kind !== "step") return `a ${e.kind} entry in turn ${s.game.turn}`;
  const step = e.step as { type?: unknown; seat?: unknown; turn?: unknown } | null;
  const what = typeof step?.type === "string" ? step.type : "step";
  const turn = typeof step?.turn === "number" ? step.turn : s.game.turn;
  return `turn ${turn} (${what}${typeof step?.seat === "string" ? ` of ${step.seat}` : ""})`;
}

/**
 * Replays `entries`, a game stored under rules `rules`, with this engine (rules `engine`). Under the same
 * rules only the last kept hash is compared (an engine changed without a new version is caught; restarts stay
 * fast); under other rules every create and step entry must carry a hash and every hash must match, or the
 * game `differs`.
 */
export function checkJournal(
  entries: readonly StoredEntry[],
  scenario: Scenario,
  rules: number,
  engine: number = RULES_VERSION,
): JournalCheck {
  const same = rules === engine;
  const parted = (why: string): JournalCheck => ({ kind: same ? "broken" : "differs", why });
  const first = entries[0];
  if (first?.kind !== "create") return { kind: "broken", why: "a journal starts with its create entry" };
  let last: { hash: string; at: string; session: SessionState; entry: StoredEntry } | null = null;
  try {
    const created = createSession(first, scenario);
    if (!created.ok) return parted(`${created.error.code}: ${created.error.message}`);
    let s = created.value;
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i] as StoredEntry;
      const at = place(e, s);
      if (i > 0) {
        const r = applyEntry(s, e);
        if (!r.ok) return parted(`${at} is refused: ${r.error.code}: ${r.error.message}`);
        s = r.value;
      }
      if (e.kind !== "create" && e.kind !== "step") continue;
      const kept = keptHash(e);
      if (kept === undefined) {
        if (!same) return { kind: "differs", why: `the journal kept no state hash at ${at}` };
        continue;
      }
      if (!same && entryHash(e, s.game) !== kept)
        return { kind: "differs", why: `the state after ${at} is not the one the game had` };
      last = { hash: kept, at, session: s, entry: e };
    }
    if (same && last !== null && entryHash(last.entry, last.session.game) !== last.hash)
      return { kind: "differs", why: `the state after ${last.at} is not the one the game had` };
    return { kind: "same", session: s };
  } catch (e) {
    return parted(`the journal threw while replaying (${(e as Error).message})`);
  }
}
