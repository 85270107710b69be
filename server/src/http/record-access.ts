/**
 * Who may read a game's record: its members (a player's seat token, an observer's token) and its facilitators
 * (the facilitator key), as the journal says after replaying it. Reading the members from the replayed
 * session, not from the raw entries, means whatever the session decides about membership decides this too: a
 * member the facilitator removed is gone from the list, and their token with them.
 */
import type { Scenario } from "@firebreak/shared";
import { replayJournal } from "../session/session.ts";
import { memberByToken } from "../session/tokens.ts";
import type { Member } from "../session/types.ts";
import type { StoredEntry } from "../session/journal.ts";

/**
 * The member of the game in `entries` whose seat token or facilitator key is `token`, or null (tokens
 * compared in constant time).
 */
export function recordReader(
  entries: readonly StoredEntry[],
  scenario: Scenario,
  token: string,
): Member | null {
  const session = replayJournal(entries, scenario);
  if (!session.ok) return null;
  return memberByToken(session.value, token) ?? null;
}
