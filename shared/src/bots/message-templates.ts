/** The templates bots' words are filled from, by persona, CBM and reason, and how one is filled. */
import type { CbmKind } from "../model/cbms.ts";
import type { BotPersona } from "./doctrines.ts";

/** Most characters in a bot message (statements and notes allow 280; bots stay well under). */
export const BOT_MESSAGE_MAX = 200;

/** Why a bot refuses a proposal. */
export type RefusalReason = "tiesHands" | "unanswered" | "violator" | "exposure" | "notNow" | "distrust";

/** Plain names of the CBMs, as bots say them. */
export const CBM_PHRASES: Record<CbmKind, string> = {
  hotline: "a hotline",
  situationReports: "a CERT link to share incident reports",
  consultations: "regular consultations",
  jointObservation: "joint observation of cyber exercises",
  publishDoctrine: "our published cyber doctrine",
  noFirstUse: "a pledge of no first use of disruptive cyber operations",
  selfDefenceCatalogue: "an agreed catalogue of self-defence measures",
  codeOfConduct: "a code of conduct for states in cyberspace",
  normInfrastructure: "a norm that no state damages another's critical infrastructure",
  normCerts: "a norm that CERTs are off limits",
  normDueDiligence: "a norm of due diligence over our territories",
  normAssistance: "a norm that requests for assistance are answered",
  normSupplyChain: "a norm on the integrity of supply chains",
};

/** What each CBM is for, in a bot's words. */
export const CBM_REASONS: Record<CbmKind, string> = {
  hotline: "so that an incident need not become a crisis",
  situationReports: "so that we see the same incidents and blame the right culprits",
  consultations: "so that tension is talked down every month",
  jointObservation: "so that no exercise is misread as an attack",
  publishDoctrine: "so that others know what we can do and what we will not do",
  noFirstUse: "so that nobody strikes infrastructure first",
  selfDefenceCatalogue: "so that lawful countermeasures are known in advance",
  codeOfConduct: "so that breaking the norms costs more",
  normInfrastructure: "so that power, water and hospitals stay out of our quarrels",
  normCerts: "so that those who fix incidents are never targets",
  normDueDiligence: "so that no state hides behind hackers on its soil",
  normAssistance: "so that a victim's call for help is never met with silence",
  normSupplyChain: "so that nobody plants implants in what we all buy",
};

/** What a bot says when it proposes a CBM ({cbm}, {parties}, {why}). */
export const PROPOSE: Record<BotPersona, readonly string[]> = {
  random: ["We propose {cbm} with {parties}."],
  hawk: ["We offer {cbm} with {parties} on our terms."],
  dove: ["We propose {cbm} with {parties}, {why}.", "Let us agree {cbm}, {why}."],
  reciprocal: ["We propose {cbm} with {parties}. We keep our word when others keep theirs."],
  forgiving: ["We propose {cbm} with {parties}, {why}."],
  opportunist: ["We are open to {cbm} with {parties}."],
  normBuilder: [
    "We propose {cbm} with {parties}, {why}.",
    "Rules make cyberspace safer: we propose {cbm}, {why}.",
  ],
};

/** A bot's note when it accepts a proposal. */
export const ACCEPT: Record<BotPersona, readonly string[]> = {
  random: ["Agreed."],
  hawk: ["Agreed, for now."],
  dove: ["Gladly agreed.", "Agreed: every channel helps."],
  reciprocal: ["Agreed. We will hold to it as long as you do."],
  forgiving: ["Agreed. We will hold to it as long as you do."],
  opportunist: ["Agreed."],
  normBuilder: ["Agreed: one more rule that all of us can count on."],
};

/** A bot's note when it refuses a proposal, by reason ({names}: the violator). */
export const REFUSE: Record<RefusalReason, string> = {
  tiesHands: "We will not tie our hands.",
  unanswered: "Not while your attack on us goes unanswered.",
  violator: "Not with {names} while its violation of the norms goes unanswered.",
  exposure: "We prefer to keep our own counsel on that.",
  notNow: "Not now.",
  distrust: "Not with {names}: its word has not held before, and this measure rests on its word.",
};

/** A reassuring public statement ({target}). */
export const REASSURE: Record<BotPersona, readonly string[]> = {
  random: ["We seek calm with {target}."],
  hawk: ["We do not seek war with {target}, but we will not be pushed."],
  dove: ["We seek no confrontation with {target} and propose dialogue.", "We hold out our hand to {target}."],
  reciprocal: ["We have no hostile intent toward {target}. Calm will be met with calm."],
  forgiving: ["We are ready to put recent incidents with {target} behind us."],
  opportunist: ["We have no quarrel with {target}."],
  normBuilder: ["We will keep to the agreed norms with {target} and expect the same."],
};

/** A warning public statement ({target}). */
export const WARN: Record<BotPersona, readonly string[]> = {
  random: ["We are watching {target}."],
  hawk: [
    "Any attack from {target} will be answered, and not in kind alone.",
    "{target} is testing our patience.",
  ],
  dove: ["We urge {target} to stop and talk."],
  reciprocal: ["We answered {target} in kind. We will do no more unless attacked again."],
  forgiving: ["We answered {target} once. We would rather not do so again."],
  opportunist: ["{target} should look to its own defences."],
  normBuilder: [
    "{target} broke the agreed norms of state behaviour in cyberspace. This has consequences.",
    "Norms bind {target} as they bind us. We will not look away.",
  ],
};

/** Inquiry replies by persona: [innocent deny, guilty deny, explain, acknowledge]. */
export const REPLY: Record<BotPersona, { deny: string; lie: string; explain: string; acknowledge: string }> =
  {
    random: {
      deny: "We had no part in it.",
      lie: "We had no part in it.",
      explain: "There is an explanation.",
      acknowledge: "It was us.",
    },
    hawk: {
      deny: "We had no part in it. Look elsewhere.",
      lie: "We reject the question. Look elsewhere.",
      explain: "That is our business.",
      acknowledge: "It was us.",
    },
    dove: {
      deny: "We had no part in it. Our CERT will help you find who did.",
      lie: "We had no part in it.",
      explain: "It was a mistake on our side. It will not be repeated.",
      acknowledge: "Yes, that was ours. We regret it; it is over, and we will talk.",
    },
    reciprocal: {
      deny: "We had no part in it.",
      lie: "We had no part in it.",
      explain: "That was an answer to what was done to us, nothing more.",
      acknowledge: "Yes, that was ours, in answer to what was done to us.",
    },
    forgiving: {
      deny: "We had no part in it.",
      lie: "We had no part in it.",
      explain: "That was an answer to what was done to us, nothing more.",
      acknowledge: "Yes, that was ours, in answer to what was done to us.",
    },
    opportunist: {
      deny: "We know nothing of this.",
      lie: "We know nothing of this. Perhaps criminals?",
      explain: "Routine intelligence work, no threat to you. Every state does it.",
      acknowledge: "It was ours. It is over.",
    },
    normBuilder: {
      deny: "We had no part in it, and we will share what we know.",
      lie: "We had no part in it.",
      explain: "It was an intelligence operation, within the norms. It is over.",
      acknowledge: "It was ours, and we take responsibility under the norms we signed.",
    },
  };

/**
 * Fills a template's {placeholders}, drops markup characters and spaces runs, and caps it at BOT_MESSAGE_MAX.
 */
export function fill(template: string, values: Record<string, string>): string {
  const text = template.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? "");
  const plain = text
    .replace(/[<>{}]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  return plain.length > BOT_MESSAGE_MAX ? `${plain.slice(0, BOT_MESSAGE_MAX - 1).trimEnd()}…` : plain;
}
