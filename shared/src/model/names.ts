/** What players read for measures and incidents: each confidence-building measure's name and, in one line, what it does (docs/model.md §5); each incident kind's name. */
import { CONFIDENCE_NAMES } from "./basics.ts";
import type { OperationKind } from "./operations.ts";
import type { CbmKind } from "./types.ts";

/** The name of each CBM kind, as the interface shows it. */
export const CBM_NAMES: Record<CbmKind, string> = {
  hotline: "Hotline",
  situationReports: "Situation reports (CERT link)",
  consultations: "Regular consultations",
  jointObservation: "Joint observation of cyber exercises",
  publishDoctrine: "Published cyber doctrine",
  noFirstUse: "No first use of disruptive operations",
  selfDefenceCatalogue: "Self-defence catalogue",
  codeOfConduct: "Code of conduct",
};

/** What each CBM kind does, in one line (the numbers are the default parameters). */
export const CBM_EFFECTS: Record<CbmKind, string> = {
  hotline: "Members may inquire about incidents; tension from incidents they only suspect each other of is halved.",
  situationReports: "Members share the incidents they detect; operations against a member are detected more often and attributed faster and more surely.",
  consultations: "Tension between members decays 0.15 a turn faster.",
  jointObservation: "No exercise between members is misread as an attack; members see each other's cyber and defence.",
  publishDoctrine: "Your own pledge: your cyber and defence become visible to all, and suspicion of you relaxes twice as fast.",
  noFirstUse: "A member later caught disrupting or destroying loses 3 reputation and gains tension with every other member.",
  selfDefenceCatalogue: "A member's correct public attribution, sanction or expulsion of an attributed attacker adds no tension.",
  codeOfConduct: "A member's reputation cost for breaking a norm doubles.",
};

/** The name of each kind of incident a player may see (`intrusion`: an espionage or pre-positioning the victim cannot tell apart). */
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

/** Each incident kind as a noun phrase inside a sentence, with its article ("a DDoS attack", "an influence operation"): the engine's event texts use these. */
export const INCIDENT_PHRASES: Record<OperationKind | "nonState", { article: "a" | "an"; noun: string }> = {
  espionage: { article: "an", noun: "espionage operation" },
  preposition: { article: "a", noun: "pre-positioning operation" },
  ddos: { article: "a", noun: "DDoS attack" },
  influence: { article: "an", noun: "influence operation" },
  disrupt: { article: "a", noun: "disruptive attack" },
  destroy: { article: "a", noun: "wiper attack" },
  nonState: { article: "a", noun: "cyber attack" },
};

/** How strong a public accusation's evidence was, as the interface shows it: "no evidence" for none, else "low confidence" and so on. */
export function accusationStrength(confidence: number): string {
  return confidence <= 0 ? "no evidence" : `${CONFIDENCE_NAMES[Math.min(confidence, CONFIDENCE_NAMES.length - 1)]} confidence`;
}
