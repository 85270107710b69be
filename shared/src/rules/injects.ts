/** Injects and non-state incidents: events from outside the players' orders. */
import { isSeat } from "../model/ids.ts";
import { effectStates, type InjectDef } from "../model/injects.ts";
import type { NonStateOperationKind } from "../model/operations.ts";
import { STAT_NAMES, type SeatId } from "../model/basics.ts";
import type { MeasureChange } from "../model/events.ts";
import { addTension, emit, nameOf, shiftMeasure, withChanges, type Ctx } from "./context.ts";
import { setSuspicion, suspicionOf } from "./escalation.ts";
import { notice } from "./detection.ts";
import { applyEffects, makeIncident, reportDamage } from "./operations.ts";

/** A non-state incident against a target: always noticed, unattributed. */
export function nonStateIncident(ctx: Ctx, target: SeatId, kind: NonStateOperationKind | "nonState"): void {
  const incident = makeIncident(ctx, kind, null, target);
  incident.public = true;
  const changes = applyEffects(ctx, incident);
  notice(ctx, incident);
  reportDamage(ctx, incident, changes);
}

/**
 * Each state may suffer a criminal or hacktivist DDoS this turn: to its victim it looks like any other DDoS.
 */
export function nonStateActivity(ctx: Ctx): void {
  for (const seat of ctx.s.seats)
    if (ctx.rng.chance(ctx.p.nonStateIncidentChance)) nonStateIncident(ctx, seat, "ddos");
}

/**
 * Fires an inject: its text to everyone, then its effects (an effect naming a state not in the game does
 * nothing; applyStep refuses such an inject).
 */
export function fireInject(ctx: Ctx, inject: InjectDef): void {
  emit(ctx, "inject", "public", `${inject.title}: ${inject.text}`);
  for (const e of inject.effects) {
    if (!effectStates(e).every((x) => isSeat(ctx.s, x))) continue;
    if (e.type === "tension")
      addTension(
        ctx,
        e.a,
        e.b,
        e.delta,
        "inject",
        "public",
        `${inject.title}: tension between ${nameOf(ctx.s, e.a)} and ${nameOf(ctx.s, e.b)} moves.`,
      );
    else if (e.type === "stat") {
      if (!STAT_NAMES.includes(e.stat)) continue;
      const changes: MeasureChange[] = [];
      const applied = shiftMeasure(ctx, changes, e.state, e.stat, e.delta);
      if (applied !== 0)
        emit(
          ctx,
          "inject",
          "public",
          `${inject.title}: ${nameOf(ctx.s, e.state)}'s ${e.stat} ${applied > 0 ? "+" : ""}${applied}.`,
          withChanges(changes),
        );
    } else if (e.type === "suspicion")
      setSuspicion(ctx, e.from, e.to, suspicionOf(ctx, e.from, e.to) + e.delta);
    else nonStateIncident(ctx, e.target, e.kind);
  }
}
