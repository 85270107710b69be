/**
 * The bots' public API by persona and level: orders, proposals, answers and messages, from a seat's view
 * only.
 */
import type { Order } from "../model/orders.ts";
import type { Rng } from "../model/rng.ts";
import type { CbmKind } from "../model/cbms.ts";
import type { GameView } from "../view/types.ts";
import type { BotPersona, BotSpec } from "./doctrines.ts";
import {
  doctrineAnswer,
  doctrineOrders,
  doctrineProposals,
  easyOrders,
  easyProposals,
  type ReasonedAnswer,
} from "./doctrine-play.ts";
import { acceptText, inquiryReplyText, proposalText, type BotMessage } from "./messages.ts";
import type { BotProposal } from "./intents.ts";
import { authoredBy, mySeat } from "./perception.ts";
import { withBrinkChoices } from "./brink.ts";
import { objectiveCbms, paceProposals, servesObjective } from "./pacing.ts";
import { proposeAmongAll, proposeTo } from "./proposals.ts";
import { HARD_BUDGET, searchOrders, type SearchBudget } from "./search.ts";

/** Options of a decision: the search budget of the `hard` level (tests use smaller ones). */
export interface BotOptions {
  budget?: SearchBudget;
}

/** Everything one bot seat does in a planning phase. */
export interface BotTurn {
  answers: Array<{ proposal: string } & ReasonedAnswer>;
  proposals: BotProposal[];
  orders: Order[];
  messages: BotMessage[];
  /** The plan the `hard` search chose (null at other levels). */
  plan: string | null;
}

/**
 * The doctrine's red lines at the `hard` level: CBMs it never signs. A hard bot signs every other CBM
 * (talking is cheaper than fighting, and every CBM counts toward stable peace), whatever its doctrine's rules
 * of thumb say.
 */
export const HARD_RED_LINES: Record<BotPersona, readonly CbmKind[]> = {
  random: [],
  hawk: ["noFirstUse", "codeOfConduct"],
  opportunist: ["noFirstUse", "codeOfConduct", "situationReports", "jointObservation", "publishDoctrine"],
  dove: [],
  reciprocal: [],
  forgiving: [],
  normBuilder: [],
};

/**
 * CBMs a hard bot proposes beyond its doctrine's (all but its red lines): every CBM counts toward stable
 * peace.
 */
const HARD_PROPOSALS: readonly CbmKind[] = [
  "hotline",
  "consultations",
  "situationReports",
  "codeOfConduct",
  "selfDefenceCatalogue",
  "publishDoctrine",
  "noFirstUse",
];

export { servesObjective };

/**
 * CBMs a hard bot also proposes among all states at once: consultations and hotlines then bind every pair,
 * not only its own.
 */
const MULTILATERAL: readonly CbmKind[] = ["consultations", "hotline"];

/**
 * A bot's answer to a CBM proposal, with a reason for a refusal. Hard bots sign everything but their red
 * lines, and a red line yields to the seat's own secret objective (the state's brief outranks the persona's
 * habits).
 */
export function decideAnswer(
  view: GameView,
  proposal: GameView["proposals"][number],
  spec: BotSpec,
  rng: Rng,
): ReasonedAnswer {
  const a = doctrineAnswer(view, proposal, spec.persona, rng);
  if (a.accept || spec.level !== "hard" || spec.persona === "random") return a;
  if (a.reason === "violator" || a.reason === "distrust") return a;
  const red =
    HARD_RED_LINES[spec.persona].includes(proposal.kind) &&
    !servesObjective(view, mySeat(view), proposal.kind, proposal.parties);
  return red ? a : { accept: true, note: "", reason: null };
}

/**
 * The CBMs a bot proposes this turn: one at a time, when something calls for it (pacing.ts). Hard bots choose
 * among more: the CBMs their objectives need (red lines or not), hotlines and consultations among all states,
 * and every kind outside their red lines.
 */
export function decideProposals(view: GameView, spec: BotSpec, rng: Rng): BotProposal[] {
  if (view.options.noCbms) return [];
  if (spec.level === "easy" && spec.persona !== "random") return easyProposals(view, spec.persona, rng);
  const out = doctrineProposals(view, spec.persona, rng);
  if (spec.level !== "hard" || spec.persona === "random") return out;
  const me = mySeat(view);
  const red = HARD_RED_LINES[spec.persona];
  const wanted = [
    ...objectiveCbms(view, me).flatMap((o) => proposeTo(view, me, [o.cbm], o.with ? [o.with] : undefined)),
    ...out,
    ...proposeAmongAll(
      view,
      MULTILATERAL.filter((k) => !red.includes(k)),
    ),
    ...proposeTo(
      view,
      me,
      HARD_PROPOSALS.filter((k) => !red.includes(k)),
    ),
  ];
  return paceProposals(view, me, wanted, spec.persona === "dove");
}

/** A bot's orders for this turn (`random` plays the same at every level). */
export function decideOrders(view: GameView, spec: BotSpec, rng: Rng, options: BotOptions = {}): Order[] {
  let orders: Order[];
  if (spec.persona === "random" || spec.level === "normal") orders = doctrineOrders(view, spec.persona, rng);
  else if (spec.level === "easy") orders = easyOrders(view, spec.persona, rng);
  else orders = searchOrders(view, spec.persona, rng, options.budget ?? HARD_BUDGET).orders;
  return withBrinkChoices(view, spec.persona, orders, rng);
}

/**
 * The messages that go with a bot's turn: hotline words with its inquiry answers, words with its proposals
 * and acceptances.
 */
export function botMessages(
  view: GameView,
  spec: BotSpec,
  turn: Pick<BotTurn, "answers" | "proposals" | "orders">,
  rng: Rng | null,
): BotMessage[] {
  const me = mySeat(view);
  const out: BotMessage[] = [];
  for (const o of turn.orders) {
    if (o.type !== "answer") continue;
    const q = view.inquiries.find((x) => x.id === o.inquiry);
    if (q)
      out.push({
        channel: { kind: "hotline", with: q.from },
        text: inquiryReplyText(spec.persona, o.reply, authoredBy(view, q.incident, me)),
      });
  }
  for (const p of turn.proposals) {
    const to = p.parties.filter((x) => x !== me);
    out.push({
      channel: to.length > 0 ? { kind: "proposal", to } : { kind: "public" },
      text: proposalText(
        spec.persona,
        p.kind,
        to.map((x) => view.nations[x]?.name ?? x),
        rng,
      ),
    });
  }
  for (const a of turn.answers) {
    if (!a.accept) continue;
    const p = view.proposals.find((x) => x.id === a.proposal);
    if (p)
      out.push({
        channel: { kind: "proposal", to: p.parties.filter((x) => x !== me) },
        text: acceptText(spec.persona, rng),
      });
  }
  return out;
}

/** Everything a bot seat does this planning phase, from its view: answers, proposals, orders and messages. */
export function botTurn(view: GameView, spec: BotSpec, rng: Rng, options: BotOptions = {}): BotTurn {
  const me = mySeat(view);
  const answers: BotTurn["answers"] = [];
  for (const p of view.proposals) {
    if (!p.parties.includes(me) || p.accepted.includes(me) || p.declined.includes(me)) continue;
    answers.push({ proposal: p.id, ...decideAnswer(view, p, spec, rng) });
  }
  const proposals = decideProposals(view, spec, rng);
  let orders: Order[];
  let plan: string | null = null;
  if (spec.level === "hard" && spec.persona !== "random") {
    const r = searchOrders(view, spec.persona, rng, options.budget ?? HARD_BUDGET, { answers, proposals });
    orders = withBrinkChoices(view, spec.persona, r.orders, rng);
    plan = r.label;
  } else orders = decideOrders(view, spec, rng, options);
  return {
    answers,
    proposals,
    orders,
    plan,
    messages: botMessages(view, spec, { answers, proposals, orders }, rng),
  };
}
