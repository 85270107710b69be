/** The norm-builder persona (normal level): builds the regime of CBMs and punishes attributed violations. */
import { isDestructive } from "../model/operations.ts";
import type { SeatId } from "../model/basics.ts";
import type { Rng } from "../model/rng.ts";
import type { GameView } from "../view/types.ts";
import type { BotAnswer, BotProposal } from "./intents.ts";
import { attributeAndInquire } from "./personas.ts";
import { requestAssistance } from "./assistance.ts";
import type { Planner } from "./planner.ts";
import { rivalsByTension, tensionWith } from "./perception.ts";
import type { RefusalReason } from "./message-templates.ts";
import { refusalText, statementText } from "./messages.ts";
import { paceProposals } from "./pacing.ts";
import { proposeTo } from "./proposals.ts";
import { coalitionTargets, trustsProposal } from "./standing.ts";

/**
 * A norm violation the world can see: a disruption or destruction run overtly or publicly attributed at
 * moderate+ to its author.
 */
export interface Violation {
  violator: SeatId;
  victim: SeatId;
  incident: string;
  /** Turn the violation became public (the attribution's turn, or the operation's if overt). */
  turn: number;
}

/** Turns during which a norm builder refuses new CBMs with a violator. */
const VIOLATOR_MEMORY = 3;

/** Every public violation this view shows. */
function publicViolations(view: GameView): Violation[] {
  const out: Violation[] = [];
  for (const i of view.incidents) {
    if (!isDestructive(i.kind)) continue;
    if (i.overt && typeof i.author === "string" && i.author !== "nonState") {
      out.push({ violator: i.author, victim: i.target, incident: i.id, turn: i.turn });
      continue;
    }
    const named = i.publicAttributions.find((a) => a.confidence >= 2);
    if (named) out.push({ violator: named.accused, victim: i.target, incident: i.id, turn: named.turn });
  }
  return out;
}

/** Violations made public during the last resolution (each violator once). */
export function freshViolations(view: GameView, me: SeatId): Violation[] {
  const seen = new Set<SeatId>();
  const out: Violation[] = [];
  for (const v of publicViolations(view)) {
    if (v.turn !== view.turn - 1 || v.violator === me || seen.has(v.violator)) continue;
    seen.add(v.violator);
    out.push(v);
  }
  return out;
}

/** States that violated a norm publicly within the last VIOLATOR_MEMORY turns. */
function recentViolators(view: GameView): Set<SeatId> {
  return new Set(
    publicViolations(view)
      .filter((v) => v.turn >= view.turn - VIOLATOR_MEMORY)
      .map((v) => v.violator),
  );
}

/**
 * Punishes fresh violations: a sanction for one against me (justified), an expulsion for one against another
 * state, a public warning; and joins the coalition against a state just named in public whose reputation is
 * low (a sanction).
 */
function punishViolations(view: GameView, me: SeatId, plan: Planner, rng: Rng | null): SeatId[] {
  const punished: SeatId[] = [];
  const coalition = coalitionTargets(view, me, "normBuilder");
  for (const v of freshViolations(view, me)) {
    const done =
      v.victim === me || coalition.includes(v.violator)
        ? plan.add({ type: "sanction", target: v.violator })
        : plan.add({ type: "expel", target: v.violator });
    if (done) punished.push(v.violator);
  }
  for (const t of coalition)
    if (!punished.includes(t) && plan.remaining >= 2 && plan.add({ type: "sanction", target: t }))
      punished.push(t);
  const first = punished[0];
  if (first)
    plan.add({
      type: "statement",
      tone: "warn",
      target: first,
      text: statementText("normBuilder", "warn", view.nations[first]?.name ?? first, rng),
    });
  return punished;
}

/** The norm builder's orders after its answers. */
export function normBuilderOrders(view: GameView, me: SeatId, plan: Planner, rng: Rng): void {
  punishViolations(view, me, plan, rng);
  attributeAndInquire(view, me, plan);
  requestAssistance(view, me, plan);
  const rival = rivalsByTension(view, me)[0];
  if (rival && tensionWith(view, me, rival) >= 3)
    plan.add({
      type: "statement",
      tone: "reassure",
      target: rival,
      text: statementText("normBuilder", "reassure", view.nations[rival]?.name ?? rival, rng),
    });
  const n = view.nations[me];
  if (n && (n.defense ?? 5) < 3) plan.add({ type: "harden" });
  if (plan.remaining > 0) plan.add({ type: "hunt" });
}

/**
 * The norm builder proposes the whole regime, a measure at a time, to every state that is not a recent
 * violator.
 */
export function normBuilderProposals(view: GameView, me: SeatId): BotProposal[] {
  const bad = recentViolators(view);
  const partners = view.seats.filter((s) => s !== me && !bad.has(s));
  const wanted = proposeTo(
    view,
    me,
    [
      "hotline",
      "situationReports",
      "consultations",
      "codeOfConduct",
      "selfDefenceCatalogue",
      "publishDoctrine",
      "noFirstUse",
    ],
    partners,
  );
  return paceProposals(view, me, wanted);
}

/** The norm builder accepts every CBM except with a recent violator. */
export function normBuilderAnswer(
  view: GameView,
  proposal: GameView["proposals"][number],
  me: SeatId,
): BotAnswer & { reason: RefusalReason | null } {
  const bad = recentViolators(view);
  const violators = proposal.parties.filter((p) => p !== me && bad.has(p));
  if (violators.length === 0) {
    if (trustsProposal(view, me, proposal, "normBuilder")) return { accept: true, note: "", reason: null };
    const names = [view.nations[proposal.proposer]?.name ?? proposal.proposer];
    return { accept: false, note: refusalText("distrust", names), reason: "distrust" };
  }
  return {
    accept: false,
    note: refusalText(
      "violator",
      violators.map((v) => view.nations[v]?.name ?? v),
    ),
    reason: "violator",
  };
}
