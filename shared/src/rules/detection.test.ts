/** Detection by dwell time, hunting and hardening (docs/model.md §4.2, stylized fact 4 in §7). */
import { describe, expect, it } from "vitest";

import { DEFAULT_PARAMS, type ModelParams } from "../model/params.ts";
import type { GameState } from "../model/types.ts";
import { resolveOk, testGame } from "../testing/game.ts";

import { baseDetectionChance, detectionChance } from "./detection.ts";

function newGame(params: Partial<ModelParams> = {}, seed = "det-seed"): GameState {
  return testGame({ params, seed });
}

const resolve = resolveOk;

/** The same game with `seat`'s defence set to `defense`. */
function withDefense(s: GameState, seat: string, defense: number): GameState {
  const n = s.nations[seat];
  if (!n) throw new Error("no seat");
  return { ...s, nations: { ...s.nations, [seat]: { ...n, defense } } };
}

describe("detection chance by dwell time", () => {
  const table = [0.05, 0.16, 0.31, 0.63, 0.875];

  it("per defence level equals 1 - exp(-ln2 x 30 / dwell): 0.05, 0.16, 0.31, 0.63, 0.875", () => {
    for (let level = 1; level <= 5; level++) {
      const dwell = DEFAULT_PARAMS.dwellDays[level - 1] ?? NaN;
      const p = baseDetectionChance(level, DEFAULT_PARAMS);
      expect(p, `defence ${level}`).toBeCloseTo(1 - Math.exp((-Math.LN2 * 30) / dwell), 10);
      expect(Math.abs(p - (table[level - 1] ?? NaN)), `defence ${level}`).toBeLessThan(0.01);
    }
  });

  it("bonuses add probability points, capped at 0.98", () => {
    expect(detectionChance(3, DEFAULT_PARAMS.huntBonus, DEFAULT_PARAMS)).toBeCloseTo(
      baseDetectionChance(3, DEFAULT_PARAMS) + DEFAULT_PARAMS.huntBonus,
      10,
    );
    expect(detectionChance(5, 0.5, DEFAULT_PARAMS)).toBe(0.98);
  });

  it("covert operations in play are detected at those frequencies", () => {
    const N = 400;
    for (let level = 1; level <= 5; level++) {
      let detected = 0;
      for (let k = 0; k < N; k++) {
        const s = withDefense(newGame({}, `freq-${level}-${k}`), "south", level);
        const { state } = resolve(s, { north: [{ type: "espionage", target: "south" }] });
        const inc = state.incidents.find((i) => i.author === "north");
        expect(inc?.detection?.defense).toBe(level);
        if (inc?.detection?.detected) {
          detected++;
          expect(inc.knowledge.south).toBeDefined();
        } else expect(inc?.knowledge.south).toBeUndefined();
      }
      // Four standard errors at most.
      const p = table[level - 1] ?? NaN;
      expect(Math.abs(detected / N - p), `defence ${level}: ${detected}/${N}`).toBeLessThan(
        4 * Math.sqrt((p * (1 - p)) / N) + 0.005,
      );
    }
  });

  it("hunting adds huntBonus to the detection roll this turn", () => {
    const { state } = resolve(newGame(), {
      north: [{ type: "espionage", target: "south" }],
      south: [{ type: "hunt" }],
    });
    expect(state.incidents.find((i) => i.author === "north")?.detection?.bonus).toBe(
      DEFAULT_PARAMS.huntBonus,
    );
  });
});

describe("harden", () => {
  it("defence +1 from the next turn (this turn's operations meet the old defence)", () => {
    const s1 = newGame();
    expect(s1.nations.north?.defense).toBe(1);
    const { state: s2, events } = resolve(s1, {
      north: [{ type: "harden" }],
      south: [{ type: "espionage", target: "north" }],
    });
    expect(s2.incidents.find((i) => i.author === "south")?.detection?.defense).toBe(1);
    expect(s2.nations.north?.defense).toBe(2);
    expect(s2.nations.north?.pendingDefense).toBe(0);
    expect(events.some((e) => e.rule === "detection.harden")).toBe(true);
    const { state: s3 } = resolve(s2, { east: [{ type: "espionage", target: "north" }] });
    expect(s3.incidents.find((i) => i.author === "east")?.detection?.defense).toBe(2);
  });

  it("defence never exceeds 5", () => {
    const s = withDefense(newGame(), "north", 5);
    const { state } = resolve(s, { north: [{ type: "harden" }] });
    expect(state.nations.north?.defense).toBe(5);
  });

  it("may evict foreign accesses (always, with hardenEvictChance 1)", () => {
    const s1 = newGame({ dwellDays: [100000, 100000, 100000, 100000, 100000], hardenEvictChance: 1 });
    const { state: s2 } = resolve(s1, {
      south: [{ type: "preposition", target: "north" }],
      east: [{ type: "preposition", target: "south" }],
    });
    expect(s2.accesses).toHaveLength(2);
    const { state: s3 } = resolve(s2, { north: [{ type: "harden" }] });
    expect(s3.accesses.map((a) => [a.owner, a.target])).toEqual([["east", "south"]]);
  });
});

describe("dwell time of an access", () => {
  it("a covert access held since an earlier month is found each month with the defence's detection chance, evicted and noticed", () => {
    const NEVER = [1e9, 1e9, 1e9, 1e9, 1e9];
    let found = 0;
    const n = 300;
    for (let k = 0; k < n; k++) {
      // Gained unseen (dwell time endless at the operation), then a month at defence 3 (dwell 56 days: 31% a
      // month).
      const s0 = newGame({ dwellDays: NEVER }, `dwell-${k}`);
      const s1 = resolve(s0, { north: [{ type: "preposition", target: "south" }] }).state;
      if (s1.accesses.length !== 1) continue;
      const month = { ...s1, params: { ...s1.params, dwellDays: DEFAULT_PARAMS.dwellDays } };
      const s = withDefense(month, "south", 3);
      const { state, events } = resolve(s);
      if (state.accesses.length === 0) {
        found++;
        expect(events.some((e) => e.rule === "detection.dwell" && e.visibleTo !== "public")).toBe(true);
        expect(state.incidents[0]?.knowledge.south).toBeDefined();
      }
    }
    // About 0.31 x 300 = 93 (sd 8).
    expect(found).toBeGreaterThan(60);
    expect(found).toBeLessThan(130);
  });

  it("an access is not looked for in the month it was gained beyond the operation's own roll", () => {
    const s = newGame({ dwellDays: [1e9, 1e9, 1e9, 1e9, 1e9] });
    const { state } = resolve(s, { north: [{ type: "preposition", target: "south" }] });
    expect(state.accesses).toHaveLength(1);
  });
});
