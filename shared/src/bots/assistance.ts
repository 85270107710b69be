/**
 * Requests for assistance under the norm on assistance (GGE 2015 norm (h)): an adopter hit by an incident it
 * cannot yet attribute asks the other adopters.
 */
import type { SeatId } from "../model/basics.ts";
import { cbmInForce } from "../model/cbms.ts";
import type { GameView } from "../view/types.ts";
import { unresolvedIncidents } from "./perception.ts";
import type { Planner } from "./planner.ts";

/**
 * Adds an inquiry (a request for assistance, which needs no hotline between adopters) to every other adopter
 * of `normAssistance`, about each incident against it still below moderate confidence, one state a turn and
 * each once: any of them could be the author, and each that answers opens its logs (rules/diplomacy.ts
 * `assist`).
 */
export function requestAssistance(view: GameView, me: SeatId, plan: Planner): void {
  if (!cbmInForce(view, "normAssistance", me)) return;
  const adopters = view.seats.filter((s) => s !== me && cbmInForce(view, "normAssistance", me, s));
  if (adopters.length === 0) return;
  for (const i of unresolvedIncidents(view, me)) {
    // The rules take one inquiry per incident a turn: ask the next adopter not yet asked, unless one is
    // already asked.
    if (!i.knowledge[me] || plan.orders.some((o) => o.type === "inquire" && o.incident === i.id)) continue;
    const next = adopters.find(
      (s) => !view.inquiries.some((q) => q.from === me && q.to === s && q.incident === i.id),
    );
    if (next) plan.add({ type: "inquire", target: next, incident: i.id });
  }
}
