/** A game brought back from its journal (after a restart, or when it wakes): its session, or why it cannot be. */
import { isAwake } from "../games/registry.ts";
import { RESTORE_KEY, services } from "../services.ts";
import { replayJournal } from "../session/session.ts";
import type { SessionState } from "../session/types.ts";

/**
 * Replays the journal of the game a restore names. Throws `INVALID_REQUEST` unless the server asks (with its secret
 * `key`) for a game not running; `NO_SUCH_GAME` or `UNKNOWN_SCENARIO` (the game may come back at a later start); or
 * `REPLAY_FAILED` for a journal that does not replay (an older server's, or damaged): the caller sets that game aside.
 */
export function restoredSession(gameId: string, key: unknown): SessionState {
  if (key !== RESTORE_KEY)
    throw new Error("INVALID_REQUEST: games are restored by the server, not by clients");
  if (isAwake(gameId)) throw new Error("INVALID_REQUEST: that game is already running");
  const svc = services();
  const entries = svc.store.entries(gameId);
  const first = entries[0];
  if (first?.kind !== "create") throw new Error(`NO_SUCH_GAME: ${gameId}`);
  const scenario = svc.scenario(first.options.scenario);
  if (!scenario) throw new Error(`UNKNOWN_SCENARIO: ${first.options.scenario}`);
  let s: ReturnType<typeof replayJournal>;
  try {
    s = replayJournal(entries, scenario);
  } catch (e) {
    throw new Error(`REPLAY_FAILED: the journal threw while replaying (${(e as Error).message})`);
  }
  if (!s.ok) throw new Error(`REPLAY_FAILED: ${s.error.code}: ${s.error.message}`);
  return s.value;
}
