import { createGame, type GameState } from "@firebreak/shared";
import { testScenario } from "@firebreak/shared/testing";
import { describe, expect, it } from "vitest";
import { highestTension, lastTurnIncidents, tableStatus } from "./dashboard.ts";
import type { Exercise } from "./model.ts";
import { compare, peaksByPair } from "./results.ts";

const scenario = testScenario(3);
const game = (): GameState => {
  const g = createGame(scenario, "dash-1");
  if (!g.ok) throw new Error(g.error.message);
  return g.value;
};

const ex: Exercise = {
  id: "x1",
  code: "ACDEFG",
  key: "key-0123456789",
  name: "Class",
  scenario: scenario.id,
  seed: "s",
  creatorName: "Fac",
  createdAt: 0,
  turnSeconds: 300,
  botLevel: "normal",
  treatments: [
    { label: "A", options: {} },
    { label: "B", options: { noCbms: true } },
  ],
  assignment: "balanced",
  hypothesis: "",
  tables: [
    { game: "g1", treatment: 0 },
    { game: "g2", treatment: 1 },
  ],
  revealed: false,
};

describe("a table on the dashboard and in the comparison", () => {
  it("names the tensest pair by state names, and counts the last turn's incidents", () => {
    const g = game();
    const [key] = Object.keys(g.tension) as [string];
    g.tension[key] = 8.26;
    const h = highestTension(g);
    expect(h?.tension).toBe(8.3);
    expect(h?.pair.every((n) => Object.values(g.nations).some((x) => x.name === n))).toBe(true);
    expect(lastTurnIncidents(g)).toBe(0);
  });

  it("a table out of memory is asleep, or ended when its last state says so; its treatment is the facilitator's", () => {
    const g = game();
    expect(tableStatus(ex, 0, null, g, 0)).toMatchObject({ phase: "asleep", treatment: "A", index: 1 });
    expect(tableStatus(ex, 1, null, { ...g, phase: "ended" }, 0).phase).toBe("ended");
    expect(tableStatus(ex, 1, null, null, 0)).toMatchObject({ phase: "asleep", highest: null, turn: 0 });
  });

  it("peaks are the highest tension a pair reached; the comparison sums tables by treatment, then all", () => {
    const g = game();
    const [key] = Object.keys(g.tension) as [string];
    g.tensionHistory[key] = [2, 6.5, 3];
    g.tension[key] = 3;
    expect(peaksByPair(g)[key]).toBe(6.5);
    const ended = {
      ...g,
      phase: "ended" as const,
      outcome: { kind: "stablePeace" as const, turn: 5, belligerents: [], initiator: null },
    };
    const c = compare(ex, [g, ended]);
    expect(c.tables.map((t) => [t.treatment, t.ended, t.outcome])).toEqual([
      ["A", false, null],
      ["B", true, "stablePeace"],
    ]);
    expect(c.arms.map((a) => [a.label, a.tables, a.ended])).toEqual([
      ["A", 1, 0],
      ["B", 1, 1],
      ["All tables", 2, 1],
    ]);
    expect(c.arms[1]?.shares.stablePeace.value).toBe(1);
    expect(c.arms[2]?.peakTension.value).toBe(6.5);
  });
});
