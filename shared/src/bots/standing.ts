/**
 * What bots read off reputations, public naming and their own pledges. A state whose reputation is low is
 * trusted less (its proposals of measures that rest on its word are declined) and sanctioned more readily
 * once it is publicly named at moderate confidence or better (a coalition response); a state that pledged no
 * first use weighs what breaking the pledge would cost before it disrupts or destroys; a hawk that was just
 * named lies low for a while (attribution deters).
 */
import type { SeatId } from "../model/basics.ts";
import { cbmInForce, type CbmKind } from "../model/cbms.ts";
import { isDestructive } from "../model/operations.ts";
import type { OperationOrder } from "../model/orders.ts";
import type { GameView } from "../view/types.ts";
import type { BotPersona } from "./doctrines.ts";
import { catchChance, tensionWith } from "./perception.ts";

/**
 * Measures worth having with anyone, trusted or not: channels to talk through. Every other measure rests on
 * the other side's word.
 */
const CHANNELS: readonly CbmKind[] = ["hotline", "consultations"];

/**
 * Reputation below which each doctrine declines a proposal that rests on the proposer's word (null: never for
 * reputation).
 */
const DISTRUST_BELOW: Record<BotPersona, number | null> = {
  random: null,
  hawk: null,
  dove: 2,
  forgiving: 3.5,
  reciprocal: 4,
  opportunist: 4,
  normBuilder: 5,
};

/**
 * Reputation below which each doctrine joins sanctions against a state freshly named at moderate+ (null:
 * never; the hawk only against its rival).
 */
const SANCTION_BELOW: Record<BotPersona, number | null> = {
  random: null,
  hawk: null,
  dove: null,
  forgiving: 3,
  reciprocal: 4,
  opportunist: null,
  normBuilder: 6,
};

/**
 * Tension at or above which a bot does not add a sanction's strain to a pair (it is too close to the brink).
 */
const SANCTION_TENSION_LIMIT = 7;

/** Turns after being publicly named at moderate+ during which a hawk runs no disruption or destruction. */
export const NAMED_MEMORY = 3;

/**
 * What a disruption or destruction is worth to the doctrines that run them, in score points, against its
 * expected costs.
 */
const EFFECT_VALUE = 2;

/**
 * What an intrusion (espionage or pre-positioning) is worth: a quarter of an effect, as its severity is a
 * fifth to a third of a disruption's.
 */
const INTRUSION_VALUE = 0.5;

/**
 * Chance that a covert operation, once detected, is publicly named before the game ends (proxies halve it).
 */
const NAMED_IF_DETECTED = 0.8;

/** A state's reputation as the view shows it. */
export function reputationOf(view: GameView, s: SeatId): number {
  return view.nations[s]?.reputation ?? 0;
}

/**
 * True when a doctrine trusts a proposal: a channel, its own, or from a proposer whose reputation is not too
 * low.
 */
export function trustsProposal(
  view: GameView,
  me: SeatId,
  proposal: GameView["proposals"][number],
  persona: BotPersona,
): boolean {
  const below = DISTRUST_BELOW[persona];
  if (below === null || proposal.proposer === me || CHANNELS.includes(proposal.kind)) return true;
  return reputationOf(view, proposal.proposer) >= below;
}

/**
 * Turns after a coalition response to a state's naming during which further namings of it call for none (one
 * response, not one per accusation).
 */
export const COALITION_MEMORY = 3;

/**
 * States publicly named at moderate confidence or better during the last resolution and not in the
 * COALITION_MEMORY turns before (each once, not me).
 */
export function freshlyNamed(view: GameView, me: SeatId): SeatId[] {
  const fresh = new Set<SeatId>();
  const before = new Set<SeatId>();
  for (const i of view.incidents)
    for (const a of i.publicAttributions) {
      if (a.confidence < 2 || a.accused === me) continue;
      if (a.turn === view.turn - 1) fresh.add(a.accused);
      else if (a.turn < view.turn - 1 && a.turn >= view.turn - 1 - COALITION_MEMORY) before.add(a.accused);
    }
  return view.seats.filter((s) => fresh.has(s) && !before.has(s));
}

/**
 * The states a doctrine joins a coalition sanction against this turn: freshly named, with a reputation low
 * enough, and not too tense with me.
 */
export function coalitionTargets(view: GameView, me: SeatId, persona: BotPersona, rival?: SeatId): SeatId[] {
  const below = SANCTION_BELOW[persona];
  return freshlyNamed(view, me).filter((s) => {
    if (tensionWith(view, me, s) >= SANCTION_TENSION_LIMIT) return false;
    if (persona === "hawk") return s === rival;
    return below !== null && reputationOf(view, s) < below;
  });
}

/**
 * True when this seat was publicly named at moderate+ for one of its own operations within the last
 * NAMED_MEMORY turns.
 */
export function recentlyNamed(view: GameView, me: SeatId): boolean {
  return view.incidents.some(
    (i) =>
      i.author === me &&
      i.publicAttributions.some(
        (a) => a.accused === me && a.confidence >= 2 && a.turn >= view.turn - NAMED_MEMORY,
      ),
  );
}

/**
 * True when a countermeasure against `target` is in this seat's self-defence catalogue: the catalogue binds
 * it and `target` was publicly named at moderate+ for an incident against it (a sanction or expulsion then
 * adds no tension).
 */
export function catalogued(view: GameView, me: SeatId, target: SeatId): boolean {
  return (
    cbmInForce(view, "selfDefenceCatalogue", me) &&
    view.incidents.some(
      (i) => i.target === me && i.publicAttributions.some((a) => a.accused === target && a.confidence >= 2),
    )
  );
}

/** True when a no-first-use pledge binds this seat. */
export function pledged(view: GameView, me: SeatId): boolean {
  return cbmInForce(view, "noFirstUse", me);
}

/**
 * What a disruption or destruction would cost this seat if it were publicly attributed, beyond the norm costs
 * every state pays: for a no-first-use pledger, the pledge's reputation, every other state's coalition
 * measures and the tension every other pledger adds (priced at its share of a war's loss); for a
 * code-of-conduct member, the articles it breaks (critical infrastructure, and due diligence for a proxy) and
 * the other members' coalition measures.
 */
export function breachCost(view: GameView, me: SeatId, order: OperationOrder): number {
  const p = view.params;
  const others = view.seats.filter((s) => s !== me);
  const norms = (isDestructive(order.type) ? 1 : 0) + (order.proxy ? 1 : 0);
  let cost = norms * p.normViolationReputation;
  if (pledged(view, me) && isDestructive(order.type)) {
    const pledgers = others.filter((s) => cbmInForce(view, "noFirstUse", s)).length;
    const warPrice = (p.armedConflictLoss + p.belligerentLoss) / 10;
    cost +=
      p.pledgeBreachReputation +
      p.coalitionSanction * others.length +
      pledgers * p.pledgeBreachTension * warPrice;
  }
  if (norms > 0 && cbmInForce(view, "codeOfConduct", me)) {
    const members = others.filter((s) => cbmInForce(view, "codeOfConduct", s)).length;
    cost += norms * p.codeBreachReputation + p.coalitionSanction * members;
  }
  // Adopted norms negotiated in play: critical infrastructure for a disruption or destruction, due diligence
  // for a proxy.
  const candidates: Array<"normInfrastructure" | "normDueDiligence" | null> = [
    isDestructive(order.type) ? "normInfrastructure" : null,
    order.proxy ? "normDueDiligence" : null,
  ];
  const adopted = candidates.filter(
    (k): k is "normInfrastructure" | "normDueDiligence" => k !== null && cbmInForce(view, k, me),
  );
  if (adopted.length > 0) {
    const adopters = others.filter((s) => adopted.some((k) => cbmInForce(view, k, s))).length;
    cost += adopted.length * p.normBreachReputation + p.coalitionSanction * adopters;
  }
  return cost;
}

/** True when a norm negotiated in play binds this seat against disruption and destruction. */
function normBound(view: GameView, me: SeatId): boolean {
  return cbmInForce(view, "normInfrastructure", me);
}

/**
 * The chance this seat infers that an operation is publicly pinned on it: certain if overt, else detection
 * and later naming.
 */
export function exposure(view: GameView, me: SeatId, order: OperationOrder): number {
  if (order.overt) return 1;
  return catchChance(view, me, order.target) * NAMED_IF_DETECTED * (order.proxy ? 0.5 : 1);
}

/**
 * True when a seat bound by a no-first-use pledge, a code of conduct or the infrastructure norm should not
 * run this disruption or destruction: its expected breach cost outweighs what it is worth.
 */
export function pledgeForbids(view: GameView, me: SeatId, order: OperationOrder): boolean {
  if (
    !isDestructive(order.type) ||
    !(pledged(view, me) || cbmInForce(view, "codeOfConduct", me) || normBound(view, me))
  )
    return false;
  return exposure(view, me, order) * breachCost(view, me, order) > EFFECT_VALUE;
}

/**
 * The operation as this seat would run it: through a proxy only if no commitment against proxies binds it
 * (the due-diligence norm, the code of conduct's article on it) or if hiding behind one still costs less in
 * expectation (half the exposure, the breach added) than running it itself; else without the proxy.
 */
export function weighProxy<T extends OperationOrder>(view: GameView, me: SeatId, order: T): T {
  if (!order.proxy) return order;
  if (!cbmInForce(view, "normDueDiligence", me) && !cbmInForce(view, "codeOfConduct", me)) return order;
  const { proxy: _hidden, ...rest } = order;
  const itself = rest as T;
  const expected = (o: T) => exposure(view, me, o) * breachCost(view, me, o);
  return expected(order) <= expected(itself) ? order : itself;
}

/**
 * What an espionage or pre-positioning operation would cost this seat if it were publicly attributed, in the
 * commitments it made: the CERT norm and the code's article 3 against an intrusion into a state that shares
 * situation reports, the supply-chain norm against implants; each with its reputation and the other parties'
 * coalition measures.
 */
export function intrusionBreachCost(view: GameView, me: SeatId, order: OperationOrder): number {
  if (order.type !== "espionage" && order.type !== "preposition") return 0;
  const p = view.params;
  const others = view.seats.filter((s) => s !== me);
  const certs = cbmInForce(view, "situationReports", order.target);
  const norms: CbmKind[] = [];
  if (certs) norms.push("normCerts");
  if (order.type === "preposition") norms.push("normSupplyChain");
  const adopted = norms.filter((k) => cbmInForce(view, k, me));
  let cost = 0;
  if (adopted.length > 0) {
    const adopters = others.filter((s) => adopted.some((k) => cbmInForce(view, k, s))).length;
    cost += adopted.length * p.normBreachReputation + p.coalitionSanction * adopters;
  }
  if (certs && cbmInForce(view, "codeOfConduct", me)) {
    const members = others.filter((s) => cbmInForce(view, "codeOfConduct", s)).length;
    cost += p.codeBreachReputation + p.coalitionSanction * members;
  }
  return cost;
}

/**
 * True when a seat should not run this espionage or pre-positioning: the norms it adopted make its expected
 * breach cost outweigh what the intrusion is worth.
 */
export function intrusionForbidden(view: GameView, me: SeatId, order: OperationOrder): boolean {
  if (order.type !== "espionage" && order.type !== "preposition") return false;
  return exposure(view, me, order) * intrusionBreachCost(view, me, order) > INTRUSION_VALUE;
}
