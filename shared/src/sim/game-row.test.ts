import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { findScenario } from "../io/scenario-files.ts";
import type { Scenario } from "../scenario/schema.ts";
import { summariseCell } from "./cell-summary.ts";
import { t95, tMean } from "./stats.ts";
import { csvHeader, gameRow, playTreated, scenarioCast, treatedScenario } from "./game-row.ts";
import { expandGrid, NO_TREATMENT, parseGrid } from "./grid.ts";
import { playBatchGame } from "./batch.ts";

function scenario(idOrPath: string): Scenario {
  const r = findScenario(idOrPath);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.scenario;
}

describe("a batch game's CSV row", () => {
  const tutorial = scenario("tutorial");

  it("has exactly the header's columns, per seat and per pair, in a stable order", () => {
    const grid = parseGrid(["cbms=hotline"]);
    if (!grid.ok) throw new Error(grid.error);
    const cell = expandGrid(NO_TREATMENT, grid.factors)[1];
    if (!cell) throw new Error("no cell");
    const header = csvHeader(tutorial, ["hotline"]);
    expect(new Set(header).size).toBe(header.length);
    expect(header.slice(0, 4)).toEqual(["cell", "grid_hotline", "game", "seed"]);
    const seats = tutorial.states.map((s) => s.id);
    for (const s of seats) expect(header).toContain(`score_${s}`);
    const game = playTreated(tutorial, cell.treatment, [], "5", 2);
    const row = gameRow(cell, 2, "5", cell.treatment, game);
    expect(Object.keys(row).sort()).toEqual([...header].sort());
    expect(row.seed).toBe("5:2");
    expect(row.grid_hotline).toBe("on");
    expect(row.cbms_forced).toBe("hotline");
    expect(row.bot_level).toBe("baseline");
    expect(typeof row.turns).toBe("number");
    expect(String(row.cbms_in_force_at_end)).toContain("hotline");
  });

  it("plays the baseline bots exactly as npm run simulate does when no level is set, and levelled bots otherwise", () => {
    const plain = playTreated(tutorial, NO_TREATMENT, [], "9", 3);
    const batch = playBatchGame(
      { scenario: tutorial, games: 4, seed: "9", bots: [], cbms: [], noCbms: false },
      3,
    );
    expect(plain.state).toEqual(batch.state);
    const hard = playTreated(
      tutorial,
      { ...NO_TREATMENT, botLevel: "easy" },
      ["opportunist", "dove"],
      "9",
      3,
    );
    expect(Object.values(hard.bots)).toEqual(["opportunist:easy", "dove:easy"]);
    expect(() => playTreated(tutorial, NO_TREATMENT, ["opportunist"], "9", 0)).toThrow(/need a bot level/);
  });

  it("casts a scenario's bots as class games do: the persona a state names first, then the built-in cast", () => {
    expect(scenarioCast(tutorial, "1")).toEqual(["reciprocal", "forgiving"]);
    const named = {
      ...tutorial,
      states: tutorial.states.map((s, i) => (i === 0 ? { ...s, bot: "hawk" as const } : s)),
    };
    expect(scenarioCast(named, "1")).toEqual(["hawk", "forgiving"]);
  });

  it("puts parameter overrides on top of the scenario's and refuses those the schema refuses", () => {
    const ok = treatedScenario(tutorial, { ...NO_TREATMENT, params: { peaceTurns: 2 } });
    expect(ok.ok && ok.scenario.params?.peaceTurns).toBe(2);
    const bad = treatedScenario(tutorial, { ...NO_TREATMENT, params: { lethalChance: 3 } });
    expect(bad.ok ? "" : bad.error).toMatch(/lethalChance.*between 0 and 1/);
  });
});

describe("a cell's summary", () => {
  it("gives Student's t quantiles from the table and close to the normal's for many degrees of freedom", () => {
    expect(t95(1)).toBeCloseTo(12.706, 3);
    expect(t95(30)).toBeCloseTo(2.042, 3);
    expect(t95(40)).toBeCloseTo(2.021, 2);
    expect(t95(120)).toBeCloseTo(1.98, 2);
    expect(t95(1e9)).toBeCloseTo(1.96, 3);
  });

  it("gives a mean's t interval, none for one value", () => {
    expect(tMean([])).toEqual({ mean: 0, ci95: [0, 0], n: 0 });
    expect(tMean([4])).toEqual({ mean: 4, ci95: [4, 4], n: 1 });
    const m = tMean([1, 2, 3, 4]);
    expect(m.mean).toBe(2.5);
    expect(m.ci95[1] - m.mean).toBeCloseTo((3.182 * Math.sqrt(5 / 3)) / 2, 3);
  });

  it("counts wars and peace with Wilson intervals and averages turns and peak tension", () => {
    const tutorial = scenario(fileURLToPath(new URL("../../../scenarios/tutorial.yaml", import.meta.url)));
    const states = [0, 1, 2].map((g) => playTreated(tutorial, NO_TREATMENT, ["hawk"], "2", g).state);
    const s = summariseCell({ label: "x", levels: [] }, states);
    expect(s.games).toBe(3);
    const wars = states.filter((st) => st.outcome?.kind === "armedConflict").length;
    expect(s.war.k).toBe(wars);
    expect(s.war.ci95[0]).toBeLessThanOrEqual(s.war.share);
    expect(s.war.ci95[1]).toBeGreaterThanOrEqual(s.war.share);
    expect(s.turns.mean).toBeCloseTo(states.reduce((a, st) => a + st.turn, 0) / 3, 3);
    expect(s.peakTension.mean).toBeGreaterThan(0);
  });
});
