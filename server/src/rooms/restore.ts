/**
 * A game brought back from its journal (after a restart, or when it wakes): its session, or why it cannot be.
 */
import { RULES_VERSION } from "@firebreak/shared";
import { closeForRules } from "../games/archive.ts";
import { isAwake } from "../games/registry.ts";
import { checkJournal } from "../games/rules-check.ts";
import { RESTORE_KEY, services } from "../services.ts";
import type { SessionState } from "../session/types.ts";

/**
 * Replays the journal of the game a restore names. Throws `INVALID_REQUEST` unless the server asks (with its
 * secret `key`) for a game not running; `NO_SUCH_GAME` or `UNKNOWN_SCENARIO` (the game may come back at a
 * later start); `REPLAY_FAILED` for a journal that does not replay under its own rules (an older server's, or
 * damaged): the caller sets that game aside; or `RULES_CHANGED` when this engine cannot prove it plays the
 * same game the journal recorded (made under other rules, checkJournal): the game is then closed here
 * (archive.ts) and not restored again. A game made under other rules whose journal proves the same game goes
 * on, under this engine's rules.
 */
export function restoredSession(gameId: string, key: unknown): SessionState {
  if (key !== RESTORE_KEY)
    throw new Error("INVALID_REQUEST: games are restored by the server, not by clients");
  if (isAwake(gameId)) throw new Error("INVALID_REQUEST: that game is already running");
  const svc = services();
  const game = svc.store.game(gameId);
  const entries = game ? svc.store.entries(gameId) : [];
  const first = entries[0];
  if (game === null || first?.kind !== "create") throw new Error(`NO_SUCH_GAME: ${gameId}`);
  const scenario = svc.scenario(first.options.scenario);
  if (!scenario) throw new Error(`UNKNOWN_SCENARIO: ${first.options.scenario}`);
  const checked = checkJournal(entries, scenario, game.rules);
  if (checked.kind === "broken") throw new Error(`REPLAY_FAILED: ${checked.why}`);
  if (checked.kind === "differs") {
    const closure = closeForRules(game, entries, checked.why);
    throw new Error(`RULES_CHANGED: ${closure.message} (${checked.why})`);
  }
  if (game.rules !== RULES_VERSION) svc.store.setRules(gameId, RULES_VERSION);
  return checked.session;
}
