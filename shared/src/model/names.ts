/**
 * What players read for incidents: each incident kind's name and phrase, and an accusation's strength in
 * words. (A CBM's name and effect are in its row in cbms.ts.)
 */
import { CONFIDENCE_NAMES } from "./basics.ts";
import { seenAs, type OperationKind } from "./operations.ts";

/**
 * The name of each kind of incident a player may see (`intrusion`: an espionage or pre-positioning the victim
 * cannot tell apart).
 */
export const INCIDENT_NAMES: Record<OperationKind | "nonState" | "intrusion", string> = {
  intrusion: "Intrusion",
  espionage: "Espionage",
  preposition: "Pre-positioning",
  ddos: "DDoS",
  influence: "Influence operation",
  disrupt: "Disruption",
  destroy: "Wiper attack",
  nonState: "Hacktivist incident",
};

/** A noun phrase with its article. */
type Phrase = { article: "a" | "an"; noun: string };

const OPERATION_PHRASES: Record<OperationKind, Phrase> = {
  espionage: { article: "an", noun: "espionage operation" },
  preposition: { article: "a", noun: "pre-positioning operation" },
  ddos: { article: "a", noun: "DDoS attack" },
  influence: { article: "an", noun: "influence operation" },
  disrupt: { article: "a", noun: "disruptive attack" },
  destroy: { article: "a", noun: "wiper attack" },
};

/** What a generic non-state attack reads as: the phrase of the state operation it is seen as, never its own. */
function nonStatePhrase(): Phrase {
  const looks = seenAs("nonState");
  return looks === "intrusion" || looks === "nonState"
    ? { article: "an", noun: "intrusion" }
    : OPERATION_PHRASES[looks];
}

/**
 * Each incident kind as a noun phrase inside a sentence, with its article ("a DDoS attack", "an influence
 * operation"): the engine's event texts use these. A non-state attack reads as what it is seen as, so the
 * words players read do not tell that no state did it.
 */
export const INCIDENT_PHRASES: Record<OperationKind | "nonState", Phrase> = {
  ...OPERATION_PHRASES,
  nonState: nonStatePhrase(),
};

/**
 * How strong a public accusation's evidence was, as the interface shows it: "no evidence" for none, else "low
 * confidence" and so on.
 */
export function accusationStrength(confidence: number): string {
  return confidence <= 0
    ? "no evidence"
    : `${CONFIDENCE_NAMES[Math.min(confidence, CONFIDENCE_NAMES.length - 1)]} confidence`;
}
