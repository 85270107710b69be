/** Steps: every move that changes a game, as data. A game is its record: a fold of steps. */
import { err, ok, type Result } from "../model/errors.ts";
import type { GameEvent } from "../model/events.ts";
import { isSeat } from "../model/ids.ts";
import { effectStates, type InjectDef } from "../model/injects.ts";
import type { SeatId } from "../model/basics.ts";
import type { GameState } from "../model/types.ts";
import { proposeCbm, respondCbm } from "../rules/cbms.ts";
import { emit, nameOf } from "../rules/context.ts";
import { fireInject } from "../rules/injects.ts";
import { updateScores } from "../rules/scoring.ts";
import { issueText } from "../scenario/validate.ts";
import { beginResolution, resolveTurn } from "./resolve.ts";
import { STEP_TYPES, stepSchema } from "./step-schema.ts";
import { validateOrders } from "./validate.ts";

/** One recorded move. `turn` guards against moves meant for another turn. */
export type Step =
  | { type: "orders"; turn: number; seat: SeatId; orders: unknown }
  | { type: "propose"; turn: number; seat: SeatId; kind: string; parties: string[] }
  | { type: "respond"; turn: number; seat: SeatId; proposal: string; accept: boolean; note?: string }
  | { type: "inject"; turn: number; inject: InjectDef }
  | { type: "resolve"; turn: number }
  | { type: "end"; turn: number };

/** Why a value is not a step, as a sentence: an unknown type, or the first field at fault. */
function malformed(step: unknown, issues: Parameters<typeof issueText>[0]): Result<never> {
  const type = step !== null && typeof step === "object" ? (step as { type?: unknown }).type : undefined;
  if (typeof type !== "string" || !(STEP_TYPES as readonly string[]).includes(type))
    return err("INVALID_STEP", `Unknown step type: a step is one of ${STEP_TYPES.join(", ")}.`);
  return err("INVALID_STEP", `Malformed ${type} step${issueText(issues)}.`);
}

/**
 * Checks an inject's effects against the game: every state it names is in it, and a pair names two states.
 */
function checkInject(state: GameState, inject: InjectDef): Result<InjectDef> {
  for (const e of inject.effects) {
    const named = effectStates(e);
    const unknown = named.find((x) => !isSeat(state, x));
    if (unknown !== undefined)
      return err("UNKNOWN_TARGET", `The inject names "${unknown}", which is not a state in this game.`);
    if (named.length === 2 && named[0] === named[1])
      return err(
        "INVALID_STEP",
        `An inject's ${e.type} effect must name two different states, not ${nameOf(state, named[0] ?? null)} twice.`,
      );
  }
  return ok(inject);
}

/**
 * Applies one step, whatever value it is given (steps also come from JSON journals): the next state and any
 * events, or an error that changed nothing. Never throws.
 */
export function applyStep(state: GameState, input: Step): Result<{ state: GameState; events: GameEvent[] }> {
  if (state.phase === "ended") return err("GAME_OVER", "The game is over.");
  const parsed = stepSchema.safeParse(input);
  if (!parsed.success) return malformed(input, parsed.error.issues);
  const step = parsed.data;
  if (step.turn !== state.turn)
    return err("WRONG_TURN", `This is turn ${state.turn}, not turn ${step.turn}.`);
  switch (step.type) {
    case "orders": {
      const checked = validateOrders(state, step.seat, step.orders);
      if (!checked.ok) return checked;
      return ok({ state: { ...state, orders: { ...state.orders, [step.seat]: checked.value } }, events: [] });
    }
    case "propose": {
      const r = proposeCbm(state, step.seat, step.kind, step.parties);
      return r.ok ? ok({ state: r.value, events: [] }) : r;
    }
    case "respond": {
      const r = respondCbm(state, step.seat, step.proposal, step.accept, step.note ?? "");
      return r.ok ? ok({ state: r.value, events: [] }) : r;
    }
    case "inject": {
      const checked = checkInject(state, step.inject);
      if (!checked.ok) return checked;
      const ctx = beginResolution(state, state.turn);
      fireInject(ctx, checked.value);
      ctx.s.rng = ctx.rng.save();
      ctx.s.events.push(...ctx.events);
      updateScores(ctx.s);
      return ok({ state: ctx.s, events: ctx.events });
    }
    case "resolve":
      return resolveTurn(state, state.orders);
    case "end": {
      const ctx = beginResolution(state, state.turn);
      ctx.s.phase = "ended";
      ctx.s.outcome = { kind: "facilitatorEnded", turn: state.turn, belligerents: [], initiator: null };
      emit(ctx, "end.facilitator", "public", "The facilitator ended the game.");
      ctx.s.events.push(...ctx.events);
      updateScores(ctx.s);
      return ok({ state: ctx.s, events: ctx.events });
    }
  }
}
