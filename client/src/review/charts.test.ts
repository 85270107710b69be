import { describe, expect, it } from "vitest";
import { viewFor, type IncidentView } from "@firebreak/shared";
import { testScenario } from "@firebreak/shared/testing";
import { playGame } from "@firebreak/shared/testing";
import { objectiveReason } from "./outcomes.tsx";
import { blames, lanes, turnsPlayed } from "./pair-chart.tsx";

const played = playGame(testScenario(3), "review-charts", { north: "hawk", south: "hawk", east: "random" });
const v = viewFor(played.state, { role: "facilitator" });

function incident(over: Partial<IncidentView>): IncidentView {
  return {
    id: "i1",
    turn: 2,
    kind: "ddos",
    target: "b",
    public: false,
    overt: false,
    lethal: false,
    author: "a",
    damage: null,
    knowledge: {},
    publicAttributions: [],
    secret: null,
    ...over,
  };
}

describe("the debrief's charts", () => {
  it("span the turns played, and count each side's operations by turn without losing any", () => {
    const turns = turnsPlayed(v);
    expect(turns).toBeGreaterThanOrEqual(played.state.outcome?.turn ?? 1);
    for (const [a, b] of [
      ["north", "south"],
      ["south", "north"],
      ["north", "east"],
    ] as const) {
      const l = lanes(v, a, b, turns);
      expect(l.did.length).toBe(turns + 1);
      expect(l.did.reduce((s, n) => s + n, 0)).toBe(
        v.incidents.filter((i) => i.author === a && i.target === b).length,
      );
    }
  });

  it("count a belief from the victim's own evidence or from a public accusation, never a third state's evidence", () => {
    expect(blames(incident({ knowledge: { b: k("a", 1) } }), "b", "a")).toBe(true);
    expect(blames(incident({ knowledge: { b: k("a", 0) } }), "b", "a")).toBe(false);
    expect(blames(incident({ knowledge: { c: k("a", 3) } }), "b", "a")).toBe(false);
    expect(
      blames(incident({ publicAttributions: [{ turn: 3, by: "b", accused: "a", confidence: 1 }] }), "b", "a"),
    ).toBe(true);
  });

  it("give every objective a reason", () => {
    for (const s of v.seats)
      for (const o of v.private[s]?.objectives ?? []) expect(objectiveReason(v, s, o, o.met)).not.toBe("");
    const stat = objectiveReason(
      v,
      "north",
      { kind: "statAtLeast", text: "", points: 1, stat: "stability", min: 99, met: false },
      false,
    );
    expect(stat).toMatch(/^stability ended at \d+\.\d \(needed at least 99\)$/);
  });
});

function k(suspect: string, confidence: 0 | 1 | 2 | 3) {
  return { since: 2, confidence, suspect, shared: false, changed: 2, moderateAt: null };
}
