/** The escalation ladder: one table of rungs, and rungName read from it. */
import { describe, expect, it } from "vitest";
import { RUNGS, rungName } from "./ladder.ts";

describe("the ladder", () => {
  it("rungs climb: each starts above the one below", () => {
    for (let i = 1; i < RUNGS.length; i++)
      expect(RUNGS[i]?.min).toBeGreaterThan(RUNGS[i - 1]?.min ?? Infinity);
  });

  it("a tension is on the highest rung whose minimum its floor reaches", () => {
    for (const [i, rung] of RUNGS.entries()) {
      expect(rungName(rung.min)).toBe(rung.name);
      const next = RUNGS[i + 1];
      if (next) expect(rungName(next.min - 0.01)).toBe(rung.name);
    }
    expect([rungName(-1), rungName(1.99), rungName(6.5), rungName(10)]).toEqual([
      "Competition",
      "Competition",
      "Confrontation",
      "Brink",
    ]);
  });
});
