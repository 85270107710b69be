/**
 * Countermeasures and force: economic sanctions, expulsions, mobilisation, and when a countermeasure is
 * lawful.
 */
import type { SeatId } from "../model/basics.ts";
import type { CbmBite } from "../model/cbms.ts";
import type { MeasureChange } from "../model/events.ts";
import { own } from "../model/ids.ts";
import { addTension, emit, hasCbm, nameOf, shiftMeasure, withChanges, type Ctx } from "./context.ts";

/**
 * True when `actor` may lawfully take countermeasures against `target`: it was publicly attributed at
 * moderate+ for an incident against `actor`.
 */
export function isJustified(ctx: Ctx, actor: SeatId, target: SeatId): boolean {
  return ctx.s.incidents.some(
    (i) => i.target === actor && i.publicAttributions.some((a) => a.accused === target && a.confidence >= 2),
  );
}

/**
 * True when `target` stands publicly named at moderate+ confidence for some incident (moderate evidence names
 * only the true author): a state joining sanctions against it acts with a coalition, not on its own say-so.
 */
export function publiclyNamed(ctx: Ctx, target: SeatId): boolean {
  return ctx.s.incidents.some((i) =>
    i.publicAttributions.some((a) => a.accused === target && a.confidence >= 2),
  );
}

/**
 * Countermeasures in the self-defence catalogue add no tension against an attributed attacker (`rule`: the
 * countermeasure's rule).
 */
function catalogued(ctx: Ctx, rule: CbmBite<"selfDefenceCatalogue">, actor: SeatId, target: SeatId): boolean {
  return hasCbm(ctx.s, "selfDefenceCatalogue", rule, actor) && isJustified(ctx, actor, target);
}

/** Economic sanctions. */
export function sanction(ctx: Ctx, by: SeatId, target: SeatId): void {
  const p = ctx.p;
  const a = own(ctx.s.nations, by);
  const t = own(ctx.s.nations, target);
  if (!a || !t) return;
  const changes: MeasureChange[] = [];
  shiftMeasure(ctx, changes, target, "economy", -p.sanctionDamage);
  shiftMeasure(ctx, changes, by, "economy", -p.sanctionCost);
  // The victim's countermeasure, or a third state joining the coalition against a state publicly named: no
  // reputation cost.
  const justified = isJustified(ctx, by, target) || publiclyNamed(ctx, target);
  if (!justified) shiftMeasure(ctx, changes, by, "reputation", -p.unjustifiedSanctionReputation);
  emit(
    ctx,
    "diplomacy.sanction",
    "public",
    `${a.name} sanctions ${t.name} (economy -${p.sanctionDamage} for ${t.name}, -${p.sanctionCost} ` +
      `for ${a.name})${justified ? "" : ` without a public attribution: reputation -${p.unjustifiedSanctionReputation}`}.`,
    withChanges(changes),
  );
  addTension(
    ctx,
    by,
    target,
    catalogued(ctx, "diplomacy.sanction", by, target) ? 0 : p.sanctionTension,
    "diplomacy.sanction",
    "public",
    `Sanctions strain ${a.name}-${t.name} relations.`,
  );
}

/** Expels the target's intelligence officers: its oldest access in the expeller is lost. */
export function expel(ctx: Ctx, by: SeatId, target: SeatId): void {
  const i = ctx.s.accesses.findIndex((x) => x.owner === target && x.target === by);
  if (i >= 0) {
    ctx.s.accesses.splice(i, 1);
    emit(
      ctx,
      "diplomacy.expel",
      [target],
      `${nameOf(ctx.s, target)} lost an access in ${nameOf(ctx.s, by)} with its expelled officers.`,
    );
  }
  emit(ctx, "diplomacy.expel", "public", `${nameOf(ctx.s, by)} expels ${nameOf(ctx.s, target)}'s diplomats.`);
  addTension(
    ctx,
    by,
    target,
    catalogued(ctx, "diplomacy.expel", by, target) ? 0 : ctx.p.expelTension,
    "diplomacy.expel",
    "public",
    `Expulsions strain ${nameOf(ctx.s, by)}-${nameOf(ctx.s, target)} relations.`,
  );
}

/** A military mobilisation signal. */
export function mobilize(ctx: Ctx, by: SeatId, target: SeatId): void {
  const changes: MeasureChange[] = [];
  shiftMeasure(ctx, changes, by, "economy", -ctx.p.mobilizeCost);
  addTension(
    ctx,
    by,
    target,
    ctx.p.mobilizeTension,
    "force.mobilize",
    "public",
    `${nameOf(ctx.s, by)} mobilises against ${nameOf(ctx.s, target)} (economy -${ctx.p.mobilizeCost}).`,
    undefined,
    changes,
  );
}
