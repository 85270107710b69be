/** The model card in data: every rule an event can cite, with its source. docs/model.md mirrors it. */
import type { RuleEntry } from "./rule-entry.ts";
import { CYBER_RULES } from "./rules-catalogue-cyber.ts";

/** Every rule id an event can carry: the cyber rules, then escalation, diplomacy, measures and the end. */
export const RULES = {
  ...CYBER_RULES,
  "escalation.incident": {
    title: "Incident raises tension",
    explanation:
      "The victim's tension with the states it suspects rises by severity x suspicion; cyber effects weigh 0.6 unless lethal.",
    source: "Kreps & Schneider 2019 (firebreak); Shandler et al. 2021",
  },
  "escalation.inversion": {
    title: "Escalation inversion",
    explanation: "At tension 7 or more, cyber operations count at full weight.",
    source: "Healey & Jervis 2020",
  },
  "escalation.hotline": {
    title: "Hotline halves ambiguity",
    explanation:
      "Tension from incidents not yet attributed at moderate confidence is halved between hotline members.",
    source: "OSCE CBM 8, 13",
  },
  "alliance.defence": {
    title: "Collective defence",
    explanation:
      "When a member of an alliance is openly hit, or publicly names its attacker at moderate " +
      "confidence or better, each ally's tension with the attacker rises by half the attack's " +
      "weight; an armed conflict with a member brings its allies in as belligerents.",
    source:
      "North Atlantic Treaty, Article 5; NATO Wales Summit Declaration 2014, para. 72 (a cyber " +
      "attack may lead to Article 5); Brussels Summit Communiqué 2021",
  },
  "economy.growth": {
    title: "Digital economy",
    explanation:
      "Each month a state's economy grows 0.03 per point of digital dependence while its relations " +
      "are calm (its tensest pair at 3 or less), less as tension rises, not at all from 7 or in a " +
      "month it mobilised or was mobilised against. Mobilising costs the mobiliser 0.5 economy.",
    source:
      "Keohane & Nye 1977 (complex interdependence); Gartzke 2007 (the capitalist peace); the " +
      "digital economy's share of GDP (OECD Digital Economy Outlook)",
  },
  "escalation.brink": {
    title: "At the brink",
    explanation:
      "A pair whose tension reaches 9 is at the brink: next turn each side chooses to stand firm, " +
      "stand down or strike. Both standing down (or one, over a hotline or consultations) brings " +
      "tension down to 7; one standing down alone lowers it 1.5 at a cost of 0.5 stability; if both " +
      "stand firm the standoff turns into war with chance 0.2 (0.1 with a hotline or consultations).",
    source:
      "Schelling 1966 (brinkmanship, the threat that leaves something to chance); Kahn 1965 " +
      "(escalation ladder); Cuban missile crisis 1962 (the hotline's origin)",
  },
  "escalation.decay": {
    title: "Tension decays",
    explanation:
      "A month without incidents between two states lowers their tension (Richardson's fatigue term); consultations add to it.",
    source: "Richardson 1960; OSCE CBM 3",
  },
  "escalation.suspicion": {
    title: "Suspicion",
    explanation:
      "Suspicion rises with unexplained incidents and attributions and relaxes over time, faster " +
      "toward states that publish their doctrine.",
    source: "Jervis 1978; OSCE CBM 1, 7",
  },
  "diplomacy.inquire": {
    title: "Inquiry through the hotline",
    explanation:
      "The suspect must answer next turn: deny, explain, or acknowledge. Answers relieve tension; an exposed denial costs reputation.",
    source: "Libicki 2012 (face-saving narratives); OSCE CBM 13",
  },
  "diplomacy.unanswered": {
    title: "Unanswered inquiry",
    explanation: "Silence on the hotline raises tension.",
    source: "Libicki 2012",
  },
  "diplomacy.sanction": {
    title: "Sanctions",
    explanation:
      "Costs the target's economy and a little of yours; raises tension; unjustified sanctions cost reputation.",
    source: "EO 13687 (Sony 2014); EU 2020 cyber sanctions",
  },
  "diplomacy.expel": {
    title: "Expulsion",
    explanation:
      "Expels the target's intelligence officers: evicts its oldest access in you and raises tension.",
    source: "DNC 2016 (35 expelled)",
  },
  "diplomacy.statement": {
    title: "Public statement",
    explanation: "Reassurance lowers tension with its addressees, a warning raises it.",
    source: "Fearon 1997 (signalling)",
  },
  "force.mobilize": {
    title: "Mobilisation",
    explanation: "A military signal: tension with the target rises sharply.",
    source: "Kahn 1965 (escalation ladder)",
  },
  "force.strike": {
    title: "Kinetic strike",
    explanation: "Force: armed conflict, the catastrophe everyone loses; the initiator most.",
    source: "Tallinn Manual (armed attack); Twilight Struggle's DEFCON",
  },
  "cbm.proposed": {
    title: "CBM proposed",
    explanation: "A CBM enters into force at resolution once every named party has accepted.",
    source: "OSCE PC Decisions 1106 (2013), 1202 (2016)",
  },
  "cbm.inForce": {
    title: "CBM in force",
    explanation: "The measure now applies to its members.",
    source: "OSCE PC Decisions 1106, 1202",
  },
  "cbm.declined": {
    title: "CBM declined",
    explanation: "A named party refused the measure.",
    source: "OSCE PC Decisions 1106, 1202",
  },
  "cbm.expired": {
    title: "CBM proposal expired",
    explanation: "A proposal not accepted within its lifetime lapses.",
    source: "A design choice, so offers do not linger unanswered",
  },
  "norm.violation": {
    title: "Norm violation",
    explanation:
      "A publicly attributed attack on critical infrastructure (GGE 2015 (f)) or through a proxy (GGE 2013) costs reputation.",
    source: "UN GGE 2013 (A/68/98), 2015 (A/70/174); Axelrod 1986 (norms game)",
  },
  "norm.codeOfConduct": {
    title: "Code of conduct breached",
    explanation:
      "A member of the code of conduct caught breaking one of its five articles (non-interference, " +
      "critical infrastructure, CERTs, due diligence, cooperation against crime) loses 2 reputation " +
      "per article, and each other member imposes coalition measures (economy -0.5 each).",
    source:
      "UN GGE 2015 (A/70/174) norms; the SCO International Code of Conduct (A/69/723, 2015); Finnemore & Hollis 2016 (norms need costs)",
  },
  "norm.breach": {
    title: "Adopted norm breached",
    explanation:
      "A state that adopted a norm negotiated in play (critical infrastructure, CERTs, due " +
      "diligence, assistance, supply chains) and is caught breaking it loses 2 reputation per norm, " +
      "and each other adopter imposes coalition measures (economy -0.5 each).",
    source:
      "UN GGE 2015 report (A/70/174), norms (c), (f), (h), (i), (k); Finnemore & Hollis 2016 " +
      "(constructing norms for global cybersecurity); Axelrod 1986 (norms need enforcement)",
  },
  "norm.pledgeBreach": {
    title: "No-first-use pledge broken",
    explanation:
      "A pledger attributed for disruption or destruction loses heavy reputation, every other state " +
      "imposes coalition measures (economy -0.5 each), and every pledger's tension with it rises.",
    source: "Fearon 1997 (audience costs); Axelrod 1986",
  },
  inject: {
    title: "Inject",
    explanation: "An event from the scenario or the facilitator.",
    source: "Scenario",
  },
  "end.armedConflict": {
    title: "Armed conflict",
    explanation:
      "A strike, or a standoff at the brink in which both sides stood firm: everyone loses heavily, " +
      "the belligerents more, the initiator most.",
    source: "Kahn 1965; Twilight Struggle",
  },
  "end.stablePeace": {
    title: "Stable peace",
    explanation:
      "Every pair at tension 3 or less for 4 turns, with at least 2 kinds of CBM binding states " +
      "together (a state's own doctrine binds no pair) and no attributed norm violation: a bonus for all.",
    source: "US-China 2015 agreement",
  },
  "end.turnLimit": {
    title: "Turn limit",
    explanation: "The crisis period is over; scores decide.",
    source: "A design choice: a crisis period of a year",
  },
  "end.facilitator": {
    title: "Ended by the facilitator",
    explanation: "The facilitator ended the game.",
    source: "The white cell's powers in a tabletop exercise",
  },
} as const satisfies Record<string, RuleEntry>;

/** Every rule id. */
export type RuleId = keyof typeof RULES;
