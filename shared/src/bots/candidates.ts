/**
 * The plans a search bot weighs each turn: its doctrine's own orders and a few alternatives the doctrine
 * allows.
 */
import type { Order } from "../model/orders.ts";
import type { Rng } from "../model/rng.ts";
import type { SeatId } from "../model/basics.ts";
import { hotlineWith } from "../model/cbms.ts";
import type { GameView } from "../view/types.ts";
import type { BotPersona } from "./doctrines.ts";
import { addDoctrineAnswers, doctrineOrders } from "./doctrine-play.ts";
import { statementText } from "./messages.ts";
import { softTargets } from "./opportunist.ts";
import {
  attributable,
  myInquiry,
  mySeat,
  rivalsByTension,
  tensionWith,
  unresolvedIncidents,
} from "./perception.ts";
import { Planner } from "./planner.ts";
import { addBrinkChoices, brinksFacing } from "./brink.ts";
import { pledgeForbids, weighProxy } from "./standing.ts";
import { requestAssistance } from "./assistance.ts";

/** One candidate: a label stable across sampled worlds (the search tree's edge) and its orders. */
export interface Plan {
  label: string;
  orders: Order[];
}

/** Most plans a search bot weighs at once. */
const MAX_PLANS = 8;

function name(view: GameView, s: SeatId): string {
  return view.nations[s]?.name ?? s;
}

function guard(view: GameView, me: SeatId, p: Planner): void {
  if ((view.nations[me]?.defense ?? 5) < 5) p.add({ type: "harden" });
  p.add({ type: "hunt" });
  const open = unresolvedIncidents(view, me)[0];
  if (open) p.add({ type: "investigate", incident: open.id });
}

function inquireLowConfidence(view: GameView, me: SeatId, p: Planner): void {
  for (const i of unresolvedIncidents(view, me)) {
    const k = i.knowledge[me];
    if (
      k &&
      typeof k.suspect === "string" &&
      k.suspect !== "nonState" &&
      hotlineWith(view, me, k.suspect) &&
      !myInquiry(view, me, i.id)
    )
      p.add({ type: "inquire", target: k.suspect, incident: i.id });
  }
}

/**
 * Orders that work toward unmet secret objectives, as far as the doctrine allows; returns whether it added
 * any.
 */
function objectiveOrders(view: GameView, me: SeatId, persona: BotPersona, p: Planner, rng: Rng): boolean {
  const before = p.orders.length;
  // A searching bot of any doctrine may pre-position for an access objective ("defend forward"): it harms no
  // one and breaks no norm.
  const mayIntrude = true;
  for (const o of view.private[me]?.objectives ?? []) {
    if (o.met && o.kind !== "tensionAtMost") continue;
    if (o.kind === "accessIn" && mayIntrude) p.add({ type: "preposition", target: o.target });
    if (o.kind === "tensionAtMost" && tensionWith(view, me, o.with) > o.max - 1.5)
      p.add({
        type: "statement",
        tone: "reassure",
        target: o.with,
        text: statementText(persona, "reassure", name(view, o.with), rng),
      });
    if (o.kind === "rivalAttributed") {
      for (const g of attributable(view, me, 2))
        if (g.suspect === o.rival) p.add({ type: "attribute", incident: g.incident.id, accused: g.suspect });
      if (persona !== "dove") p.add({ type: "espionage", target: o.rival });
      const open = unresolvedIncidents(view, me).find((i) => i.knowledge[me]?.suspect === o.rival);
      if (open) p.add({ type: "investigate", incident: open.id });
    }
    if (o.kind === "statAtLeast" && o.stat !== "reputation") p.add({ type: "hunt" });
  }
  return p.orders.length > before;
}

/**
 * Incidents this seat knows at moderate+ (against itself or, through a CERT link, against others) that nobody
 * has named at moderate+: the first correct naming earns reputation.
 */
function nameable(view: GameView, me: SeatId): Array<{ id: string; suspect: SeatId }> {
  const out: Array<{ id: string; suspect: SeatId }> = [];
  for (const i of view.incidents) {
    const k = i.knowledge[me];
    if (
      i.overt ||
      !k ||
      k.confidence < 2 ||
      k.suspect === null ||
      k.suspect === "nonState" ||
      k.suspect === me ||
      i.author === me
    )
      continue;
    const suspect = k.suspect;
    if (i.publicAttributions.some((a) => a.by === me || (a.accused === suspect && a.confidence >= 2)))
      continue;
    out.push({ id: i.id, suspect });
  }
  return out;
}

/**
 * Restraint: the seat's own answers to inquiries, then the dove's rules (defend, investigate, name at
 * moderate+, reassure).
 */
export function restraintOrders(view: GameView, persona: BotPersona, rng: Rng): Order[] {
  if (persona === "dove") return doctrineOrders(view, "dove", rng);
  const me = mySeat(view);
  const p = new Planner(view, me);
  addDoctrineAnswers(view, me, persona, p, rng);
  for (const o of doctrineOrders(view, "dove", rng)) {
    if (o.type === "answer") continue;
    p.add(
      o.type === "statement" && o.target
        ? { ...o, text: statementText(persona, "reassure", name(view, o.target), rng) }
        : o,
    );
  }
  return p.orders;
}

/** The doctrines whose normal rules ask fellow adopters of the norm on assistance for help (assistance.ts). */
const ASKS_ASSISTANCE: ReadonlySet<BotPersona> = new Set(["dove", "reciprocal", "forgiving", "normBuilder"]);

/**
 * A plan with the requests for assistance the normal rule would add at its end (they cost no action point);
 * the plan unchanged if its orders do not all re-add.
 */
function withRequests(view: GameView, me: SeatId, orders: Order[]): Order[] {
  const p = new Planner(view, me);
  for (const o of orders) p.add(o);
  if (p.orders.length !== orders.length) return orders;
  requestAssistance(view, me, p);
  return p.orders;
}

/**
 * The doctrine-allowed plans for this turn, the doctrine's own first; at most MAX_PLANS, no two with the same
 * orders.
 */
export function candidatePlans(view: GameView, persona: BotPersona, rng: Rng): Plan[] {
  const me = mySeat(view);
  const plans: Plan[] = [];
  const seen = new Set<string>();
  const asks = ASKS_ASSISTANCE.has(persona);
  const push = (label: string, plan: Order[]): void => {
    // Every plan of a doctrine that asks for assistance carries the request, as its normal rule does.
    const orders = asks ? withRequests(view, me, plan) : plan;
    const key = JSON.stringify(orders);
    if (seen.has(key) || plans.length >= MAX_PLANS) return;
    seen.add(key);
    plans.push({ label, orders });
  };
  // The doctrine's choices at every brink the seat must answer, drawn once for every plan that does not weigh
  // another.
  const brink = new Planner(view, me);
  addBrinkChoices(view, me, persona, brink, rng);
  const start = (): Planner => {
    const p = new Planner(view, me);
    addDoctrineAnswers(view, me, persona, p, rng);
    for (const o of brink.orders) p.add(o);
    return p;
  };
  const doctrine = doctrineOrders(view, persona, rng);
  push("doctrine", doctrine);
  // At a brink the doctrine would not leave, standing down is weighed too.
  const facing = new Set(brinksFacing(view, me));
  if (
    doctrine.some(
      (o) => (o.type === "brink" && o.choice === "firm") || (o.type === "strike" && facing.has(o.target)),
    )
  ) {
    const down = new Planner(view, me);
    addBrinkChoices(view, me, persona, down, rng, "standDown");
    for (const o of doctrine) if (o.type !== "strike" || !facing.has(o.target)) down.add(o);
    push("brink:down", down.orders);
  }
  // The dove's rules are a strong default for any doctrine's own score: always weigh them too.
  if (persona !== "dove") push("restraint", restraintOrders(view, persona, rng));
  const rival = rivalsByTension(view, me)[0];

  const obj = start();
  if (objectiveOrders(view, me, persona, obj, rng)) {
    guard(view, me, obj);
    push("objective", obj.orders);
  }
  const named = nameable(view, me);
  if (named.length > 0) {
    const p = start();
    for (const g of named) p.add({ type: "attribute", incident: g.id, accused: g.suspect });
    guard(view, me, p);
    push("name", p.orders);
  }
  const calm = start();
  if (rival && tensionWith(view, me, rival) >= 1)
    calm.add({
      type: "statement",
      tone: "reassure",
      target: rival,
      text: statementText(persona, "reassure", name(view, rival), rng),
    });
  inquireLowConfidence(view, me, calm);
  guard(view, me, calm);
  push("calm", calm.orders);

  if (persona === "hawk" || persona === "opportunist") {
    const target = persona === "hawk" ? rival : softTargets(view, me)[0];
    if (target) {
      const proxy = persona === "opportunist" ? { proxy: true } : {};
      const destroy = weighProxy(view, me, { type: "destroy", target, ...proxy } as const);
      const disrupt = weighProxy(view, me, { type: "disrupt", target, ...proxy } as const);
      if (persona === "hawk" || tensionWith(view, me, target) < 4) {
        const fx = start();
        if (
          (!pledgeForbids(view, me, destroy) && fx.add(destroy)) ||
          (!pledgeForbids(view, me, disrupt) && fx.add(disrupt))
        ) {
          fx.add({ type: "preposition", target });
          push(`effects:${target}`, fx.orders);
        }
      }
      const pr = start();
      pr.add({ type: "preposition", target });
      pr.add({ type: "espionage", target });
      if (persona === "opportunist") pr.add({ type: "influence", target });
      pr.add({ type: "harden" });
      push(`pressure:${target}`, pr.orders);
    }
    if (persona === "hawk" && (view.nations[me]?.cyber ?? 10) < 10) {
      const dv = start();
      dv.add({ type: "develop" });
      guard(view, me, dv);
      push("develop", dv.orders);
    }
  }
  if (persona === "reciprocal" || persona === "forgiving" || persona === "normBuilder") {
    const open = unresolvedIncidents(view, me)[0];
    const suspect = open?.knowledge[me]?.suspect;
    if (open && typeof suspect === "string" && suspect !== "nonState") {
      const sp = start();
      sp.add({ type: "espionage", target: suspect });
      sp.add({ type: "investigate", incident: open.id });
      sp.add({ type: "hunt" });
      push(`spy:${suspect}`, sp.orders);
    }
  }
  const g = start();
  guard(view, me, g);
  push("guard", g.orders);
  return plans;
}
