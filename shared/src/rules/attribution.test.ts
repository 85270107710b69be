/** Attribution: none -> low -> moderate -> high, false flags, proxies (docs/model.md §4.3). */
import { describe, expect, it } from "vitest";

import type { ModelParams } from "../model/params.ts";
import type { GameState, Incident, Nation } from "../model/types.ts";
import { resolveOk, testGame } from "../testing/game.ts";

const FAST: Partial<ModelParams> = { attributionHazard: 0.95, lowConfidenceError: 0 };

function newGame(params: Partial<ModelParams> = {}, seed = "attr-seed", n = 3): GameState {
  return testGame({ params, seed, states: n });
}

const resolve = resolveOk;

function incident(s: GameState, author: string, target: string): Incident {
  const i = s.incidents.find((x) => x.author === author && x.target === target);
  if (!i) throw new Error("no incident");
  return i;
}

describe("attribution advances", () => {
  it("one tier at a time, never down, starting the turn after the incident was learned of", () => {
    for (let k = 0; k < 20; k++) {
      let s = resolve(newGame({ attributionHazard: 0.95, firstMonthAttribution: 0 }, `tiers-${k}`), {
        north: [
          { type: "ddos", target: "south" },
          { type: "influence", target: "east" },
        ],
      }).state;
      const id = incident(s, "north", "south").id;
      expect(incident(s, "north", "south").knowledge.south?.confidence).toBe(0);
      let prev = 0;
      for (let t = 0; t < 6; t++) {
        const r = resolve(s);
        s = r.state;
        const conf = s.incidents.find((i) => i.id === id)?.knowledge.south?.confidence ?? -1;
        expect(conf - prev, `seed ${k} turn ${s.turn}`).toBeGreaterThanOrEqual(0);
        expect(conf - prev, `seed ${k} turn ${s.turn}`).toBeLessThanOrEqual(1);
        const advances = r.events.filter(
          (e) => e.rule === "attribution.advance" && e.incident === id && e.tension === undefined,
        );
        expect(advances).toHaveLength(conf - prev);
        for (const e of advances)
          expect(e.text).toMatch(
            /^South's attribution of an incident against its own networks reached (low|moderate|high) confidence: \w/,
          );
        prev = conf;
      }
      expect(prev).toBe(3);
    }
  });

  it("with lowConfidenceError 0 and no false flag, every tier names the true author", () => {
    let s = resolve(newGame(FAST), { north: [{ type: "ddos", target: "south" }] }).state;
    for (let t = 0; t < 8; t++) {
      s = resolve(s).state;
      const k = incident(s, "north", "south").knowledge.south;
      if (k && k.confidence > 0) expect(k.suspect).toBe("north");
    }
    expect(incident(s, "north", "south").knowledge.south?.confidence).toBe(3);
  });

  it("the author's own knowledge is high from the start", () => {
    const s = resolve(newGame(FAST), { north: [{ type: "espionage", target: "south" }] }).state;
    expect(incident(s, "north", "south").knowledge.north).toMatchObject({ confidence: 3, suspect: "north" });
  });
});

describe("false flags", () => {
  it("at low confidence the evidence points at the flagged state; from moderate on at the author", () => {
    let checkedLow = 0;
    for (let k = 0; k < 10; k++) {
      let s = resolve(newGame(FAST, `flag-${k}`), {
        north: [{ type: "ddos", target: "south", falseFlag: "east" }],
      }).state;
      for (let t = 0; t < 8; t++) {
        s = resolve(s).state;
        const kn = incident(s, "north", "south").knowledge.south;
        if (kn?.confidence === 1) {
          expect(kn.suspect).toBe("east");
          checkedLow++;
        }
        if (kn && kn.confidence >= 2) expect(kn.suspect).toBe("north");
      }
    }
    expect(checkedLow).toBeGreaterThan(0);
  });

  it("the victim's suspicion and tension turn toward the flagged state at low confidence", () => {
    let s = resolve(newGame(FAST), { north: [{ type: "ddos", target: "south", falseFlag: "east" }] }).state;
    for (let t = 0; t < 8 && (incident(s, "north", "south").knowledge.south?.confidence ?? 0) < 1; t++) {
      const r = resolve(s);
      s = r.state;
      if (incident(s, "north", "south").knowledge.south?.confidence === 1) {
        expect(
          r.events.some((e) => e.rule === "attribution.advance" && e.tension?.pair === "east|south"),
        ).toBe(true);
        expect(s.suspicion["south>east"]).toBeGreaterThan(s.suspicion["south>north"] ?? 1);
      }
    }
    expect(incident(s, "north", "south").knowledge.south?.confidence).toBe(1);
  });
});

describe("the first month", () => {
  it("a sloppy case may be attributed at moderate confidence in the month it is noticed; a careful one never", () => {
    let fast = 0;
    for (let k = 0; k < 200; k++) {
      const sloppy = resolve(newGame({}, `first-${k}`), { north: [{ type: "ddos", target: "south" }] }).state;
      const k1 = incident(sloppy, "north", "south").knowledge.south;
      if ((k1?.confidence ?? 0) >= 2) {
        fast++;
        expect(k1?.suspect).toBe("north");
        expect(k1?.moderateAt).toBe(1);
      }
      const careful = newGame({}, `first-${k}`);
      const skilled = {
        ...careful,
        nations: { ...careful.nations, north: { ...(careful.nations.north as Nation), cyber: 8 } },
      };
      const s2 = resolve(skilled, { north: [{ type: "ddos", target: "south" }] }).state;
      expect(incident(s2, "north", "south").knowledge.south?.confidence).toBe(0);
    }
    // Chance firstMonthAttribution = 0.2 on a sloppy case (the fixture's cyber is at most 3): about 40 of
    // 200.
    expect(fast).toBeGreaterThan(15);
    expect(fast).toBeLessThan(70);
  });
});

describe("proxies", () => {
  it("slow attribution (over many seeds)", () => {
    const N = 300;
    const mean = (proxy: boolean): number => {
      let sum = 0;
      for (let k = 0; k < N; k++) {
        let s = resolve(newGame({}, `proxy-${k}`), {
          north: [{ type: "ddos", target: "south", ...(proxy ? { proxy: true } : {}) }],
        }).state;
        for (let t = 0; t < 3; t++) s = resolve(s).state;
        sum += incident(s, "north", "south").knowledge.south?.confidence ?? 0;
      }
      return sum / N;
    };
    const direct = mean(false);
    const viaProxy = mean(true);
    // Hazard at defence 2: 0.25 x 0.95 = 0.2375 a turn, halved by the proxy: means ~0.71 vs ~0.36 after 3
    // turns, plus the first-month chance of a sloppy case (the fixture's cyber is at most 3), also halved by
    // the proxy.
    expect(direct).toBeGreaterThan(0.5);
    expect(viaProxy).toBeLessThan(direct * 0.7);
  });
});

describe("the debrief sees false flags and misattributions; the victim does not", () => {
  it("a false flag leaves an event only the facilitator and the debrief can read", async () => {
    const { createGame } = await import("../game/create.ts");
    const { resolveTurn } = await import("../game/resolve.ts");
    const { viewFor } = await import("../view/view.ts");
    const { testScenario } = await import("../testing/fixtures.ts");
    const g = createGame(
      testScenario(3, {
        params: { nonStateIncidentChance: 0, exerciseMisreadChance: 0, attributionHazard: 0.95 },
      }),
      "ff-seed",
    );
    if (!g.ok) throw new Error(g.error.message);
    let r = resolveTurn(g.value, { north: [{ type: "ddos", target: "south", falseFlag: "east" }] });
    if (!r.ok) throw new Error(r.error.message);
    let s = r.value.state;
    for (let i = 0; i < 6 && !s.events.some((e) => e.rule === "attribution.falseFlag"); i++) {
      r = resolveTurn(s, {});
      if (!r.ok) throw new Error(r.error.message);
      s = r.value.state;
    }
    const flag = s.events.find((e) => e.rule === "attribution.falseFlag");
    expect(flag?.visibleTo).toEqual([]);
    expect(
      viewFor(s, { role: "player", seat: "south" }).events.some((e) => e.rule === "attribution.falseFlag"),
    ).toBe(false);
    expect(viewFor(s, { role: "facilitator" }).events.some((e) => e.rule === "attribution.falseFlag")).toBe(
      true,
    );
  });
});

describe("a CERT partner's evidence", () => {
  it("when wrong at low confidence, never names the victim itself as its attacker", () => {
    let wrongly = 0;
    for (let k = 0; k < 20; k++) {
      // Four states linked by situation reports, so each partner learns of the incident; low evidence always errs.
      let s = testGame({
        params: { attributionHazard: 1, lowConfidenceError: 1, firstMonthAttribution: 0 },
        options: { cbms: ["situationReports"] },
        seed: `partner-${k}`,
        states: 4,
      });
      s = resolve(s, { north: [{ type: "ddos", target: "south" }] }).state;
      for (let t = 0; t < 2; t++) s = resolve(s).state;
      for (const [knower, k2] of Object.entries(incident(s, "north", "south").knowledge)) {
        if (knower === "north" || knower === "south" || k2.confidence !== 1) continue;
        expect(k2.suspect, `seed ${k}, ${knower}`).not.toBe("south");
        if (k2.suspect !== "north") wrongly++;
      }
    }
    // The evidence did err (toward the one state left), so the draw was made and avoided the victim.
    expect(wrongly).toBeGreaterThan(0);
  });
});
