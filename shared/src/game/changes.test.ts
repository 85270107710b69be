/**
 * Every change has its event (docs/model.md §1.4): over seeded bot games in every shipped scenario, each
 * change the engine makes to a state's economy, stability or reputation is carried by an event's `changes`,
 * and each change of a pair's tension by an event's `tension`, step by step and turn by turn (the events
 * between two states of a timeline).
 */
import { describe, expect, it } from "vitest";
import { castBots } from "../bots/casting.ts";
import type { BotLevel, BotSpec } from "../bots/doctrines.ts";
import type { GameEvent } from "../model/events.ts";
import { own } from "../model/ids.ts";
import { allPairs, pairKey } from "../model/pairs.ts";
import type { GameOptions, GameState } from "../model/types.ts";
import { findScenario } from "../io/scenario-files.ts";
import type { Scenario } from "../scenario/schema.ts";
import { playBotGame } from "../sim/bot-game.ts";
import { createGame } from "./create.ts";
import { applyStep, type Step } from "./steps.ts";

const SCENARIOS = ["baltic-fog", "collateral", "dark-winter", "halden-measures", "open-secrets", "tutorial"];
const MEASURES = ["economy", "stability", "reputation"] as const;
const EPS = 1e-9;

function scenario(id: string): Scenario {
  const r = findScenario(id);
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join("; "));
  return r.scenario;
}

/** What `events` say changed: per `seat/measure` and per pair. */
function said(events: readonly GameEvent[]): Map<string, number> {
  const out = new Map<string, number>();
  const add = (k: string, d: number): void => {
    out.set(k, (out.get(k) ?? 0) + d);
  };
  for (const e of events) {
    for (const c of e.changes ?? []) add(`${c.seat}/${c.measure}`, c.delta);
    if (e.tension) add(`pair ${e.tension.pair}`, e.tension.delta);
  }
  return out;
}

/**
 * Checks that the events say exactly what changed from `before` to `after` (`where` names the moment for a
 * failure).
 */
function expectCarried(
  before: GameState,
  after: GameState,
  events: readonly GameEvent[],
  where: string,
): void {
  const told = said(events);
  for (const e of events)
    for (const c of e.changes ?? []) {
      expect(c.delta, `${where}: a zero change is not a change: ${e.text}`).not.toBe(0);
      expect(MEASURES as readonly string[], where).toContain(c.measure);
      // A state always sees the event that changed its own measures.
      if (e.visibleTo !== "public") expect(e.visibleTo, `${where}: ${e.text}`).toContain(c.seat);
    }
  for (const seat of after.seats)
    for (const m of MEASURES) {
      const actual = (own(after.nations, seat)?.[m] ?? 0) - (own(before.nations, seat)?.[m] ?? 0);
      const sum = told.get(`${seat}/${m}`) ?? 0;
      expect(
        Math.abs(actual - sum),
        `${where}: ${seat} ${m} moved ${actual}, its events say ${sum}`,
      ).toBeLessThan(EPS);
    }
  for (const key of allPairs(after.seats)) {
    const actual = (after.tension[key] ?? 0) - (before.tension[key] ?? 0);
    const sum = told.get(`pair ${key}`) ?? 0;
    expect(
      Math.abs(actual - sum),
      `${where}: ${key} tension moved ${actual}, its events say ${sum}`,
    ).toBeLessThan(EPS);
  }
}

/** Folds a game's steps, checking every step, every turn (start to start) and the game's creation. */
function checkGame(
  sc: Scenario,
  seed: string,
  options: Partial<GameOptions>,
  steps: readonly Step[],
): number {
  const created = createGame(sc, seed, options);
  if (!created.ok) throw new Error(created.error.message);
  let state = created.value;
  // Creation: the scenario's numbers, then turn 1's injects, each change with its event.
  const initial = { ...state, nations: { ...state.nations }, tension: { ...state.tension } };
  for (const st of sc.states) {
    const n = own(initial.nations, st.id);
    if (n)
      initial.nations[st.id] = {
        ...n,
        economy: st.economy,
        stability: st.stability,
        reputation: st.reputation,
      };
  }
  for (const key of allPairs(state.seats)) initial.tension[key] = state.params.initialTension;
  for (const r of sc.relations ?? [])
    if (r.tension !== undefined) initial.tension[pairKey(r.a, r.b)] = r.tension;
  expectCarried(initial as GameState, state, state.events, `${seed} creation`);
  let start = state;
  let turns = 0;
  steps.forEach((step, i) => {
    const r = applyStep(state, step);
    if (!r.ok) throw new Error(`${seed} step ${i}: ${r.error.message}`);
    expectCarried(
      state,
      r.value.state,
      r.value.events,
      `${seed} step ${i} (${step.type}, turn ${step.turn})`,
    );
    state = r.value.state;
    if (state.turn !== start.turn || state.phase === "ended") {
      expectCarried(start, state, state.events.slice(start.events.length), `${seed} turn ${start.turn}`);
      start = state;
      turns++;
    }
  });
  return turns;
}

describe("every change has its event", () => {
  it("economy, stability, reputation and tension move only with the events that say so, in every scenario and at every level", () => {
    let turns = 0;
    let changes = 0;
    for (const id of SCENARIOS) {
      const sc = scenario(id);
      const seats = sc.states.map((s) => s.id);
      const runs: Array<{ level: BotLevel; g: number; options: Partial<GameOptions> }> = [
        { level: "normal", g: 0, options: {} },
        { level: "normal", g: 1, options: { cbms: ["noFirstUse", "codeOfConduct"] } },
        { level: "normal", g: 2, options: { noCbms: true } },
        { level: "easy", g: 4, options: {} },
      ];
      // The search bot is slow on a busy machine: one hard game in each of the scenarios with two or three
      // states.
      if (seats.length <= 3) runs.push({ level: "hard", g: 3, options: {} });
      for (const { level, g, options } of runs) {
        const seed = `changes-${id}-${g}`;
        // Scenario casts for even games, random casts for odd ones, so every doctrine plays somewhere.
        const cast = castBots(id, seats, g % 2 === 0 ? "scenario" : "random", seed);
        const specs: Record<string, BotSpec> = {};
        for (const s of seats) specs[s] = { persona: cast[s] ?? "dove", level };
        const game = playBotGame(sc, seed, specs, options);
        expect(game.rejected, seed).toEqual([]);
        turns += checkGame(sc, seed, options, game.steps);
        changes += game.state.events.filter((e) => e.changes !== undefined).length;
      }
    }
    expect(turns).toBeGreaterThan(100);
    expect(changes).toBeGreaterThan(100);
  }, 600_000);

  it("a facilitator's stat inject is carried by a public inject event", () => {
    const sc = scenario("tutorial");
    const created = createGame(sc, "stat-inject", {});
    if (!created.ok) throw new Error(created.error.message);
    const s = created.value;
    const seat = s.seats[0] as string;
    const step: Step = {
      type: "inject",
      turn: 1,
      inject: {
        id: "x",
        title: "Market shock",
        text: "Markets fall.",
        effects: [{ type: "stat", state: seat, stat: "economy", delta: -2 }],
      },
    };
    const r = applyStep(s, step);
    if (!r.ok) throw new Error(r.error.message);
    expectCarried(s, r.value.state, r.value.events, "inject");
    const e = r.value.events.find((x) => x.changes);
    expect(e?.visibleTo).toBe("public");
    expect(e?.changes).toEqual([{ seat, measure: "economy", delta: -2 }]);
  });
});
