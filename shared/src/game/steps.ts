/** Steps: every move that changes a game, as data. A game is its record: a fold of steps. */
import { err, ok, type Result } from "../model/errors.ts";
import type { GameEvent } from "../model/events.ts";
import type { InjectDef } from "../model/injects.ts";
import type { GameState, SeatId } from "../model/types.ts";
import { proposeCbm, respondCbm } from "../rules/cbms.ts";
import { emit } from "../rules/context.ts";
import { fireInject } from "../rules/injects.ts";
import { updateScores } from "../rules/scoring.ts";
import { beginResolution, resolveTurn } from "./resolve.ts";
import { validateOrders } from "./validate.ts";

/** One recorded move. `turn` guards against moves meant for another turn. */
export type Step =
  | { type: "orders"; turn: number; seat: SeatId; orders: unknown }
  | { type: "propose"; turn: number; seat: SeatId; kind: string; parties: string[] }
  | { type: "respond"; turn: number; seat: SeatId; proposal: string; accept: boolean; note?: string }
  | { type: "inject"; turn: number; inject: InjectDef }
  | { type: "resolve"; turn: number }
  | { type: "end"; turn: number };

/** Applies one step; returns the next state and any events, or an error that changed nothing. */
export function applyStep(state: GameState, step: Step): Result<{ state: GameState; events: GameEvent[] }> {
  if (state.phase === "ended") return err("GAME_OVER", "The game is over.");
  if (step.turn !== state.turn) return err("WRONG_TURN", `This is turn ${state.turn}, not turn ${step.turn}.`);
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
      for (const e of step.inject.effects) {
        const named = e.type === "tension" ? [e.a, e.b] : e.type === "stat" ? [e.state] : e.type === "suspicion" ? [e.from, e.to] : [e.target];
        const unknown = named.find((x) => !state.nations[x]);
        if (unknown !== undefined) return err("UNKNOWN_TARGET", `The inject names "${unknown}", which is not a state in this game.`);
      }
      const ctx = beginResolution(state, state.turn);
      fireInject(ctx, step.inject);
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
    default:
      return err("INVALID_STEP", "Unknown step type.");
  }
}
