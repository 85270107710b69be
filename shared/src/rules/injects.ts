/** Injects and non-state incidents: events from outside the players' orders. */
import { isSeat } from "../model/ids.ts";
import { effectStates, type InjectDef } from "../model/injects.ts";
import type { NonStateOperationKind } from "../model/operations.ts";
import { STAT_NAMES, type SeatId } from "../model/basics.ts";
import type { MeasureChange } from "../model/events.ts";
import { addTension, emit, hasCbm, nameOf, shiftMeasure, withChanges, type Ctx } from "./context.ts";
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
 * True when the state a criminal DDoS against `target` is launched from (one of the other states, drawn only
 * while some state has adopted the norm of due diligence) adopted that norm and takes the attack down first.
 */
function takenDown(ctx: Ctx, target: SeatId): boolean {
  const adopted = (x: SeatId) => hasCbm(ctx.s, "normDueDiligence", "nonstate.incident", x);
  if (!ctx.s.seats.some(adopted)) return false;
  const others = ctx.s.seats.filter((x) => x !== target);
  const origin = others[ctx.rng.int(others.length)];
  if (origin === undefined || !adopted(origin)) return false;
  if (!ctx.rng.chance(ctx.p.dueDiligenceTakedown)) return false;
  emit(
    ctx,
    "nonstate.incident",
    [origin, target],
    `${nameOf(ctx.s, origin)} took down criminal servers on its territory before they could attack ` +
      `${nameOf(ctx.s, target)}, as the norm of due diligence asks.`,
  );
  return true;
}

/**
 * Each state may suffer a criminal or hacktivist DDoS this turn: to its victim it looks like any other DDoS.
 * An adopter of the due-diligence norm may stop one launched from its territory (`takenDown`).
 */
export function nonStateActivity(ctx: Ctx): void {
  for (const seat of ctx.s.seats)
    if (ctx.rng.chance(ctx.p.nonStateIncidentChance) && !takenDown(ctx, seat))
      nonStateIncident(ctx, seat, "ddos");
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
