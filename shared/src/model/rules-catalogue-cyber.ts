/** The model card's cyber rules in data: operations, detection, attribution and what states misread. */
import type { RuleEntry } from "./rule-entry.ts";

/** The rules an operation, its detection and its attribution can cite. */
export const CYBER_RULES = {
  "op.espionage": {
    title: "Espionage",
    explanation:
      "Gathers intelligence on the target; if detected the target sees an intrusion it cannot tell from attack preparation.",
    source: "Buchanan 2017 (cybersecurity dilemma); Acton 2020",
  },
  "op.preposition": {
    title: "Pre-positioning",
    explanation:
      "Gains access to the target's infrastructure, needed for disruption (1 turn old) and destruction (2 turns old).",
    source: "Borghard & Lonergan 2019",
  },
  "op.ddos": {
    title: "DDoS",
    explanation:
      "Government websites go down: stability falls with digital dependence. Always noticed, hard to attribute.",
    source: "Estonia 2007",
  },
  "op.influence": {
    title: "Influence operation",
    explanation: "Disinformation lowers the target's stability.",
    source: "DNC 2016",
  },
  "op.disrupt": {
    title: "Disruption of critical infrastructure",
    explanation: "Economy falls with dependence; always noticed; breaks GGE 2015 norm (f).",
    source: "Ukraine grid 2015/16; GGE 2015 (f)",
  },
  "op.destroy": {
    title: "Destructive wiper",
    explanation: "Large economic damage, may be lethal; always noticed; breaks GGE 2015 norm (f).",
    source: "NotPetya 2017; Shamoon 2012",
  },
  "op.failed": {
    title: "Operation failed",
    explanation: "Effects operations can fail against good defence: cyber is an imperfect tool.",
    source: "Borghard & Lonergan 2019",
  },
  "op.develop": {
    title: "Capability growth",
    explanation: "Cyber +1 from next turn; rivals' tension rises (Richardson's fear term).",
    source: "Richardson 1960",
  },
  "detection.dwell": {
    title: "Detection by dwell time",
    explanation:
      "Monthly detection chance = 1 - exp(-ln2 x 30 / dwell days), dwell days by defence level 416/120/56/21/10.",
    source: "Mandiant M-Trends 2011-2023",
  },
  "incident.damage": {
    title: "Damage",
    explanation:
      "What an incident cost its victim's economy and stability: told to everyone when the incident " +
      "is public, else to the victim alone, which sees losses it cannot yet explain until it knows of the incident.",
    source: "Ukraine grid 2015/16; NotPetya 2017",
  },
  "detection.noticed": {
    title: "Always noticed",
    explanation: "DDoS, disruption and destruction are noticed at once; who did them is not known.",
    source: "Estonia 2007 (DDoS); Ukraine 2015 (grid disruption)",
  },
  "detection.hunt": {
    title: "Threat hunting",
    explanation: "Raises detection this turn and evicts foreign accesses it finds.",
    source: "Mandiant M-Trends",
  },
  "detection.harden": {
    title: "Hardening",
    explanation: "Defence +1 from next turn; may evict foreign accesses.",
    source: "Mandiant M-Trends (dwell times); eviction on hardening is a design choice",
  },
  "detection.sitrep": {
    title: "Shared situation report",
    explanation: "Members of a CERT link share detected incidents.",
    source: "OSCE CBM 2, 16; GGE 2015 (h)",
  },
  "attribution.advance": {
    title: "Attribution advances",
    explanation:
      "Each turn an incident's attribution may advance none -> low -> moderate -> high; " +
      "investigation, CERT links and espionage speed it, proxies slow it.",
    source:
      "ODNI 2018 confidence tiers; Rid & Buchanan 2015; attribution lags Sony 25 days ... NotPetya 7.5 months",
  },
  "attribution.falseFlag": {
    title: "False flag",
    explanation: "At low confidence the evidence points to the state the operator chose.",
    source: "Olympic Destroyer 2018",
  },
  "attribution.error": {
    title: "Misattribution",
    explanation: "Low-confidence attribution can name the wrong state.",
    source: "Acton 2020",
  },
  "attribution.public": {
    title: "Public attribution",
    explanation:
      "Naming a state: right at moderate+ gains credibility and costs the accused reputation; wrong " +
      "costs the accuser and raises tension with the accused.",
    source: "DNC 2016; WannaCry 2017; NotPetya 2018",
  },
  "nonstate.incident": {
    title: "Non-state incident",
    explanation:
      "Criminals and hacktivists cause incidents too: an unattributed incident is no proof of a state. A " +
      "state that adopted the norm of due diligence takes down half the attacks launched from its territory.",
    source: "Colonial Pipeline 2021; GGE 2015 norm (c); Emotet takedown 2021",
  },
  "misperception.exercise": {
    title: "Exercise misread as attack",
    explanation: "A cyber exercise is read as attack preparation; joint observation removes this.",
    source: "Buchanan 2017 (the cybersecurity dilemma)",
  },
} as const satisfies Record<string, RuleEntry>;
