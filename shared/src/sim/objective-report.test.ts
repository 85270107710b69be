import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { findScenario } from "../io/scenario-files.ts";
import { NO_TREATMENT } from "./grid.ts";
import { flagOf, formatObjectiveReport, objectiveReport } from "./objective-report.ts";

const FIXTURE = fileURLToPath(new URL("../../../test/fixtures/trivial-objectives.yaml", import.meta.url));

describe("objective report", () => {
  it("flags shares at or beyond the thresholds, and nothing in between", () => {
    expect(flagOf(1)).toBe("trivial");
    expect(flagOf(0.95)).toBe("trivial");
    expect(flagOf(0.9499)).toBeNull();
    expect(flagOf(0.5)).toBeNull();
    expect(flagOf(0.0501)).toBeNull();
    expect(flagOf(0.05)).toBe("impossible");
    expect(flagOf(0)).toBe("impossible");
  });

  it("flags an objective a CBM in force from the start meets as trivial, and an unreachable one as impossible", () => {
    const sc = findScenario(FIXTURE);
    if (!sc.ok) throw new Error(JSON.stringify(sc.problems));
    const r = objectiveReport(sc.scenario, NO_TREATMENT, [], 6, "1");
    expect(r.objectives.map((o) => [o.seat, o.index, o.flag, o.metAtStart])).toEqual([
      ["ardent", 0, "trivial", true],
      ["ardent", 1, "impossible", false],
      ["brisk", 0, "trivial", true],
    ]);
    expect(r.flagged).toBe(3);
    expect(r.objectives[0]?.share).toBe(1);
    expect(r.objectives[1]?.met).toBe(0);
    const text = formatObjectiveReport(r);
    expect(text).toMatch(/TRIVIAL/);
    expect(text).toMatch(/IMPOSSIBLE/);
    expect(text).toMatch(/3 of 3 objectives flagged/);
  });
});
