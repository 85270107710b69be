/** The digital economy grows with dependence and calm; tension and mobilisation hold it back. */
import { describe, expect, it } from "vitest";
import { DEFAULT_PARAMS as P } from "../model/params.ts";
import { resolveOk, testGame } from "../testing/game.ts";

const growing = { digitalGrowth: P.digitalGrowth };

describe("the digital economy", () => {
  it("grows digitalGrowth x dependence a calm month, and tells only the state itself", () => {
    const s = testGame({ params: growing });
    const { state, events } = resolveOk(s);
    for (const seat of s.seats) {
      const before = s.nations[seat];
      expect(state.nations[seat]?.economy).toBeCloseTo(
        (before?.economy ?? 0) + P.digitalGrowth * (before?.dependence ?? 0),
        3,
      );
    }
    const growth = events.filter((e) => e.rule === "economy.growth");
    expect(growth).toHaveLength(s.seats.length);
    for (const e of growth) expect(e.visibleTo).not.toBe("public");
  });

  it("does not grow for a state whose tensest pair is at the inversion threshold", () => {
    const s = testGame({
      params: { ...growing, tensionFatigue: 0, tensionDecay: 0 },
      scenario: { relations: [{ a: "north", b: "south", tension: 8 }] },
    });
    const { state } = resolveOk(s);
    expect(state.nations.north?.economy).toBe(s.nations.north?.economy);
    expect(state.nations.east?.economy).toBeGreaterThan(s.nations.east?.economy ?? Infinity);
  });

  it("a month of mobilisation costs the mobiliser mobilizeCost and stops growth for both sides", () => {
    const s = testGame({ params: growing });
    const { state } = resolveOk(s, { north: [{ type: "mobilize", target: "south" }] });
    expect(state.nations.north?.economy).toBeCloseTo((s.nations.north?.economy ?? 0) - P.mobilizeCost, 3);
    expect(state.nations.south?.economy).toBe(s.nations.south?.economy);
  });
});
