/**
 * Confidence-building measures, one row per kind (after OSCE Permanent Council decisions 1106 and 1202, and
 * the advanced measures of docs/model.md section 4.6): the name and effect players read, how many states one
 * measure binds, whose capabilities it reveals, and the rules whose outcome it changes. The kind list, the
 * unilateral kinds and the names derive from it; `cbmInForce` is the one test of whether a measure binds
 * given states.
 */
import type { SeatId } from "./basics.ts";
import type { RuleId } from "./rules-catalogue.ts";

/** What one kind of CBM is. */
export interface CbmRow {
  /** Its name, as the interface shows it. */
  name: string;
  /** What it does, in one line (the numbers are the default parameters). */
  effect: string;
  /**
   * How many states one measure binds: exactly one (a state's own doctrine), one or more (a pledge taken
   * alone or together), or at least two.
   */
  members: "one" | "oneOrMore" | "twoOrMore";
  /**
   * Whose cyber and defence it makes visible: a member's to every state ("all"), members' to each other
   * ("members"), or nothing.
   */
  reveals: "all" | "members" | null;
  /**
   * The rules (rules-catalogue ids) whose outcome it changes. The engine asks whether it is in force only on
   * behalf of one of these (rules/context.ts `hasCbm`, checked by the compiler); cbms.test.ts checks every
   * one is asked. Every kind that binds two or more states also counts toward stable peace (end.stablePeace
   * counts such kinds).
   */
  bites: readonly RuleId[];
  /**
   * A norm negotiated in play (after the UN GGE 2015 report): proposed to every state at once and adopted by
   * those who accept once they reach `normAdoptionShare` of the table; a declined answer does not sink it.
   */
  norm?: true;
}

/** Every kind of CBM, in the order players and bots list them. */
export const CBMS = {
  hotline: {
    name: "Hotline",
    effect:
      "Members may inquire about incidents; tension from incidents they only suspect each other of " +
      "is halved; at the brink, one member standing down brings both down.",
    members: "twoOrMore",
    reveals: null,
    bites: ["escalation.hotline", "diplomacy.inquire", "escalation.brink"],
  },
  situationReports: {
    name: "Situation reports (CERT link)",
    effect:
      "Members share the incidents they detect; operations against a member are detected more often and attributed faster and more surely.",
    members: "twoOrMore",
    reveals: null,
    bites: [
      "detection.sitrep",
      "detection.dwell",
      "attribution.advance",
      "attribution.error",
      "norm.codeOfConduct",
      "norm.breach",
    ],
  },
  consultations: {
    name: "Regular consultations",
    effect:
      "Tension between members decays 0.15 a turn faster; at the brink, one member standing down brings both down.",
    members: "twoOrMore",
    reveals: null,
    bites: ["escalation.decay", "escalation.brink"],
  },
  jointObservation: {
    name: "Joint observation of cyber exercises",
    effect:
      "No exercise between members is misread as an attack; members see each other's cyber and defence.",
    members: "twoOrMore",
    reveals: "members",
    bites: ["misperception.exercise", "op.develop"],
  },
  publishDoctrine: {
    name: "Published cyber doctrine",
    effect:
      "Your own pledge: your cyber and defence become visible to all, suspicion of you relaxes twice " +
      "as fast, and others fear your capability growth and misread your exercises half as often.",
    members: "one",
    reveals: "all",
    bites: ["escalation.suspicion", "op.develop", "misperception.exercise"],
  },
  noFirstUse: {
    name: "No first use of disruptive operations",
    effect:
      "A member later caught disrupting or destroying loses 3 reputation and 0.5 economy per other " +
      "state's coalition measures, and gains tension with every other member.",
    members: "oneOrMore",
    reveals: null,
    bites: ["norm.pledgeBreach"],
  },
  selfDefenceCatalogue: {
    name: "Self-defence catalogue",
    effect: "A member's sanction or expulsion of a publicly attributed attacker adds no tension.",
    members: "twoOrMore",
    reveals: null,
    bites: ["diplomacy.sanction", "diplomacy.expel"],
  },
  codeOfConduct: {
    name: "Code of conduct",
    effect:
      "Five articles (non-interference, critical infrastructure, CERTs, due diligence, cooperation " +
      "against crime): a member caught breaking one loses 2 reputation per article and 0.5 economy per other member's coalition measures.",
    members: "twoOrMore",
    reveals: null,
    bites: ["norm.codeOfConduct"],
  },
  normInfrastructure: {
    name: "Norm: no damage to critical infrastructure",
    effect:
      "A GGE norm, adopted by those who accept once 60% of states do: an adopter caught disrupting " +
      "or destroying loses 2 reputation and faces each other adopter's coalition measures (economy -0.5 each).",
    members: "twoOrMore",
    reveals: null,
    bites: ["norm.breach"],
    norm: true,
  },
  normCerts: {
    name: "Norm: CERTs are off limits",
    effect:
      "A GGE norm, adopted by those who accept once 60% of states do: an adopter caught spying on or " +
      "pre-positioning in a state whose CERT shares situation reports pays as for any breach.",
    members: "twoOrMore",
    reveals: null,
    bites: ["norm.breach"],
    norm: true,
  },
  normDueDiligence: {
    name: "Norm: due diligence over one's territory",
    effect:
      "A GGE norm, adopted by those who accept once 60% of states do: an adopter acts against criminal " +
      "attacks from its territory (it takes down half the DDoS attacks launched from it), and one caught " +
      "acting through a proxy pays as for any breach.",
    members: "twoOrMore",
    reveals: null,
    bites: ["norm.breach", "nonstate.incident"],
    norm: true,
  },
  normAssistance: {
    name: "Norm: answer requests for assistance",
    effect:
      "A GGE norm, adopted by those who accept once 60% of states do: an adopter hit by an incident " +
      "may ask any other adopter about it, hotline or not (a request for assistance); an adopter " +
      "that answers another adopter's inquiry opens its logs (the asker's attribution of the " +
      "incident advances faster that month, on top of its own investigation); one that leaves the inquiry unanswered pays as for any breach (told to the adopters).",
    members: "twoOrMore",
    reveals: null,
    bites: ["norm.breach", "attribution.advance", "diplomacy.inquire"],
    norm: true,
  },
  normSupplyChain: {
    name: "Norm: supply-chain integrity",
    effect:
      "A GGE norm, adopted by those who accept once 60% of states do: an adopter caught " +
      "pre-positioning implants in another state's infrastructure pays as for any breach.",
    members: "twoOrMore",
    reveals: null,
    bites: ["norm.breach"],
    norm: true,
  },
} as const satisfies Record<string, CbmRow>;

/** A CBM kind. */
export type CbmKind = keyof typeof CBMS;

/** The rules a CBM kind changes: its row's `bites`. */
export type CbmBite<K extends CbmKind> = (typeof CBMS)[K]["bites"][number];

/** CBM kinds, in table order. */
export const CBM_KINDS = Object.keys(CBMS) as readonly CbmKind[];

/** The norms negotiated in play: proposed to every state, adopted by a share of the table. */
export const NORM_KINDS: readonly CbmKind[] = CBM_KINDS.filter((k) => (CBMS[k] as CbmRow).norm === true);

/** True for a norm negotiated in play. */
export function isNorm(kind: CbmKind): boolean {
  return (CBMS[kind] as CbmRow).norm === true;
}

/**
 * How many acceptances adopt a norm at a table of `states`: `share` of them, rounded up, and at least two.
 */
export function normThreshold(states: number, share: number): number {
  return Math.max(2, Math.ceil(share * states));
}

/** CBMs a state may adopt alone (a published doctrine, a no-first-use pledge). */
export const UNILATERAL_CBMS: readonly CbmKind[] = CBM_KINDS.filter((k) => CBMS[k].members !== "twoOrMore");

/** The name of each CBM kind, as the interface shows it. */
export const CBM_NAMES = Object.fromEntries(CBM_KINDS.map((k) => [k, CBMS[k].name])) as Readonly<
  Record<CbmKind, string>
>;

/** What each CBM kind does, in one line (the numbers are the default parameters). */
export const CBM_EFFECTS = Object.fromEntries(CBM_KINDS.map((k) => [k, CBMS[k].effect])) as Readonly<
  Record<CbmKind, string>
>;

/** A confidence-building measure in force. */
export interface Cbm {
  id: string;
  kind: CbmKind;
  members: SeatId[];
  since: number;
}

/** What cbmInForce reads: a game state, or any view of it. */
export type WithCbms = { readonly cbms: readonly Cbm[] };

/**
 * True when one measure of this kind binds `a`, and `b` when given: whether a CBM is in force between these
 * states (or for this one).
 */
export function cbmInForce(s: WithCbms, kind: CbmKind, a: SeatId, b?: SeatId): boolean {
  return s.cbms.some(
    (c) => c.kind === kind && c.members.includes(a) && (b === undefined || c.members.includes(b)),
  );
}

/** True when one measure of this kind binds every one of `states` (cbmInForce for any number of states). */
export function cbmInForceAmong(s: WithCbms, kind: CbmKind, states: readonly SeatId[]): boolean {
  return s.cbms.some((c) => c.kind === kind && states.every((x) => c.members.includes(x)));
}

/** True when a hotline binds both states. */
export function hotlineWith(s: WithCbms, a: SeatId, b: SeatId): boolean {
  return cbmInForce(s, "hotline", a, b);
}
