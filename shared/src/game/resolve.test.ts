/** resolveTurn as a whole: end conditions, scores, and the rule every event cites (docs/model.md §4.8). */
import { describe, expect, it } from "vitest";
import { PERSONAS, type Persona } from "../bots/persona-names.ts";

import { CBMS, type CbmKind } from "../model/cbms.ts";
import { allPairs, pairKey } from "../model/pairs.ts";
import { DEFAULT_PARAMS, type ModelParams } from "../model/params.ts";
import { RULES } from "../model/rules-catalogue.ts";
import type { GameOptions, GameState } from "../model/types.ts";
import type { Scenario } from "../scenario/schema.ts";
import { playGame } from "../sim/play.ts";
import { resolveOk, testGame } from "../testing/game.ts";
import { testScenario } from "../testing/fixtures.ts";

import { resolveTurn } from "./resolve.ts";
import { applyStep, type Step } from "./steps.ts";

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

/**
 * The game after its states agreed these measures this turn (a unilateral one: each state its own), in force
 * from this turn's resolution.
 */
function agree(s: GameState, kinds: readonly CbmKind[]): GameState {
  let state = s;
  const apply = (st: Step): void => {
    const r = applyStep(state, st);
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
    state = r.value.state;
  };
  for (const kind of kinds) {
    if (CBMS[kind].members === "one") {
      for (const seat of state.seats) apply({ type: "propose", turn: state.turn, seat, kind, parties: [] });
      continue;
    }
    const [first, ...rest] = state.seats as [string, ...string[]];
    apply({ type: "propose", turn: state.turn, seat: first, kind, parties: rest });
    const id = state.proposals.at(-1)?.id as string;
    for (const seat of rest) apply({ type: "respond", turn: state.turn, seat, proposal: id, accept: true });
  }
  return state;
}

describe("stable peace", () => {
  it("counts kinds of CBM that bind states together: one hotline and every state's own doctrine are not enough", () => {
    let s = agree(newGame(), ["hotline", "publishDoctrine"]);
    for (let t = 1; t <= P.peaceTurns + 2; t++) s = resolve(s).state;
    expect(s.cbms.filter((c) => c.since >= 1).length).toBeGreaterThanOrEqual(P.peaceMinCbms);
    expect(s.outcome).toBeNull();
    expect(s.peaceStreak).toBe(0);
  });

  it(
    `after peaceTurns (${P.peaceTurns}) calm turns counted from the month after peaceMinCbms ` +
      `(${P.peaceMinCbms}) kinds, one agreed in play, came into force`,
    () => {
      let s = agree(newGame(), ["hotline", "consultations"]);
      s = resolve(s).state;
      // The month the settlement came into force does not count: it has yet to prove itself.
      expect(s.peaceStreak).toBe(0);
      for (let t = 1; t < P.peaceTurns; t++) {
        s = resolve(s).state;
        expect(s.phase, `turn ${t + 1}`).toBe("planning");
        expect(s.peaceStreak).toBe(t);
      }
      const { state, events } = resolve(s);
      expect(state.outcome).toEqual({
        kind: "stablePeace",
        turn: P.peaceTurns + 1,
        belligerents: [],
        initiator: null,
      });
      expect(state.phase).toBe("ended");
      expect(events.some((e) => e.rule === "end.stablePeace")).toBe(true);
      for (const seat of state.seats) expect(state.scores[seat]?.outcome).toBe(P.peaceBonus);
    },
  );

  it("not with measures in force from the start only: the crisis's parties settle it themselves", () => {
    let s = newGame({}, { turns: 20 }, { cbms: ["hotline", "consultations", "jointObservation"] });
    for (let t = 0; t < P.peaceTurns + 1; t++) s = resolve(s).state;
    expect(s.outcome).toBeNull();
    expect(s.peaceStreak).toBe(0);
    // One measure agreed in play settles it: the calm months count from the month after.
    s = agree(s, ["noFirstUse"]);
    const settledIn = s.turn;
    for (let t = 0; t < P.peaceTurns; t++) s = resolve(s).state;
    expect(s.outcome).toBeNull();
    s = resolve(s).state;
    expect(s.outcome?.kind).toBe("stablePeace");
    expect(s.outcome?.turn).toBe(settledIn + P.peaceTurns);
  });

  it("not with fewer CBMs than peaceMinCbms", () => {
    let s = agree(newGame(), ["hotline"]);
    for (let t = 0; t < P.peaceTurns + 2; t++) s = resolve(s).state;
    expect(s.outcome).toBeNull();
    expect(s.peaceStreak).toBe(0);
  });

  it("the streak counts only turns with every pair at or below peaceMaxTension", () => {
    const key = pairKey("north", "south");
    let s = agree(newGame({}, { turns: 20, relations: [{ a: "north", b: "south", tension: 6 }] }), [
      "hotline",
      "consultations",
    ]);
    s = resolve(s).state;
    let tense = 0;
    while (s.phase === "planning") {
      const before = s.peaceStreak;
      s = resolve(s).state;
      const calm = (s.tension[key] ?? 0) <= P.peaceMaxTension;
      if (!calm) tense++;
      expect(s.peaceStreak).toBe(calm ? before + 1 : 0);
    }
    expect(tense).toBeGreaterThan(0);
    expect(s.outcome?.kind).toBe("stablePeace");
    expect(s.peaceStreak).toBe(P.peaceTurns);
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
