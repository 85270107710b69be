/**
 * A session's engine steps: a seat's orders, proposals and answers, injects, resolutions and the end, each
 * checked by the session (the phase, who may, the strike rules) and then by the engine; and the start of each
 * turn's planning.
 */
import { applyStep, type Step } from "@firebreak/shared";
import type { StoredEntry } from "./journal.ts";
import { memberById } from "./membership.ts";
import { permit } from "./permissions.ts";
import { ok, refuse, type Result } from "./result.ts";
import { strikeTooEarly } from "./settings.ts";
import { byPerson, engineStep, heldAfter, isStrike } from "./strikes.ts";
import type { SessionState } from "./types.ts";

/**
 * Planning begins for the game's turn (nobody ready, nothing held, a fresh deadline), or the session ends
 * with the game.
 */
export function startPlanning(s: SessionState, at: number): SessionState {
  const fresh = { ...s, pausedRemaining: null, ready: [], held: [], humanOrdered: [] };
  if (s.game.phase === "ended") return { ...fresh, phase: "ended", deadline: null };
  return {
    ...fresh,
    phase: "planning",
    deadline: s.options.turnSeconds > 0 ? at + s.options.turnSeconds * 1000 : null,
  };
}

/**
 * Applies a step entry: its phase, then its maker, then the engine (through the strike rules, for orders).
 */
export function stepEntry(s: SessionState, e: Extract<StoredEntry, { kind: "step" }>): Result<SessionState> {
  if (s.phase === "ended") return refuse("GAME_OVER", "The game is over.");
  if (s.phase !== "planning") return refuse("NOT_PLAYING", "The game has not started.");
  const may = permit(s, e);
  if (!may.ok) return may;
  if (e.step.type === "orders") return ordersEntry(s, e, e.step);
  const r = applyStep(s.game, e.step);
  if (!r.ok) return r;
  const next: SessionState = { ...s, game: r.value.state };
  return ok(e.step.type === "resolve" || e.step.type === "end" ? startPlanning(next, e.at) : next);
}

/**
 * A seat's orders: a person's strike before the allowed turn is refused; otherwise the whole list as
 * submitted must be legal, the engine is given it under the strike rules (strikes held for approval stay
 * out), and the order log, the held strikes and whether humans ordered this turn follow.
 */
function ordersEntry(
  s: SessionState,
  e: Extract<StoredEntry, { kind: "step" }>,
  step: Extract<Step, { type: "orders" }>,
): Result<SessionState> {
  const person = byPerson(e);
  const list: unknown[] = Array.isArray(step.orders) ? step.orders : [];
  if (person && list.some(isStrike)) {
    const early = strikeTooEarly(s);
    if (early) return early;
  }
  const given = engineStep(s, e) ?? step;
  if (given !== step) {
    const whole = applyStep(s.game, step);
    if (!whole.ok) return whole;
  }
  const r = applyStep(s.game, given);
  if (!r.ok) return r;
  const m = memberById(s, e.by);
  return ok({
    ...s,
    game: r.value.state,
    orderLog: [
      ...s.orderLog,
      { turn: step.turn, seat: step.seat, by: m?.name ?? e.by, count: list.length, at: e.at },
    ],
    held: heldAfter(s, e, step.seat, list),
    humanOrdered:
      person && !s.humanOrdered.includes(step.seat) ? [...s.humanOrdered, step.seat] : s.humanOrdered,
  });
}
