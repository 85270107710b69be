/** Bot personas with their documented doctrines, and the levels they play at. */
import { BOT_PERSONAS, PERSONAS, type BotPersona, type Persona } from "./persona-names.ts";

export { BOT_PERSONAS, type BotPersona } from "./persona-names.ts";

/** The personas with a doctrine (all but `random`), in the order tables list them. */
export const DOCTRINAL_PERSONAS = [
  "hawk",
  "dove",
  "reciprocal",
  "forgiving",
  "opportunist",
  "normBuilder",
] as const;

/**
 * Playing strength: `easy` plays its doctrine carelessly, `normal` by its rules, `hard` searches (ISMCTS).
 */
export const BOT_LEVELS = ["easy", "normal", "hard"] as const;
export type BotLevel = (typeof BOT_LEVELS)[number];

/** A bot: a persona at a level. */
export interface BotSpec {
  persona: BotPersona;
  level: BotLevel;
}

/** A persona's doctrine, for the debrief, the documentation and the bots' own choices. */
export interface Doctrine {
  title: string;
  /** One line a player reads after the game. */
  summary: string;
  /** The doctrine's rules of thumb, as the `normal` level plays them. */
  rules: string[];
  /** May start cyber operations without a grievance (espionage and pre-positioning included). */
  offensive: boolean;
  /** May run norm-breaking operations (disruption, destruction, proxies) first. */
  breaksNorms: boolean;
}

/** The doctrine of every persona. */
export const DOCTRINES: Record<BotPersona, Doctrine> = {
  random: {
    title: "Random",
    summary: "No doctrine: random legal orders, a baseline for statistics.",
    rules: ["1 to 3 random orders a turn", "a random reply to inquiries", "accepts half of all proposals"],
    offensive: true,
    breaksNorms: true,
  },
  hawk: {
    title: "Hawk",
    summary: "Presses its rival hard, denies everything and signs nothing.",
    rules: [
      "targets the state it is most tense with",
      "pre-positions, then disrupts or destroys when an access is ready (sometimes through a proxy or a false flag)",
      "names attackers at low confidence or better, mobilises at tension 6",
      "at the brink stands firm; strikes only when clearly stronger and already wronged; lies low for a while after being named",
      "denies every inquiry; proposes no CBM and declines every proposal",
    ],
    offensive: true,
    breaksNorms: true,
  },
  dove: {
    title: "Dove",
    summary: "Avoids confrontation: defends, investigates, reassures and signs every CBM.",
    rules: [
      "never runs a cyber operation",
      "hardens, hunts, investigates; names attackers only at moderate confidence or better",
      "inquires over a hotline before accusing; reassures its rival when tension passes 2",
      "acknowledges what it did; proposes and accepts every CBM",
    ],
    offensive: false,
    breaksNorms: false,
  },
  reciprocal: {
    title: "Reciprocal (tit-for-tat)",
    summary: "Answers every attack in kind and in the open, and nothing more.",
    rules: [
      "retaliates against each newly attributed attacker: expulsion for an intrusion, overt DDoS or disruption for effects",
      "inquires first over a hotline when the evidence is only low confidence",
      "names attackers at moderate confidence or better; hardens and hunts",
      "explains its own operations; proposes hotlines and CERT links; refuses CBMs with an unpunished attacker",
    ],
    offensive: false,
    breaksNorms: false,
  },
  forgiving: {
    title: "Forgiving reciprocal",
    summary:
      "Tit-for-two-tats: lets a suspect's first grievance pass, to stop echoes of misattribution, and answers a second.",
    rules: [
      "as reciprocal, but lets a suspect's first grievance pass and asks about it over a hotline where it can",
      "remembers it for 4 turns: a second grievance from the same suspect within them is answered",
      "never forgives a destructive attack or a high-confidence repeat",
    ],
    offensive: false,
    breaksNorms: false,
  },
  opportunist: {
    title: "Opportunist",
    summary:
      "Strikes only where it will not be caught: weak defences, no CERT link, proxies, late in the game.",
    rules: [
      "picks the softest target: the lowest detection chance it can infer (defence, CERT link), never a state at tension 5 or more",
      "spies to learn defences; pre-positions and runs influence operations covertly where detection is unlikely",
      "disrupts only through a proxy, against weak defences, when too few turns remain for attribution to catch up",
      "never acts overtly; hides its capability (no doctrine, no joint observation, no CERT link); accepts hotlines and consultations",
      "denies inquiries unless the operation can be traced (then explains)",
    ],
    offensive: true,
    breaksNorms: true,
  },
  normBuilder: {
    title: "Norm builder",
    summary: "Builds the regime of CBMs and punishes every attributed violation.",
    rules: [
      "proposes hotlines, CERT links, consultations, a code of conduct, a self-defence catalogue, a no-first-use pledge and its doctrine",
      "never runs an operation that breaks a norm; spies only on a suspect",
      "punishes attributed violations: sanctions a violator that hit it, warns and expels one that hit another state",
      "refuses new CBMs with a fresh violator; acknowledges what it did",
    ],
    offensive: false,
    breaksNorms: false,
  },
};

/** True for a persona name a bot can play. */
export function isBotPersona(name: string): name is BotPersona {
  return (BOT_PERSONAS as readonly string[]).includes(name);
}

/** True for a level name. */
export function isBotLevel(name: string): name is BotLevel {
  return (BOT_LEVELS as readonly string[]).includes(name);
}

/**
 * True when a bot persona is one of the five baseline personas (whose `normal` level is the baseline
 * behaviour).
 */
export function isBaselinePersona(persona: BotPersona): persona is Persona {
  return (PERSONAS as readonly string[]).includes(persona);
}

/** A bot's short name, e.g. `hawk:hard`. */
export function botLabel(spec: BotSpec): string {
  return `${spec.persona}:${spec.level}`;
}

/** Parses `persona` or `persona:level` (level `normal` by default); null if either part is unknown. */
export function parseBotSpec(text: string): BotSpec | null {
  const [persona, level = "normal", extra] = text.trim().split(":");
  if (extra !== undefined || !persona || !isBotPersona(persona) || !isBotLevel(level)) return null;
  return { persona, level };
}
