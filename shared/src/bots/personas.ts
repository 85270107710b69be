/** Baseline bot personas: each chooses orders, proposals and answers from its seat's view only. */
import type { Order } from "../model/orders.ts";
import type { Rng } from "../model/rng.ts";
import type { SeatId } from "../model/basics.ts";
import { OPERATION_KINDS } from "../model/operations.ts";
import { CBM_KINDS, hotlineWith } from "../model/cbms.ts";
import type { GameView } from "../view/types.ts";
import type { BotAnswer, BotProposal } from "./intents.ts";
import { addBrinkChoices } from "./brink.ts";
import { requestAssistance } from "./assistance.ts";
import type { Persona } from "./persona-names.ts";
import { refusalText } from "./messages.ts";
import type { RefusalReason } from "./message-templates.ts";
import { paceProposals } from "./pacing.ts";
import { Planner } from "./planner.ts";
import { retaliate } from "./retaliation.ts";
import { forgives } from "./forgiveness.ts";
import { nameAttackers } from "./joint-attribution.ts";
import { proposeTo } from "./proposals.ts";
import { coalitionTargets, pledgeForbids, recentlyNamed, trustsProposal, weighProxy } from "./standing.ts";
import {
  attributable,
  authoredBy,
  freshGrievances,
  grievancesToAnswer,
  myInquiry,
  mySeat,
  openInquiriesToMe,
  rivalsByTension,
  tensionWith,
  unresolvedIncidents,
} from "./perception.ts";

function answerInquiries(view: GameView, me: SeatId, plan: Planner, persona: Persona, rng: Rng): void {
  for (const q of openInquiriesToMe(view, me)) {
    const guilty = authoredBy(view, q.incident, me);
    let reply: "deny" | "explain" | "acknowledge";
    if (persona === "hawk") reply = "deny";
    else if (persona === "random") reply = rng.pick(["deny", "explain", "acknowledge"] as const);
    else if (!guilty) reply = "deny";
    else reply = persona === "dove" ? "acknowledge" : "explain";
    plan.add({ type: "answer", inquiry: q.id, reply });
  }
}

function reciprocalOrders(view: GameView, me: SeatId, plan: Planner, forgiving: boolean): void {
  const punished = new Set<SeatId>();
  const seen = new Map<SeatId, number>();
  for (const g of grievancesToAnswer(view, me)) {
    if (punished.has(g.suspect)) continue;
    const before = seen.get(g.suspect) ?? 0;
    seen.set(g.suspect, before + 1);
    const asked = myInquiry(view, me, g.incident.id);
    if (g.confidence < 2 && hotlineWith(view, me, g.suspect)) {
      if (!asked) {
        plan.add({ type: "inquire", target: g.suspect, incident: g.incident.id });
        continue;
      }
      if (asked.reply === "deny" || asked.reply === "explain") continue;
    }
    // Tit-for-two-tats: the forgiving bot lets a suspect's first grievance pass, asking about it where a
    // hotline allows, and answers a second inside the window (forgiveness.ts).
    if (forgiving && forgives(view, me, g, before)) {
      if (!asked && hotlineWith(view, me, g.suspect))
        plan.add({ type: "inquire", target: g.suspect, incident: g.incident.id });
      continue;
    }
    punished.add(g.suspect);
    retaliate(view, me, plan, g.suspect, g.incident.kind, g.confidence >= 2);
  }
  nameAttackers(view, me, plan);
  // The coalition: a state just named in public whose reputation is low is sanctioned, unless already
  // punished.
  for (const t of coalitionTargets(view, me, forgiving ? "forgiving" : "reciprocal"))
    if (!punished.has(t) && plan.remaining >= 2) plan.add({ type: "sanction", target: t });
  const open = unresolvedIncidents(view, me)[0];
  if (open) plan.add({ type: "investigate", incident: open.id });
  const n = view.nations[me];
  if (n && (n.defense ?? 5) < 3) plan.add({ type: "harden" });
  if (plan.remaining > 0) plan.add({ type: "hunt" });
}

function hawkOrders(view: GameView, me: SeatId, plan: Planner, rng: Rng): void {
  const rivals = rivalsByTension(view, me);
  const rival = rivals[0];
  if (!rival) return;
  const t = tensionWith(view, me, rival);
  // No strike out of the blue: the hawk strikes only at a brink (brink.ts), when clearly stronger and already
  // wronged.
  if (coalitionTargets(view, me, "hawk", rival).length > 0) plan.add({ type: "sanction", target: rival });
  for (const g of attributable(view, me, 1)) {
    if (plan.remaining < 2) break;
    if (rng.chance(0.5)) plan.add({ type: "attribute", incident: g.incident.id, accused: g.suspect });
  }
  if (t >= 6 && rng.chance(0.3)) plan.add({ type: "mobilize", target: rival });
  const n = view.nations[me];
  if (recentlyNamed(view, me)) {
    // Named in public at moderate confidence lately, by its victim or a third state, it goes quiet for a while
    // (as APT1 did after its exposure in February 2013), near the threshold of force too: it watches and
    // rebuilds, and runs no attack that would be pinned on it again.
    if (rng.chance(0.5)) plan.add({ type: "espionage", target: rival });
    plan.add({ type: "harden" });
    if (n && (n.cyber ?? 10) < 7) plan.add({ type: "develop" });
    return;
  }
  if (t >= 7) {
    // Brinkmanship: near the threshold of force, keep the pressure quiet and the options open.
    plan.add({ type: "preposition", target: rival });
    plan.add({ type: "espionage", target: rival });
    plan.add({ type: "harden" });
    return;
  }
  const third = rivals.find((r) => r !== rival);
  const flag = third && rng.chance(0.2) ? { falseFlag: third } : {};
  const proxy = rng.chance(0.3) ? { proxy: true } : {};
  // Pledged, it weighs what breaking the pledge would cost; bound by due diligence, what a proxy would.
  const destroy = weighProxy(view, me, { type: "destroy", target: rival, ...proxy } as const);
  const disrupt = weighProxy(view, me, { type: "disrupt", target: rival, ...proxy, ...flag } as const);
  const done = !pledgeForbids(view, me, destroy) && plan.add(destroy);
  if (!done && !pledgeForbids(view, me, disrupt)) plan.add(disrupt);
  plan.add({ type: "preposition", target: rival });
  if (rng.chance(0.3)) plan.add(weighProxy(view, me, { type: "ddos", target: rival, ...proxy } as const));
  if (rng.chance(0.5)) plan.add({ type: "espionage", target: rival });
  if (n && (n.defense ?? 5) < 3) plan.add({ type: "harden" });
  else if (n && (n.cyber ?? 10) < 7) plan.add({ type: "develop" });
}

/**
 * The careful doctrines' first orders: name what is known at moderate confidence, then ask (over a hotline)
 * and investigate the first open incident.
 */
export function attributeAndInquire(view: GameView, me: SeatId, plan: Planner): void {
  nameAttackers(view, me, plan);
  const open = unresolvedIncidents(view, me)[0];
  if (open) {
    const k = open.knowledge[me];
    if (
      k &&
      typeof k.suspect === "string" &&
      k.suspect !== "nonState" &&
      hotlineWith(view, me, k.suspect) &&
      !myInquiry(view, me, open.id)
    )
      plan.add({ type: "inquire", target: k.suspect, incident: open.id });
    plan.add({ type: "investigate", incident: open.id });
  }
}

function doveOrders(view: GameView, me: SeatId, plan: Planner): void {
  attributeAndInquire(view, me, plan);
  const rival = rivalsByTension(view, me)[0];
  if (rival && tensionWith(view, me, rival) >= 2)
    plan.add({
      type: "statement",
      tone: "reassure",
      target: rival,
      text: "We seek no confrontation and propose dialogue.",
    });
  const n = view.nations[me];
  if (n && (n.defense ?? 5) < 4) plan.add({ type: "harden" });
  plan.add({ type: "hunt" });
}

function randomOrders(view: GameView, me: SeatId, plan: Planner, rng: Rng): void {
  const others = view.seats.filter((s) => s !== me);
  const mine = view.incidents.filter((i) => i.target === me && i.knowledge[me]);
  const types = [
    ...OPERATION_KINDS,
    "develop",
    "harden",
    "hunt",
    "investigate",
    "sanction",
    "expel",
    "statement",
    "mobilize",
  ] as const;
  const picks = 1 + rng.int(3);
  for (let tries = 0; tries < 8 && plan.orders.length < picks && plan.remaining > 0; tries++) {
    const type = rng.pick(types);
    const target = rng.pick(others);
    let order: Order | null;
    switch (type) {
      case "develop":
      case "harden":
      case "hunt":
        order = { type };
        break;
      case "investigate":
        order = mine.length ? { type, incident: rng.pick(mine).id } : null;
        break;
      case "sanction":
      case "expel":
      case "mobilize":
        order = { type, target };
        break;
      case "statement":
        order = { type, tone: rng.chance(0.5) ? "reassure" : "warn", target };
        break;
      default:
        order = { type, target, ...(rng.chance(0.2) ? { overt: true } : {}) };
    }
    if (order) plan.add(order);
  }
}

/** Chooses a seat's orders for this turn from its view. */
export function chooseOrders(view: GameView, persona: Persona, rng: Rng): Order[] {
  const me = mySeat(view);
  const plan = new Planner(view, me);
  answerInquiries(view, me, plan, persona, rng);
  addBrinkChoices(view, me, persona, plan, rng);
  switch (persona) {
    case "hawk":
      hawkOrders(view, me, plan, rng);
      break;
    case "dove":
      doveOrders(view, me, plan);
      break;
    case "reciprocal":
      reciprocalOrders(view, me, plan, false);
      break;
    case "forgiving":
      reciprocalOrders(view, me, plan, true);
      break;
    case "random":
      randomOrders(view, me, plan, rng);
      break;
  }
  if (persona === "dove" || persona === "reciprocal" || persona === "forgiving")
    requestAssistance(view, me, plan);
  return plan.orders;
}

/** CBMs a seat proposes this turn: one at a time, when something calls for it (pacing.ts). */
export function proposeCbms(view: GameView, persona: Persona, rng: Rng): BotProposal[] {
  const me = mySeat(view);
  switch (persona) {
    case "dove":
      return paceProposals(
        view,
        me,
        proposeTo(view, me, [
          "hotline",
          "situationReports",
          "consultations",
          "publishDoctrine",
          "noFirstUse",
        ]),
        true,
      );
    case "reciprocal":
    case "forgiving":
      return paceProposals(view, me, proposeTo(view, me, ["hotline", "situationReports"]));
    case "random":
      return rng.chance(0.2) ? proposeTo(view, me, [rng.pick(CBM_KINDS)]).slice(0, 1) : [];
    case "hawk":
      return [];
  }
}

/** A refusal with its reason and the note that says it. */
function refuse(reason: RefusalReason, names: readonly string[] = []): BotAnswer & { reason: RefusalReason } {
  return { accept: false, note: refusalText(reason, names), reason };
}

/**
 * A seat's answer to a CBM proposal, with a short note and the reason for a refusal (null when it accepts).
 */
export function answerProposal(
  view: GameView,
  proposal: GameView["proposals"][number],
  persona: Persona,
  rng: Rng,
): BotAnswer & { reason: RefusalReason | null } {
  const me = mySeat(view);
  const yes = { accept: true, note: "", reason: null };
  const distrusted = !trustsProposal(view, me, proposal, persona);
  const proposer = [view.nations[proposal.proposer]?.name ?? proposal.proposer];
  switch (persona) {
    case "dove":
      return distrusted ? refuse("distrust", proposer) : yes;
    case "hawk":
      return refuse("tiesHands");
    case "random":
      return rng.chance(0.5) ? yes : refuse("notNow");
    case "reciprocal":
    case "forgiving": {
      const hostile = proposal.parties.some(
        (p) => p !== me && freshGrievances(view, me).some((g) => g.suspect === p && g.confidence >= 2),
      );
      if (hostile) return refuse("unanswered");
      return distrusted ? refuse("distrust", proposer) : yes;
    }
  }
}
