/** What a bot reads off its view: rivals, grievances, open inquiries. */
import { cbmInForce } from "../model/cbms.ts";
import { pairKey } from "../model/pairs.ts";
import { detectionChance } from "../rules/detection.ts";
import type { SeatId } from "../model/basics.ts";
import type { GameView, IncidentView } from "../view/types.ts";

/** The seat a player view belongs to. */
export function mySeat(view: GameView): SeatId {
  return view.viewer.role === "player" ? view.viewer.seat : (view.seats[0] as SeatId);
}

/** The latest intelligence report I hold about another state, if any. */
export function latestIntel(view: GameView, me: SeatId, about: SeatId) {
  const list = (view.private[me]?.intel ?? []).filter((r) => r.about === about);
  return list[list.length - 1];
}

/** Other states sorted by tension with me, highest first (ties: suspicion, then seat order). */
export function rivalsByTension(view: GameView, me: SeatId): SeatId[] {
  const susp = view.private[me]?.suspicion ?? {};
  return view.seats
    .filter((s) => s !== me)
    .map((s, i) => ({ s, t: view.tension[pairKey(me, s)] ?? 0, u: susp[s] ?? 0, i }))
    .sort((a, b) => b.t - a.t || b.u - a.u || a.i - b.i)
    .map((x) => x.s);
}

/** Tension between me and another state. */
export function tensionWith(view: GameView, me: SeatId, other: SeatId): number {
  return view.tension[pairKey(me, other)] ?? 0;
}

/** A grievance: an incident against me whose attribution (to a state) changed last turn. */
export interface Grievance {
  incident: IncidentView;
  suspect: SeatId;
  confidence: number;
}

/**
 * The state my evidence named for an incident before `turn`, read off my own attribution track
 * (`Knowledge.before`, what it pointed to before its last change): `undefined` when it had named no one.
 */
export function earlierSuspect(
  view: GameView,
  me: SeatId,
  incident: string,
  turn: number,
): SeatId | "nonState" | undefined {
  const k = view.incidents.find((i) => i.id === incident)?.knowledge[me];
  if (!k) return undefined;
  const named = k.changed >= turn ? (k.before ?? null) : k.suspect;
  return named ?? undefined;
}

/**
 * Incidents against me that my evidence named a state for during the last resolution, once per incident: the
 * first time it names a state, or when it names a different state than before (a false flag or an error seen
 * through). A rise in confidence in the same state is no new grievance (tit-for-tat punishes an incident
 * once, not once per tier).
 */
export function freshGrievances(view: GameView, me: SeatId): Grievance[] {
  const out: Grievance[] = [];
  for (const i of view.incidents) {
    if (i.target !== me) continue;
    const k = i.knowledge[me];
    if (!k || k.changed !== view.turn - 1 || k.confidence < 1) continue;
    if (k.suspect === null || k.suspect === "nonState" || k.suspect === me) continue;
    const before = earlierSuspect(view, me, i.id, k.changed);
    if (before !== undefined && before === k.suspect) continue;
    out.push({ incident: i, suspect: k.suspect, confidence: k.confidence });
  }
  return out;
}

/**
 * My inquiries about incidents against me that their suspect left unanswered at the last resolution: a
 * grievance deferred.
 */
export function unansweredInquiries(view: GameView, me: SeatId): Grievance[] {
  const out: Grievance[] = [];
  for (const q of view.inquiries) {
    if (q.from !== me || q.status !== "unanswered" || q.turn !== view.turn - 2) continue;
    const i = view.incidents.find((x) => x.id === q.incident && x.target === me);
    const k = i?.knowledge[me];
    if (i && k && k.suspect === q.to) out.push({ incident: i, suspect: q.to, confidence: k.confidence });
  }
  return out;
}

/** Incidents against me still below moderate confidence, newest first. */
export function unresolvedIncidents(view: GameView, me: SeatId): IncidentView[] {
  return view.incidents.filter((i) => i.target === me && (i.knowledge[me]?.confidence ?? 3) < 2).reverse();
}

/** Incidents against me attributed at moderate+ to a state that nobody has publicly named yet. */
export function attributable(view: GameView, me: SeatId, minConfidence: number): Grievance[] {
  const out: Grievance[] = [];
  for (const i of view.incidents) {
    if (i.target !== me || i.overt) continue;
    const k = i.knowledge[me];
    if (
      !k ||
      k.confidence < minConfidence ||
      k.suspect === null ||
      k.suspect === "nonState" ||
      k.suspect === me
    )
      continue;
    if (i.publicAttributions.some((a) => a.by === me)) continue;
    out.push({ incident: i, suspect: k.suspect, confidence: k.confidence });
  }
  return out;
}

/** The inquiry I already sent about an incident, if any. */
export function myInquiry(view: GameView, me: SeatId, incident: string) {
  return view.inquiries.find((q) => q.from === me && q.incident === incident);
}

/** Inquiries addressed to me that are waiting for my answer. */
export function openInquiriesToMe(view: GameView, me: SeatId) {
  return view.inquiries.filter((q) => q.to === me && q.status === "open" && q.turn < view.turn);
}

/** Whether I authored an incident (my view shows the author only for my own operations, or when revealed). */
export function authoredBy(view: GameView, incidentId: string, me: SeatId): boolean {
  return view.incidents.some((i) => i.id === incidentId && i.author === me);
}

/** A state's defence as this seat knows it: visible, from its latest intelligence, or assumed 3. */
export function inferredDefense(view: GameView, me: SeatId, target: SeatId): number {
  const seen = view.nations[target]?.defense;
  if (seen !== null && seen !== undefined) return seen;
  const intel = (view.private[me]?.intel ?? []).filter((r) => r.about === target);
  return intel.length > 0 ? (intel[intel.length - 1] as (typeof intel)[number]).defense : 3;
}

/** True when this seat knows a state's defence (visible or from intelligence). */
export function knowsDefense(view: GameView, me: SeatId, target: SeatId): boolean {
  const seen = view.nations[target]?.defense;
  return (
    (seen !== null && seen !== undefined) || (view.private[me]?.intel ?? []).some((r) => r.about === target)
  );
}

/**
 * The chance this seat infers that a covert operation against `target` is detected (defence and CERT link).
 */
export function catchChance(view: GameView, me: SeatId, target: SeatId): number {
  const sitrep = cbmInForce(view, "situationReports", target);
  return detectionChance(
    inferredDefense(view, me, target),
    sitrep ? view.params.sitrepDetectionBonus : 0,
    view.params,
  );
}

/**
 * The grievances a tit-for-tat bot answers this turn. Bound by a self-defence catalogue it answers only
 * evidence that would make a countermeasure lawful (countermeasures must target the responsible state, ILC
 * Articles on State Responsibility art. 49): an incident against it whose evidence reached moderate
 * confidence in the last resolution, once per incident, and no low-confidence suspicion. Otherwise its fresh
 * grievances and the inquiries left unanswered.
 */
export function grievancesToAnswer(view: GameView, me: SeatId): Grievance[] {
  const all = [...freshGrievances(view, me), ...unansweredInquiries(view, me)];
  if (!cbmInForce(view, "selfDefenceCatalogue", me)) return all;
  const out = all.filter((g) => g.confidence >= 2);
  for (const i of view.incidents) {
    const k = i.knowledge[me];
    if (i.target !== me || !k || k.moderateAt !== view.turn - 1 || out.some((g) => g.incident.id === i.id))
      continue;
    if (k.suspect !== null && k.suspect !== "nonState" && k.suspect !== me)
      out.push({ incident: i, suspect: k.suspect, confidence: k.confidence });
  }
  return out;
}
