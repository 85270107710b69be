/** Attribution: each seat's confidence in who did an incident advances none -> low -> moderate -> high. */
import { own } from "../model/ids.ts";
import { CONFIDENCE_NAMES, type Confidence, type SeatId } from "../model/basics.ts";
import type { CbmBite } from "../model/cbms.ts";
import type { Incident } from "../model/types.ts";
import { emit, hasCbm, nameOf, victimPhrase, type Ctx } from "./context.ts";
import { onAttributionChanged } from "./escalation.ts";

/**
 * True when the incident's target and the knowing seat are each in a situation-report CBM (shared forensics),
 * asked for `rule`.
 */
function sitrepLinked(
  ctx: Ctx,
  rule: CbmBite<"situationReports">,
  incident: Incident,
  knower: SeatId,
): boolean {
  return (
    hasCbm(ctx.s, "situationReports", rule, incident.target) &&
    hasCbm(ctx.s, "situationReports", rule, knower)
  );
}

/** Per-turn chance that a seat's attribution of an incident advances one tier. */
export function attributionHazard(ctx: Ctx, incident: Incident, knower: SeatId): number {
  const p = ctx.p;
  const defense = own(ctx.s.nations, knower)?.defense ?? 3;
  let h = p.attributionHazard * (1 + p.attributionDefenseSlope * (defense - 3));
  if (ctx.investigating.has(`${knower}:${incident.id}`)) h *= p.investigateMultiplier;
  if (ctx.assisted.has(`${knower}:${incident.id}`)) h *= p.assistanceMultiplier;
  if (sitrepLinked(ctx, "attribution.advance", incident, knower)) h *= p.sitrepAttributionMultiplier;
  if (incident.proxy) h *= p.proxyAttributionMultiplier;
  if (incident.author && ctx.spied.has(`${knower}>${incident.author}`)) h *= p.espionageAttributionMultiplier;
  return Math.min(0.95, h);
}

/** Who the evidence points to at a given tier (false flags and errors act at low confidence only). */
function suspectAtTier(ctx: Ctx, incident: Incident, knower: SeatId, tier: Confidence): SeatId | "nonState" {
  const truth = incident.author ?? "nonState";
  if (tier >= 2) return truth;
  if (incident.falseFlag && incident.falseFlag !== knower) {
    emit(
      ctx,
      "attribution.falseFlag",
      [],
      `The evidence ${nameOf(ctx.s, knower)} found points to ${nameOf(ctx.s, incident.falseFlag)}: a ` +
        `false flag planted by ${nameOf(ctx.s, incident.author)}.`,
      { incident: incident.id },
    );
    if (!incident.misled.includes(knower)) incident.misled.push(knower);
    return incident.falseFlag;
  }
  const base = incident.author === null ? 2 * ctx.p.lowConfidenceError : ctx.p.lowConfidenceError;
  const errorChance = sitrepLinked(ctx, "attribution.error", incident, knower)
    ? base * ctx.p.sitrepErrorMultiplier
    : base;
  if (ctx.rng.chance(errorChance)) {
    // The wrong state evidence can point to is never the knower, the true author, or the victim itself.
    const wrong = ctx.s.seats.filter((s) => s !== knower && s !== incident.author && s !== incident.target);
    if (wrong.length > 0) {
      const named = ctx.rng.pick(wrong);
      emit(
        ctx,
        "attribution.error",
        [],
        `${nameOf(ctx.s, knower)}'s low-confidence evidence wrongly points to ` +
          `${nameOf(ctx.s, named)}; the true author is ${nameOf(ctx.s, incident.author)}.`,
        { incident: incident.id },
      );
      if (!incident.misled.includes(knower)) incident.misled.push(knower);
      return named;
    }
  }
  return truth;
}

/**
 * True when a victim's case is open to attribution in the month it was noticed: a sloppy operation (it
 * failed, or its author's cyber is 3 or less) or one its CERT link shares.
 */
function fastCase(ctx: Ctx, incident: Incident, knower: SeatId): boolean {
  if (knower !== incident.target || incident.falseFlag !== null) return false;
  if (sitrepLinked(ctx, "attribution.advance", incident, knower)) return true;
  if (incident.author === null) return false;
  return !incident.success || (own(ctx.s.nations, incident.author)?.cyber ?? 5) <= 3;
}

/**
 * Advances every seat's attribution of every incident it has known since an earlier turn. In the month a
 * victim notices a sloppy or CERT-shared case, it may be attributed at once at moderate confidence (Sony
 * 2014: 25 days).
 */
export function advanceAttribution(ctx: Ctx): void {
  for (const incident of ctx.s.incidents) {
    for (const knower of Object.keys(incident.knowledge)) {
      const k = own(incident.knowledge, knower);
      if (!k || k.confidence >= 3) continue;
      const firstMonth = k.since === ctx.turn;
      if (firstMonth) {
        if (k.confidence > 0 || !fastCase(ctx, incident, knower)) continue;
        const proxy = incident.proxy ? ctx.p.proxyAttributionMultiplier : 1;
        if (!ctx.rng.chance(ctx.p.firstMonthAttribution * proxy)) continue;
      } else if (k.since > ctx.turn || !ctx.rng.chance(attributionHazard(ctx, incident, knower))) continue;
      const tier = (firstMonth ? 2 : k.confidence + 1) as Confidence;
      const suspect = suspectAtTier(ctx, incident, knower, tier);
      k.before = k.suspect;
      k.confidence = tier;
      k.suspect = suspect;
      k.changed = ctx.turn;
      if (tier >= 2 && k.moderateAt === null) k.moderateAt = ctx.turn;
      const who = suspect === "nonState" ? "a non-state actor" : nameOf(ctx.s, suspect);
      emit(
        ctx,
        "attribution.advance",
        [knower],
        `${nameOf(ctx.s, knower)}'s attribution of an incident against ` +
          `${victimPhrase(ctx.s, knower, incident.target)} reached ${CONFIDENCE_NAMES[tier]} confidence: ${who}.`,
        { incident: incident.id },
      );
      onAttributionChanged(ctx, incident, knower, tier, suspect);
    }
  }
}
