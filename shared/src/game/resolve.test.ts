/** resolveTurn as a whole: end conditions, scores, and the rule every event cites (docs/model.md §4.8). */
import { describe, expect, it } from "vitest";
import { PERSONAS, type Persona } from "../bots/persona-names.ts";

import { allPairs, pairKey } from "../model/pairs.ts";
import { DEFAULT_PARAMS, type ModelParams } from "../model/params.ts";
import { RULES } from "../model/rules-catalogue.ts";
import type { GameOptions, GameState } from "../model/types.ts";
import type { Scenario } from "../scenario/schema.ts";
import { playGame } from "../sim/play.ts";
import { resolveOk, testGame } from "../testing/game.ts";
import { testScenario } from "../testing/fixtures.ts";

import { resolveTurn } from "./resolve.ts";

const P = DEFAULT_PARAMS;

function newGame(
  params: Partial<ModelParams> = {},
  extra: Partial<Scenario> = {},
  options: Partial<GameOptions> = {},
  n = 3,
): GameState {
  return testGame({ params, scenario: extra, options, seed: "resolve-seed", states: n });
}

const resolve = resolveOk;

describe("armed conflict", () => {
  it("a strike means armed conflict, the striker is the initiator and loses most", () => {
    const { state, events } = resolve(newGame(), { south: [{ type: "strike", target: "east" }] });
    expect(state.phase).toBe("ended");
    expect(state.outcome).toEqual({
      kind: "armedConflict",
      turn: 1,
      belligerents: ["south", "east"],
      initiator: "south",
      cause: "strike",
    });
    expect(events.some((e) => e.rule === "force.strike" && e.visibleTo === "public")).toBe(true);
    expect(events.some((e) => e.rule === "end.armedConflict" && e.visibleTo === "public")).toBe(true);
    expect(state.scores.south?.outcome).toBe(-(P.armedConflictLoss + P.belligerentLoss + P.initiatorLoss));
    expect(state.scores.east?.outcome).toBe(-(P.armedConflictLoss + P.belligerentLoss));
    expect(state.scores.north?.outcome).toBe(-P.armedConflictLoss);
    const losses = state.seats.map((s) => state.scores[s]?.outcome ?? 0);
    expect(Math.min(...losses)).toBe(state.scores.south?.outcome);
    expect(losses.filter((l) => l === Math.min(...losses))).toHaveLength(1);
    // The game is over: nothing more resolves.
    expect(resolveTurn(state, {}).ok).toBe(false);
  });

  it("the first strike in seat order starts it when two states strike", () => {
    const { state } = resolve(newGame(), {
      east: [{ type: "strike", target: "north" }],
      north: [{ type: "strike", target: "south" }],
    });
    expect(state.outcome?.initiator).toBe("north");
  });

  it("a pair reaching tension 9 goes to the brink, not to war: the game goes on and everyone sees it", () => {
    const s = newGame({ tensionFatigue: 0 }, { relations: [{ a: "north", b: "south", tension: 8 }] });
    const { state, events } = resolve(s, { north: [{ type: "mobilize", target: "south" }] });
    expect(state.tension[pairKey("north", "south")]).toBe(9);
    expect(state.outcome).toBeNull();
    expect(state.phase).toBe("planning");
    expect(state.brinks).toEqual({ [pairKey("north", "south")]: 1 });
    expect(events.some((e) => e.rule === "escalation.brink" && e.visibleTo === "public")).toBe(true);
  });

  it("a pair just below 9 does not reach the brink", () => {
    const s = newGame({ tensionFatigue: 0 }, { relations: [{ a: "north", b: "south", tension: 8 }] });
    const { state } = resolve(s, { north: [{ type: "statement", tone: "warn", target: "south" }] });
    expect(state.tension[pairKey("north", "south")]).toBeCloseTo(8 + P.warnTension, 3);
    expect(state.outcome).toBeNull();
    expect(state.phase).toBe("planning");
    expect(state.brinks).toEqual({});
  });
});

describe("stable peace", () => {
  it("counts kinds of CBM that bind states together: one hotline and every state's own doctrine are not enough", () => {
    let s = newGame({}, {}, { cbms: ["hotline", "publishDoctrine"] });
    expect(s.cbms.length).toBeGreaterThanOrEqual(P.peaceMinCbms);
    for (let t = 1; t <= P.peaceTurns + 1; t++) s = resolve(s).state;
    expect(s.outcome).toBeNull();
    expect(s.peaceStreak).toBe(0);
  });

  it(`after peaceTurns (${P.peaceTurns}) calm turns with at least peaceMinCbms (${P.peaceMinCbms}) CBMs in force`, () => {
    let s = newGame({}, {}, { cbms: ["hotline", "consultations"] });
    for (let t = 1; t < P.peaceTurns; t++) {
      s = resolve(s).state;
      expect(s.phase, `turn ${t}`).toBe("planning");
      expect(s.peaceStreak).toBe(t);
    }
    const { state, events } = resolve(s);
    expect(state.outcome).toEqual({
      kind: "stablePeace",
      turn: P.peaceTurns,
      belligerents: [],
      initiator: null,
    });
    expect(state.phase).toBe("ended");
    expect(events.some((e) => e.rule === "end.stablePeace")).toBe(true);
    for (const seat of state.seats) expect(state.scores[seat]?.outcome).toBe(P.peaceBonus);
  });

  it("not with fewer CBMs than peaceMinCbms", () => {
    let s = newGame({}, {}, { cbms: ["hotline"] });
    for (let t = 0; t < P.peaceTurns + 2; t++) s = resolve(s).state;
    expect(s.outcome).toBeNull();
    expect(s.peaceStreak).toBe(0);
  });

  it("the streak counts only turns with every pair at or below peaceMaxTension", () => {
    let s = newGame(
      {},
      { relations: [{ a: "north", b: "south", tension: 4 }] },
      { cbms: ["hotline", "consultations"] },
    );
    s = resolve(s).state;
    expect(s.tension[pairKey("north", "south")]).toBeGreaterThan(P.peaceMaxTension);
    expect(s.peaceStreak).toBe(0);
    for (let t = 0; t < P.peaceTurns - 1; t++) s = resolve(s).state;
    expect(s.outcome).toBeNull();
    s = resolve(s).state;
    expect(s.outcome?.kind).toBe("stablePeace");
    expect(s.outcome?.turn).toBe(P.peaceTurns + 1);
  });
});

describe("turn limit", () => {
  it("the game ends after its last turn", () => {
    let s = newGame({}, { turns: 3 });
    expect(s.maxTurns).toBe(3);
    for (let t = 1; t <= 2; t++) {
      s = resolve(s).state;
      expect(s.phase).toBe("planning");
      expect(s.turn).toBe(t + 1);
    }
    const { state, events } = resolve(s);
    expect(state.phase).toBe("ended");
    expect(state.turn).toBe(3);
    expect(state.outcome).toEqual({ kind: "turnLimit", turn: 3, belligerents: [], initiator: null });
    expect(events.some((e) => e.rule === "end.turnLimit" && e.visibleTo === "public")).toBe(true);
    expect(state.tensionHistory[pairKey("north", "south")]).toHaveLength(4);
    const again = resolveTurn(state, {});
    expect(again.ok ? null : again.error.code).toBe("GAME_OVER");
  });
});

describe("events", () => {
  it("every event of full bot games cites a rule that exists in RULES and a valid audience", () => {
    const seen = new Set<string>();
    const games: Array<[Persona, Partial<GameOptions>]> = [];
    for (const persona of PERSONAS)
      games.push(
        [persona, {}],
        [persona, { cbms: ["hotline", "situationReports", "selfDefenceCatalogue", "noFirstUse"] }],
      );
    let k = 0;
    for (const [persona, options] of games) {
      for (let g = 0; g < 3; g++) {
        const scenario = testScenario(4, {
          params: { nonStateIncidentChance: 0.3, exerciseMisreadChance: 0.2 },
          injects: {
            scheduled: [
              {
                turn: 2,
                inject: {
                  id: "storm",
                  title: "Storm",
                  text: "A storm.",
                  effects: [{ type: "nonStateIncident", target: "east", kind: "destroy" }],
                },
              },
            ],
          },
        });
        const seats = scenario.states.map((st) => st.id);
        const personas = Object.fromEntries(
          seats.map((s, i) => [s, i % 2 === 0 ? persona : PERSONAS[(k + i) % PERSONAS.length]]),
        ) as Record<string, Persona>;
        const played = playGame(scenario, `events-${k++}`, personas, options);
        expect(played.rejected).toEqual([]);
        for (const e of played.state.events) {
          seen.add(e.rule);
          expect(Object.keys(RULES), e.text).toContain(e.rule);
          if (e.visibleTo !== "public") for (const v of e.visibleTo) expect(seats, e.text).toContain(v);
          expect(e.turn).toBeGreaterThanOrEqual(1);
          expect(e.turn).toBeLessThanOrEqual(played.state.turn);
          if (e.tension) expect(allPairs(seats)).toContain(e.tension.pair);
        }
      }
    }
    // The games exercised a good part of the catalogue.
    expect(seen.size).toBeGreaterThan(15);
  });

  it("resolveTurn returns this turn's events and appends them to the state's log", () => {
    const s = newGame();
    const { state, events } = resolve(s, { north: [{ type: "develop" }] });
    expect(events.length).toBeGreaterThan(0);
    expect(state.events).toEqual([...s.events, ...events]);
    for (const e of events) expect(e.turn).toBe(1);
  });
});
