/** What a bot reads off its view: rivals, grievances, open inquiries. */
import { pairKey } from "../model/pairs.ts";
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

/** Incidents against me newly attributed (or re-attributed) to a state during the last resolution. */
export function freshGrievances(view: GameView, me: SeatId): Grievance[] {
  const out: Grievance[] = [];
  for (const i of view.incidents) {
    if (i.target !== me) continue;
    const k = i.knowledge[me];
    if (!k || k.changed !== view.turn - 1 || k.confidence < 1) continue;
    if (k.suspect === null || k.suspect === "nonState" || k.suspect === me) continue;
    out.push({ incident: i, suspect: k.suspect, confidence: k.confidence });
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
