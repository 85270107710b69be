/** The doctrines as rules (level `normal`) and played carelessly (level `easy`), for all seven personas. */
import type { Order } from "../model/orders.ts";
import type { Rng } from "../model/rng.ts";
import type { SeatId } from "../model/basics.ts";
import type { Inquiry } from "../model/types.ts";
import type { GameView } from "../view/types.ts";
import { isBaselinePersona, type BotPersona } from "./doctrines.ts";
import type { RefusalReason } from "./message-templates.ts";
import { addBrinkChoices, brinksFacing } from "./brink.ts";
import { normBuilderAnswer, normBuilderOrders, normBuilderProposals } from "./norm-builder.ts";
import {
  opportunistAnswer,
  opportunistOrders,
  opportunistProposals,
  opportunistReply,
} from "./opportunist.ts";
import type { BotAnswer, BotProposal } from "./intents.ts";
import { answerProposal, chooseOrders, proposeCbms } from "./personas.ts";
import { attributable, authoredBy, mySeat, openInquiriesToMe } from "./perception.ts";
import { Planner } from "./planner.ts";

/** Chance that an easy bot drops each order it would give. */
const EASY_DROP = 0.4;
/** Chance that an easy bot leaves an inquiry to it unanswered. */
const EASY_SILENCE = 0.5;
/** Chance that an easy bot makes each proposal its doctrine calls for. */
const EASY_PROPOSE = 0.5;
/**
 * Chance per turn that an easy bot rashly names its suspect for an incident it holds only at low confidence.
 */
const EASY_RASH = 0.5;

/** A bot's answer to a proposal with the reason for a refusal (null when it accepts). */
export type ReasonedAnswer = BotAnswer & { reason: RefusalReason | null };

/** A persona's reply to an inquiry addressed to it, by its doctrine and by whether it ran the operation. */
function doctrineReply(
  view: GameView,
  q: Inquiry,
  me: SeatId,
  persona: BotPersona,
  rng: Rng,
): "deny" | "explain" | "acknowledge" {
  const guilty = authoredBy(view, q.incident, me);
  switch (persona) {
    case "hawk":
      return "deny";
    case "random":
      return rng.pick(["deny", "explain", "acknowledge"] as const);
    case "opportunist":
      return opportunistReply(view, q, me);
    case "dove":
    case "normBuilder":
      return guilty ? "acknowledge" : "deny";
    case "reciprocal":
    case "forgiving":
      return guilty ? "explain" : "deny";
  }
}

/** Adds the doctrine's answers to every inquiry waiting for this seat. */
export function addDoctrineAnswers(
  view: GameView,
  me: SeatId,
  persona: BotPersona,
  plan: Planner,
  rng: Rng,
): void {
  for (const q of openInquiriesToMe(view, me))
    plan.add({ type: "answer", inquiry: q.id, reply: doctrineReply(view, q, me, persona, rng) });
}

/**
 * Orders by the doctrine's rules (the `normal` level; the baseline `chooseOrders` for the first five
 * personas).
 */
export function doctrineOrders(view: GameView, persona: BotPersona, rng: Rng): Order[] {
  if (isBaselinePersona(persona)) return chooseOrders(view, persona, rng);
  const me = mySeat(view);
  const plan = new Planner(view, me);
  addDoctrineAnswers(view, me, persona, plan, rng);
  addBrinkChoices(view, me, persona, plan, rng);
  if (persona === "opportunist") opportunistOrders(view, me, plan, rng);
  else normBuilderOrders(view, me, plan, rng);
  return plan.orders;
}

/** CBM proposals by the doctrine's rules. */
export function doctrineProposals(view: GameView, persona: BotPersona, rng: Rng): BotProposal[] {
  if (isBaselinePersona(persona)) return proposeCbms(view, persona, rng);
  const me = mySeat(view);
  return persona === "opportunist" ? opportunistProposals(view, me) : normBuilderProposals(view, me);
}

/** The doctrine's answer to a proposal, with the reason for a refusal. */
export function doctrineAnswer(
  view: GameView,
  proposal: GameView["proposals"][number],
  persona: BotPersona,
  rng: Rng,
): ReasonedAnswer {
  if (persona === "opportunist") return opportunistAnswer(view, proposal);
  if (persona === "normBuilder") return normBuilderAnswer(view, proposal, mySeat(view));
  return answerProposal(view, proposal, persona, rng);
}

/**
 * Easy level: the doctrine's orders, each dropped with chance EASY_DROP; inquiries left unanswered with
 * chance EASY_SILENCE; and, with chance EASY_RASH, the novice's mistake: naming its low-confidence suspect in
 * public.
 */
export function easyOrders(view: GameView, persona: BotPersona, rng: Rng): Order[] {
  const me = mySeat(view);
  // Even a careless bot answers every brink it is at (no answer would count as standing firm).
  const atBrink = new Set(brinksFacing(view, me));
  const kept = doctrineOrders(view, persona, rng).filter(
    (o) =>
      ((o.type === "brink" || o.type === "strike") && atBrink.has(o.target)) ||
      !rng.chance(o.type === "answer" ? EASY_SILENCE : EASY_DROP),
  );
  const plan = new Planner(view, me);
  for (const o of kept) plan.add(o);
  const rash = attributable(view, me, 1).filter((g) => g.confidence === 1);
  const pick = rash[rash.length - 1];
  if (pick && rng.chance(EASY_RASH))
    plan.add({ type: "attribute", incident: pick.incident.id, accused: pick.suspect });
  return plan.orders;
}

/** Easy level: each of the doctrine's proposals made with chance EASY_PROPOSE. */
export function easyProposals(view: GameView, persona: BotPersona, rng: Rng): BotProposal[] {
  return doctrineProposals(view, persona, rng).filter(() => rng.chance(EASY_PROPOSE));
}
