/**
 * Naming at moderate confidence, one's own attackers and a CERT partner's: evidence shared through situation
 * reports gives the partners of a victim the same picture, and a careful doctrine answers it with a joint
 * public attribution (a non-military, collective response) rather than leaving the victim to answer alone.
 */
import type { SeatId } from "../model/basics.ts";
import { cbmInForce } from "../model/cbms.ts";
import type { GameView } from "../view/types.ts";
import { attributable } from "./perception.ts";
import type { Planner } from "./planner.ts";

/**
 * Incidents against a fellow member of a situation-report link that this seat learned of through the link
 * and attributes at moderate+ to a third state nobody has yet named at moderate+.
 */
export function partnersToName(view: GameView, me: SeatId): Array<{ incident: string; suspect: SeatId }> {
  const out: Array<{ incident: string; suspect: SeatId }> = [];
  for (const i of view.incidents) {
    const k = i.knowledge[me];
    if (i.overt || i.target === me || i.author === me || !k?.shared || k.confidence < 2) continue;
    const suspect = k.suspect;
    if (suspect === null || suspect === "nonState" || suspect === me || suspect === i.target) continue;
    if (!cbmInForce(view, "situationReports", me, i.target)) continue;
    if (i.publicAttributions.some((a) => a.by === me || (a.accused === suspect && a.confidence >= 2)))
      continue;
    out.push({ incident: i.id, suspect });
  }
  return out;
}

/**
 * Names in public, while two action points are left, every attacker of this seat known at moderate+, then the
 * attackers of its CERT partners (`partnersToName`).
 */
export function nameAttackers(view: GameView, me: SeatId, plan: Planner): void {
  const own = attributable(view, me, 2).map((g) => ({ incident: g.incident.id, suspect: g.suspect }));
  for (const g of [...own, ...partnersToName(view, me)]) {
    if (plan.remaining < 2) return;
    plan.add({ type: "attribute", incident: g.incident, accused: g.suspect });
  }
}
