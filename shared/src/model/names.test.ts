/**
 * The names players read: every kind named, articles that agree with their nouns, accusation strength in
 * words.
 */
import { describe, expect, it } from "vitest";
import { CBM_EFFECTS, CBM_KINDS, CBM_NAMES } from "./cbms.ts";
import { accusationStrength, INCIDENT_NAMES, INCIDENT_PHRASES } from "./names.ts";
import { OPERATION_KINDS } from "./operations.ts";

describe("names", () => {
  it("every CBM kind has a name and an effect, every operation and incident kind a name and a phrase", () => {
    for (const k of CBM_KINDS)
      expect([CBM_NAMES[k].length > 3, CBM_EFFECTS[k].length > 20]).toEqual([true, true]);
    for (const k of [...OPERATION_KINDS, "nonState"] as const) {
      expect(INCIDENT_NAMES[k].length).toBeGreaterThan(3);
      expect(INCIDENT_PHRASES[k].noun).not.toBe(k);
    }
  });

  it("each phrase's article agrees with its noun (an espionage operation, a DDoS attack)", () => {
    for (const { article, noun } of Object.values(INCIDENT_PHRASES))
      expect(article).toBe(/^[aeiou]/i.test(noun) ? "an" : "a");
  });

  it("an accusation's strength reads 'no evidence' at none, else the confidence tier", () => {
    expect([0, 1, 2, 3].map(accusationStrength)).toEqual([
      "no evidence",
      "low confidence",
      "moderate confidence",
      "high confidence",
    ]);
  });
});
