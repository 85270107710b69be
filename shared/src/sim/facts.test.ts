/** The stylized facts of DESIGN §3, shown by seeded batch simulation. docs/model.md reports the same numbers. */
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { findScenario, SCENARIOS_DIR } from "../cli/scenario-files.ts";
import type { Persona } from "../bots/personas.ts";
import type { CbmKind } from "../model/types.ts";
import type { Scenario } from "../scenario/schema.ts";
import { runBatch, type BatchResult } from "./batch.ts";

function load(idOrPath: string): Scenario {
  const r = findScenario(idOrPath);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.scenario;
}

const baltic = load("baltic-fog");
const batch = (bots: Persona[], cbms: CbmKind[], noCbms: boolean, games = 1000, seed = "7", scenario = baltic): BatchResult =>
  runBatch({ scenario, games, seed, bots, cbms, noCbms });

/** Upper end of the first interval lies below the lower end of the second. */
function clearlyBelow(a: [number, number], b: [number, number]): boolean {
  return a[1] < b[0];
}

describe("stylized facts (DESIGN §3)", () => {
  it("1. hotlines with inquire lower the share of games ending in armed conflict when incidents are ambiguous", () => {
    for (const bots of [[], ["reciprocal", "reciprocal", "hawk", "reciprocal"]] as Persona[][]) {
      const without = batch(bots, [], true);
      const withHotline = batch(bots, ["hotline"], true);
      expect(clearlyBelow(withHotline.outcomes.armedConflict.ci95, without.outcomes.armedConflict.ci95)).toBe(true);
    }
  });

  it("2. attribution at moderate confidence takes a median of 3 to 6 turns at default defence", () => {
    const r = batch([], [], false);
    expect(r.attributionSamples).toBeGreaterThan(1000);
    expect(r.attributionLagMedian).not.toBeNull();
    expect(r.attributionLagMedian as number).toBeGreaterThanOrEqual(3);
    expect(r.attributionLagMedian as number).toBeLessThanOrEqual(6);
  });

  it("3a. hawks against each other reach armed conflict far more often than reciprocal bots", () => {
    const hawks = batch(["hawk"], [], true);
    const reciprocal = batch(["reciprocal"], [], true);
    expect(clearlyBelow(reciprocal.outcomes.armedConflict.ci95, hawks.outcomes.armedConflict.ci95)).toBe(true);
    expect(hawks.outcomes.armedConflict.share).toBeGreaterThan(3 * reciprocal.outcomes.armedConflict.share);
    expect(hawks.outcomes.armedConflict.share).toBeGreaterThan(0.5);
  });

  it("3b. under misattribution noise a forgiving reciprocal bot outscores strict tit-for-tat", () => {
    const forgiving = batch(["forgiving"], [], true);
    const strict = batch(["reciprocal"], [], true);
    const f = forgiving.meanScoreByPersona.forgiving;
    const s = strict.meanScoreByPersona.reciprocal;
    expect(f && s).toBeTruthy();
    expect(clearlyBelow((s as { ci95: [number, number] }).ci95, (f as { ci95: [number, number] }).ci95)).toBe(true);
  });

  it("4. detection frequencies per defence level match the dwell-time table", () => {
    const ladder = load(join(SCENARIOS_DIR, "..", "test", "fixtures", "defence-ladder.yaml"));
    const r = batch(["random"], [], false, 2000, "4", ladder);
    for (const level of ["1", "2", "3", "4", "5"]) {
      const d = r.detectionRateByDefense[level];
      expect(d).toBeDefined();
      if (!d) continue;
      expect(d.n).toBeGreaterThan(1000);
      expect(Math.abs(d.rate - d.expected)).toBeLessThan(0.03);
    }
  });
});
