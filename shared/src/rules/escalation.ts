/** Escalation: incidents raise tension by suspicion and severity; decay and suspicion relax it. */
import { own } from "../model/ids.ts";
import { allPairs, pairKey, pairMembers, suspicionKey } from "../model/pairs.ts";
import type { Confidence, SeatId } from "../model/basics.ts";
import type { GameEvent, MeasureChange } from "../model/events.ts";
import type { RuleId } from "../model/rules-catalogue.ts";
import type { Incident } from "../model/types.ts";
import { standByAlly } from "./alliances.ts";
import { addTension, emit, hasCbm, nameOf, round3, shiftMeasure, withChanges, type Ctx } from "./context.ts";

/**
 * Weight of an incident on a pair's tension: the firebreak (0.6) unless lethal or past the inversion
 * threshold.
 */
function incidentWeight(ctx: Ctx, incident: Incident, a: SeatId, b: SeatId): number {
  if (incident.lethal) return 1;
  const t = ctx.s.tension[pairKey(a, b)] ?? 0;
  return t >= ctx.p.inversionThreshold ? 1 : ctx.p.cyberWeight;
}

/** Severity of an incident before weights (a failed operation counts half). */
function incidentSeverity(ctx: Ctx, incident: Incident): number {
  const base = ctx.p.severity[incident.kind];
  return incident.success ? base : base / 2;
}

/** Changes suspicion of `from` toward `to`, clamped to 0–1. */
export function setSuspicion(ctx: Ctx, from: SeatId, to: SeatId, value: number): void {
  ctx.s.suspicion[suspicionKey(from, to)] = round3(Math.min(1, Math.max(0, value)));
}

/** Suspicion of `from` toward `to`. */
export function suspicionOf(ctx: Ctx, from: SeatId, to: SeatId): number {
  return ctx.s.suspicion[suspicionKey(from, to)] ?? ctx.p.suspicionBaseline;
}

function visibility(incident: Incident): "public" | SeatId[] {
  return incident.public ? "public" : [incident.target];
}

/**
 * Adds an incident's blame on the pair of its victim and `other`, and records it in the incident's ledger.
 */
function blame(
  ctx: Ctx,
  incident: Incident,
  other: SeatId,
  delta: number,
  rule: RuleId,
  vis: GameEvent["visibleTo"],
  text: string,
): void {
  const applied = addTension(ctx, incident.target, other, delta, rule, vis, text, incident.id);
  incident.blame[other] = round3((own(incident.blame, other) ?? 0) + applied);
}

/**
 * Takes back a share of the blame an incident put on the pair of its victim and `other`, as far as fatigue
 * has not already eased it.
 */
function withdrawBlame(
  ctx: Ctx,
  incident: Incident,
  other: SeatId,
  share: number,
  rule: RuleId,
  text: string,
): void {
  const put = own(incident.blame, other) ?? 0;
  if (put <= 0 || share <= 0) return;
  const eased = (1 - ctx.p.tensionFatigue) ** Math.max(0, ctx.turn - incident.turn);
  const back = round3(put * share * eased);
  addTension(ctx, incident.target, other, -back, rule, [incident.target], text, incident.id);
  incident.blame[other] = round3(put * (1 - share));
}

/**
 * The victim has just noticed an incident: its weighted severity is spread as tension over the states it
 * suspects, in proportion to suspicion (part of it goes to the non-state prior).
 */
export function onNoticed(ctx: Ctx, incident: Incident): void {
  const v = incident.target;
  const sev = incidentSeverity(ctx, incident);
  const vis = visibility(incident);
  if (incident.overt && incident.author) {
    const w = incidentWeight(ctx, incident, v, incident.author);
    const rule = w === 1 && !incident.lethal ? "escalation.inversion" : "escalation.incident";
    blame(
      ctx,
      incident,
      incident.author,
      sev * w,
      rule,
      "public",
      `${nameOf(ctx.s, incident.author)} openly hit ${nameOf(ctx.s, v)}.`,
    );
    standByAlly(ctx, v, incident.author, sev * w, incident.id);
    setSuspicion(ctx, v, incident.author, 1);
    return;
  }
  let total = ctx.p.nonStatePrior;
  for (const s of ctx.s.seats) if (s !== v) total += suspicionOf(ctx, v, s);
  for (const s of ctx.s.seats) {
    if (s === v) continue;
    const susp = suspicionOf(ctx, v, s);
    const w = incidentWeight(ctx, incident, v, s);
    const hotline = hasCbm(ctx.s, "hotline", "escalation.hotline", v, s);
    const delta = (sev * w * susp * (hotline ? ctx.p.hotlineAmbiguityFactor : 1)) / total;
    const rule = hotline
      ? "escalation.hotline"
      : w === 1 && !incident.lethal
        ? "escalation.inversion"
        : "escalation.incident";
    blame(
      ctx,
      incident,
      s,
      delta,
      rule,
      vis,
      `${nameOf(ctx.s, v)} suspects ${nameOf(ctx.s, s)} (suspicion ${susp.toFixed(2)}) of an unattributed incident.`,
    );
    setSuspicion(ctx, v, s, susp + ctx.p.ambiguitySuspicion);
  }
}

/**
 * A seat's attribution of an incident has moved: suspicion follows, and for the victim the incident's blame
 * is re-allocated, never added twice. Low confidence moves part of it onto the suspect; moderate or high
 * confidence takes back what was spread onto the others and tops the suspect's pair up to the incident's full
 * weight; a non-state finding takes it back from everyone.
 */
export function onAttributionChanged(
  ctx: Ctx,
  incident: Incident,
  knower: SeatId,
  confidence: Confidence,
  suspect: SeatId | "nonState",
): void {
  const victim = incident.target === knower;
  const sev = incidentSeverity(ctx, incident);
  const p = ctx.p;
  if (suspect === "nonState") {
    if (!victim || confidence < 1) return;
    const share = confidence >= 2 ? 1 : p.lowConfidenceWithdrawal;
    for (const s of ctx.s.seats) {
      if (s === knower) continue;
      withdrawBlame(
        ctx,
        incident,
        s,
        share,
        "attribution.advance",
        `${nameOf(ctx.s, knower)} traced the incident to a non-state actor: the suspicion on ${nameOf(ctx.s, s)} eases.`,
      );
      setSuspicion(ctx, knower, s, suspicionOf(ctx, knower, s) - p.ambiguitySuspicion);
    }
    return;
  }
  if (suspect === knower) return;
  const implied = p.confidenceSuspicion[confidence] ?? 0;
  setSuspicion(
    ctx,
    knower,
    suspect,
    Math.max(suspicionOf(ctx, knower, suspect), victim ? implied : implied / 2),
  );
  if (!victim) return;
  const w = incidentWeight(ctx, incident, knower, suspect);
  const ambiguous = confidence < 2 && hasCbm(ctx.s, "hotline", "escalation.hotline", knower, suspect);
  const share = (confidence >= 2 ? 1 : p.lowConfidenceBlame) * (ambiguous ? p.hotlineAmbiguityFactor : 1);
  const topUp = Math.max(0, sev * w * share - (own(incident.blame, suspect) ?? 0));
  blame(
    ctx,
    incident,
    suspect,
    topUp,
    ambiguous ? "escalation.hotline" : "attribution.advance",
    [knower],
    `${nameOf(ctx.s, knower)} now attributes an incident to ${nameOf(ctx.s, suspect)}.`,
  );
  clearOthers(ctx, incident, suspect, confidence >= 2 ? 1 : p.lowConfidenceWithdrawal);
  if (confidence >= 2) exposeDenial(ctx, incident, knower, suspect);
}

/**
 * The victim now points at `suspect`: a share of the blame its incident spread onto every other state is
 * taken back.
 */
export function clearOthers(ctx: Ctx, incident: Incident, suspect: SeatId, share: number): void {
  const knower = incident.target;
  for (const s of ctx.s.seats) {
    if (s === knower || s === suspect) continue;
    withdrawBlame(
      ctx,
      incident,
      s,
      share,
      "attribution.advance",
      `${nameOf(ctx.s, knower)}'s evidence points away from ${nameOf(ctx.s, s)}: the suspicion on it eases.`,
    );
  }
}

/**
 * A denial by the true author, contradicted by moderate+ evidence, is exposed once: reputation and trust
 * suffer.
 */
export function exposeDenial(ctx: Ctx, incident: Incident, knower: SeatId, suspect: SeatId): void {
  if (suspect !== incident.author || !incident.deniedBy.includes(suspect)) return;
  incident.deniedBy = incident.deniedBy.filter((d) => d !== suspect);
  const changes: MeasureChange[] = [];
  shiftMeasure(ctx, changes, suspect, "reputation", -ctx.p.exposedDenialReputation);
  emit(
    ctx,
    "diplomacy.inquire",
    "public",
    `${nameOf(ctx.s, suspect)}'s hotline denial to ${nameOf(ctx.s, knower)} was exposed: reputation -${ctx.p.exposedDenialReputation}.`,
    { incident: incident.id, ...withChanges(changes) },
  );
  addTension(
    ctx,
    knower,
    suspect,
    ctx.p.unansweredInquiryTension,
    "diplomacy.inquire",
    "public",
    `A false denial broke trust between ${nameOf(ctx.s, knower)} and ${nameOf(ctx.s, suspect)}.`,
  );
}

/**
 * End-of-turn relaxation: fatigue on every pair not at (or reaching) the brink, more on quiet pairs and with
 * consultations; suspicion returns toward its baseline.
 */
export function relax(ctx: Ctx): void {
  for (const key of allPairs(ctx.s.seats)) {
    // A standoff does not ease by itself: only a side standing down (or words) takes a pair off the brink.
    if (Object.hasOwn(ctx.s.brinks, key) || ctx.peaks.has(key)) continue;
    const [a, b] = pairMembers(key);
    const quiet = !ctx.touched.has(key);
    const consult = hasCbm(ctx.s, "consultations", "escalation.decay", a, b);
    const d =
      ctx.p.tensionFatigue * (ctx.s.tension[key] ?? 0) +
      (quiet ? ctx.p.tensionDecay : 0) +
      (consult ? ctx.p.consultationsDecay : 0);
    const why = quiet
      ? `A quiet month between ${nameOf(ctx.s, a)} and ${nameOf(ctx.s, b)}`
      : `Fatigue between ${nameOf(ctx.s, a)} and ${nameOf(ctx.s, b)}`;
    addTension(
      ctx,
      a,
      b,
      -d,
      "escalation.decay",
      "public",
      `${why}${consult ? ", with consultations" : ""}: tension eased.`,
    );
  }
  for (const from of ctx.s.seats) {
    for (const to of ctx.s.seats) {
      if (from === to) continue;
      const cur = suspicionOf(ctx, from, to);
      const rate =
        ctx.p.suspicionDecay *
        (hasCbm(ctx.s, "publishDoctrine", "escalation.suspicion", to) ? ctx.p.doctrineSuspicionDecay : 1);
      setSuspicion(ctx, from, to, cur + (ctx.p.suspicionBaseline - cur) * Math.min(1, rate));
    }
  }
}
