/**
 * The session's rules a facilitator sets (docs/protocol.md §9.5): strikes allowed, held for approval or
 * refused before a turn; automatic bot takeover on or off and its delay; the turn's length. Set at creation,
 * changed in play by fac:settings.
 */
import type { GameSettings } from "@firebreak/shared";
import type { StoredEntry } from "./journal.ts";
import { ok, refuse, type Result } from "./result.ts";
import type { CreateOptions, SessionState } from "./types.ts";

/**
 * A game's first settings, from its create options (an older journal's: strikes allowed, takeover when it had
 * a delay).
 */
export function initialSettings(o: CreateOptions): GameSettings {
  return {
    strikes: o.strikes ?? "allowed",
    takeover: o.takeover ?? o.takeoverSeconds > 0,
    takeoverSeconds: o.takeoverSeconds,
  };
}

/** Why automatic takeover cannot be on with these settings (no delay), or null. */
export function takeoverWithoutDelay(s: GameSettings): string | null {
  return s.takeover && s.takeoverSeconds <= 0
    ? "Automatic takeover needs a delay: give takeoverSeconds (10 to 604800)."
    : null;
}

/** Whether bots take over seats whose players are away, and after how many seconds (null: never). */
export function takeoverDelay(s: SessionState): number | null {
  return s.settings.takeover && s.settings.takeoverSeconds > 0 ? s.settings.takeoverSeconds : null;
}

/** A facilitator's change of settings: only the settings it names change. Refused after the end. */
export function changeSettings(
  s: SessionState,
  e: Extract<StoredEntry, { kind: "settings" }>,
): Result<SessionState> {
  if (s.phase === "ended") return refuse("GAME_OVER", "The game is over.");
  const settings: GameSettings = { ...s.settings };
  if (e.settings.strikes !== undefined) settings.strikes = e.settings.strikes;
  if (e.settings.takeover !== undefined) settings.takeover = e.settings.takeover;
  if (e.settings.takeoverSeconds !== undefined) settings.takeoverSeconds = e.settings.takeoverSeconds;
  const why = takeoverWithoutDelay(settings);
  if (why !== null) return refuse("INVALID_REQUEST", why);
  const turn = e.settings.turnSeconds;
  return ok(turn === undefined ? { ...s, settings } : { ...newTurnLength(s, turn, e.at), settings });
}

/**
 * A new turn length: the next turns have it. The turn under way keeps its deadline, except that a game that
 * had no time limit gets one now (`at` + the length), and a length of 0 takes the running deadline away.
 */
function newTurnLength(s: SessionState, turnSeconds: number, at: number): SessionState {
  const next: SessionState = { ...s, options: { ...s.options, turnSeconds } };
  if (s.phase !== "planning") return next;
  if (turnSeconds === 0) return { ...next, deadline: null };
  if (s.options.turnSeconds > 0) return next;
  return s.pausedRemaining !== null
    ? { ...next, pausedRemaining: turnSeconds * 1000 }
    : { ...next, deadline: at + turnSeconds * 1000 };
}

/**
 * The refusal of a person's strike before the turn the settings allow strikes from, or null when strikes are
 * not too early.
 */
export function strikeTooEarly(s: SessionState): Result<never> | null {
  const rule = s.settings.strikes;
  if (typeof rule !== "object" || s.game.turn >= rule.notBefore) return null;
  return refuse(
    "STRIKE_TOO_EARLY",
    `The facilitator allows strikes from turn ${rule.notBefore}; this is turn ${s.game.turn}. Remove the strike order.`,
  );
}
