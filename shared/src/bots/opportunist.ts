/** The opportunist persona (normal level): covert operations only where they are unlikely to be caught. */
import type { SeatId } from "../model/basics.ts";
import type { Inquiry } from "../model/types.ts";
import type { Rng } from "../model/rng.ts";
import type { GameView } from "../view/types.ts";
import type { BotAnswer, BotProposal } from "./intents.ts";
import type { Planner } from "./planner.ts";
import {
  attributable,
  authoredBy,
  catchChance,
  inferredDefense,
  knowsDefense,
  mySeat,
  tensionWith,
  unresolvedIncidents,
} from "./perception.ts";
import type { RefusalReason } from "./message-templates.ts";
import { refusalText } from "./messages.ts";
import { paceProposals } from "./pacing.ts";
import { proposeTo } from "./proposals.ts";
import { pledgeForbids, trustsProposal, weighProxy } from "./standing.ts";

/** Tension at or above which the opportunist leaves a state alone (it could escalate to war). */
const OPPORTUNIST_TENSION_LIMIT = 5;
/** Detection chance above which the opportunist runs no covert operation against a state. */
const OPPORTUNIST_CATCH_LIMIT = 0.35;
/**
 * Turns left (this one included) at or below which attribution can no longer catch up with a proxied
 * disruption.
 */
const OPPORTUNIST_LATE_TURNS = 3;

/** Other states below the tension limit, softest (least likely to detect) first; ties in seat order. */
export function softTargets(view: GameView, me: SeatId): SeatId[] {
  return view.seats
    .filter((s) => s !== me && tensionWith(view, me, s) < OPPORTUNIST_TENSION_LIMIT)
    .map((s, i) => ({ s, c: catchChance(view, me, s), i }))
    .sort((a, b) => a.c - b.c || a.i - b.i)
    .map((x) => x.s);
}

/**
 * The opportunist's reply to an inquiry: deny what it did not do or did through a proxy, explain the rest.
 */
export function opportunistReply(view: GameView, q: Inquiry, me: SeatId): "deny" | "explain" {
  if (!authoredBy(view, q.incident, me)) return "deny";
  const incident = view.incidents.find((i) => i.id === q.incident);
  return incident?.secret?.proxy ? "deny" : "explain";
}

/** The opportunist's orders after its answers. */
export function opportunistOrders(view: GameView, me: SeatId, plan: Planner, rng: Rng): void {
  for (const g of attributable(view, me, 2)) {
    if (plan.remaining < 2) break;
    plan.add({ type: "attribute", incident: g.incident.id, accused: g.suspect });
  }
  const target = softTargets(view, me)[0];
  if (target) {
    const left = view.maxTurns - view.turn + 1;
    const disrupt = { type: "disrupt", target, proxy: true } as const;
    if (
      left <= OPPORTUNIST_LATE_TURNS &&
      inferredDefense(view, me, target) <= 3 &&
      tensionWith(view, me, target) < OPPORTUNIST_TENSION_LIMIT - 1 &&
      !pledgeForbids(view, me, disrupt) &&
      weighProxy(view, me, disrupt).proxy
    )
      plan.add(disrupt);
    if (!knowsDefense(view, me, target) && rng.chance(0.5)) plan.add({ type: "espionage", target });
    if (catchChance(view, me, target) < OPPORTUNIST_CATCH_LIMIT) {
      plan.add({ type: "preposition", target });
      if (rng.chance(0.5)) plan.add({ type: "influence", target });
    }
  }
  const n = view.nations[me];
  if (n && (n.defense ?? 5) < 3) plan.add({ type: "harden" });
  const open = unresolvedIncidents(view, me)[0];
  if (open) plan.add({ type: "investigate", incident: open.id });
  if (plan.remaining > 0) plan.add({ type: "hunt" });
}

/**
 * The opportunist proposes hotlines and consultations (channels to deny through, no exposure), one at a time.
 */
export function opportunistProposals(view: GameView, me: SeatId): BotProposal[] {
  return paceProposals(view, me, proposeTo(view, me, ["hotline", "consultations"]));
}

/** The opportunist accepts what calms others down, refuses what exposes it or binds its hands. */
export function opportunistAnswer(
  view: GameView,
  proposal: GameView["proposals"][number],
): BotAnswer & { reason: RefusalReason | null } {
  const exposing: readonly string[] = ["situationReports", "jointObservation", "publishDoctrine"];
  const binding: readonly string[] = ["noFirstUse", "codeOfConduct"];
  if (exposing.includes(proposal.kind))
    return { accept: false, note: refusalText("exposure", []), reason: "exposure" };
  if (binding.includes(proposal.kind))
    return { accept: false, note: refusalText("tiesHands", []), reason: "tiesHands" };
  if (!trustsProposal(view, mySeat(view), proposal, "opportunist")) {
    const names = [view.nations[proposal.proposer]?.name ?? proposal.proposer];
    return { accept: false, note: refusalText("distrust", names), reason: "distrust" };
  }
  return { accept: true, note: "", reason: null };
}
