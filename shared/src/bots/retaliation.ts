/**
 * How a tit-for-tat bot answers a grievance: in kind and in the open, or with the catalogued countermeasure.
 */
import type { SeatId } from "../model/basics.ts";
import { cbmInForce } from "../model/cbms.ts";
import type { GameView } from "../view/types.ts";
import type { Planner } from "./planner.ts";
import { catalogued, pledgeForbids } from "./standing.ts";

/**
 * Retaliation in kind and in the open, so the signal is clear: intrusion for intrusion, DDoS for effects,
 * disruption for disruption (a DDoS instead when the bot's no-first-use pledge makes an open disruption cost
 * more than it is worth). Under a self-defence catalogue, against an attacker publicly named for hitting it,
 * the bot takes the catalogued countermeasure instead (a sanction: lawful, known in advance, and adding no
 * tension).
 */
export function retaliate(
  view: GameView,
  me: SeatId,
  plan: Planner,
  target: SeatId,
  kind: string,
  proven = false,
): void {
  // Evidence at moderate+ is named this turn (attributions resolve before sanctions), so the sanction is
  // catalogued too.
  const lawful = catalogued(view, me, target) || (proven && cbmInForce(view, "selfDefenceCatalogue", me));
  if (lawful && plan.add({ type: "sanction", target })) return;
  const inKind = { type: "disrupt", target, overt: true } as const;
  if ((kind === "disrupt" || kind === "destroy") && !pledgeForbids(view, me, inKind) && plan.add(inKind))
    return;
  if (kind === "intrusion" || kind === "espionage" || kind === "preposition") {
    plan.add({ type: "expel", target });
    return;
  }
  plan.add({ type: "ddos", target, overt: true });
}
