/**
 * The names players read: every kind named, articles that agree with their nouns, accusation strength in
 * words.
 */
import { describe, expect, it } from "vitest";
import { CBM_EFFECTS, CBM_KINDS, CBM_NAMES } from "./cbms.ts";
import { accusationStrength, INCIDENT_NAMES, INCIDENT_PHRASES } from "./names.ts";
import { OPERATION_KINDS } from "./operations.ts";
import { createGame } from "../game/create.ts";
import { testScenario } from "../testing/fixtures.ts";
import { viewFor } from "../view/view.ts";

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

  it("a facilitator's non-state attack reads to players as the state operation it is seen as", () => {
    // The same inject with a non-state generic attack and with a non-state DDoS: every text the victim and
    // the other players read must be the same, so the words do not tell that no state did it.
    const texts = (kind: "nonState" | "ddos"): string[] => {
      const scenario = testScenario(3, {
        params: { nonStateIncidentChance: 0, exerciseMisreadChance: 0 },
        injects: {
          scheduled: [
            {
              turn: 1,
              inject: {
                id: "outage",
                title: "Outage",
                text: "Banks are down.",
                effects: [{ type: "nonStateIncident", target: "south", kind }],
              },
            },
          ],
        },
      });
      const r = createGame(scenario, "names-seed");
      if (!r.ok) throw new Error(r.error.message);
      return r.value.seats.flatMap((seat) =>
        viewFor(r.value, { role: "player", seat }).events.map((e) => `${seat}: ${e.text}`),
      );
    };
    const generic = texts("nonState");
    expect(generic.some((t) => t.includes("detected a DDoS attack by an unknown actor"))).toBe(true);
    expect(generic).toEqual(texts("ddos"));
  });
});
