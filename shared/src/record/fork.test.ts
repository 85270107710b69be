import { describe, expect, it } from "vitest";
import { createGame } from "../game/create.ts";
import { applyStep, type Step } from "../game/steps.ts";
import { findScenario } from "../io/scenario-files.ts";
import type { GameState } from "../model/types.ts";
import { replayTimeline } from "../review/timeline.ts";
import type { Scenario } from "../scenario/schema.ts";
import { playBotGame } from "../sim/bot-game.ts";
import { forkBase, forkRecord, forkStart } from "./fork.ts";
import { newRecord, replayRecord, stateHash, type GameRecord, type RecordedStep } from "./record.ts";

const found = findScenario("baltic-fog");
if (!found.ok) throw new Error("baltic-fog");
const scenario: Scenario = found.scenario;

/** A record from steps played from a new game: each resolution with the hash of the state after it. */
function recordOf(seed: string, steps: Step[]): GameRecord {
  const created = createGame(scenario, seed);
  if (!created.ok) throw new Error(created.error.message);
  let state = created.value;
  const record = newRecord(scenario, seed, state.options, [], state);
  for (const step of steps) {
    const r = applyStep(state, step);
    if (!r.ok) throw new Error(r.error.message);
    state = r.value.state;
    record.steps.push(step.type === "resolve" ? { ...step, hash: stateHash(state) } : step);
  }
  record.finalHash = stateHash(state);
  return record;
}

/** Every seat orders nothing this turn, then the turn resolves. */
function quietTurn(state: GameState): Step[] {
  return [
    ...state.seats.map((seat) => ({ type: "orders" as const, turn: state.turn, seat, orders: [] })),
    { type: "resolve", turn: state.turn },
  ];
}

/** Applies steps to a state; the state after them and the steps with resolutions hashed. */
function play(from: GameState, steps: Step[]): { state: GameState; recorded: RecordedStep[] } {
  let state = from;
  const recorded: RecordedStep[] = [];
  for (const step of steps) {
    const r = applyStep(state, step);
    if (!r.ok) throw new Error(r.error.message);
    state = r.value.state;
    recorded.push(step.type === "resolve" ? { ...step, hash: stateHash(state) } : step);
  }
  return { state, recorded };
}

const game = playBotGame(scenario, "fork-parent", {});
const parent = recordOf("fork-parent", game.steps);
const timeline = replayTimeline(parent, scenario);
if (!timeline.ok) throw new Error(timeline.error.message);

describe("forks", () => {
  it("a fork begins in the parent's state at the beginning of its turn, with only its random generator new", () => {
    const base = forkBase(parent, timeline.value, "gParent", 2);
    if (!base.ok) throw new Error(base.error.message);
    expect(base.value.steps).toEqual(parent.steps.slice(0, timeline.value.stepAt[1]));
    const start = forkStart(scenario, base.value, "fresh");
    if (!start.ok) throw new Error(start.error.message);
    const before = timeline.value.starts[1] as GameState;
    expect(start.value.turn).toBe(2);
    expect({ ...start.value, rng: null }).toEqual({ ...before, rng: null });
    expect(start.value.rng).not.toEqual(before.rng);
    const again = forkStart(scenario, base.value, "fresh");
    expect(again.ok && again.value).toEqual(start.value);
  });

  it("a fork's record replays to its own hashes, names its parent, and its timeline starts as the parent's", () => {
    const base = forkBase(parent, timeline.value, "gParent", 2);
    if (!base.ok) throw new Error(base.error.message);
    const start = forkStart(scenario, base.value, "fresh");
    if (!start.ok) throw new Error(start.error.message);
    const own = play(start.value, [...quietTurn(start.value), { type: "end", turn: 3 }]);
    const record = forkRecord(scenario, base.value, "fresh", {
      seats: [],
      steps: own.recorded,
      finalHash: stateHash(own.state),
    });
    expect(record.parent).toEqual({ game: "gParent", turn: 2 });
    const r = replayRecord(record, scenario);
    expect(r.ok ? r.state : r.divergence).toEqual(own.state);
    const t = replayTimeline(record, scenario);
    if (!t.ok) throw new Error(t.error.message);
    expect(t.value.starts[0]).toEqual(timeline.value.starts[0]);
    expect(t.value.starts[1]).toEqual(start.value);
    // A record whose fresh seed was changed no longer replays: the seed is part of the game.
    const tampered = { ...record, reseeds: [{ step: record.reseeds?.[0]?.step ?? 0, seed: "other" }] };
    expect(replayRecord(tampered, scenario).ok).toBe(false);
  });

  it("a fork of a fork keeps the first fork's seed before its own turn, and forks at turn 1 too", () => {
    const base = forkBase(parent, timeline.value, "gParent", 1);
    if (!base.ok) throw new Error(base.error.message);
    expect(base.value.steps).toEqual([]);
    const start = forkStart(scenario, base.value, "one");
    if (!start.ok) throw new Error(start.error.message);
    const own = play(start.value, [...quietTurn(start.value), { type: "end", turn: 2 }]);
    const first = forkRecord(scenario, base.value, "one", {
      seats: [],
      steps: own.recorded,
      finalHash: stateHash(own.state),
    });
    const t1 = replayTimeline(first, scenario);
    if (!t1.ok) throw new Error(t1.error.message);
    const base2 = forkBase(first, t1.value, "gFork", 2);
    if (!base2.ok) throw new Error(base2.error.message);
    expect(base2.value.reseeds).toEqual([{ step: 0, seed: "one" }]);
    const start2 = forkStart(scenario, base2.value, "two");
    if (!start2.ok) throw new Error(start2.error.message);
    expect({ ...start2.value, rng: null }).toEqual({ ...t1.value.starts[1], rng: null });
    const second = forkRecord(scenario, base2.value, "two", {
      seats: [],
      steps: [],
      finalHash: stateHash(start2.value),
    });
    expect(second.reseeds?.map((r) => r.seed)).toEqual(["one", "two"]);
    expect(replayRecord(second, scenario).ok).toBe(true);
  });

  it("a turn outside the turns played, or not a whole number, is refused by name", () => {
    const played = timeline.value.starts.length;
    for (const turn of [0, -1, 1.5, Number.NaN, played + 1]) {
      const r = forkBase(parent, timeline.value, "gParent", turn);
      expect(r.ok ? "ok" : r.error.code).toBe("WRONG_TURN");
    }
    expect(forkBase(parent, timeline.value, "gParent", played).ok).toBe(true);
  });

  it("a base whose steps no longer replay to their hashes is refused", () => {
    const base = forkBase(parent, timeline.value, "gParent", 3);
    if (!base.ok) throw new Error(base.error.message);
    const steps = base.value.steps.map((s) => (s.type === "resolve" ? { ...s, hash: "0" } : s));
    const r = forkStart(scenario, { ...base.value, steps }, "fresh");
    expect(r.ok ? "ok" : r.error.code).toBe("INVALID_STEP");
  });
});
