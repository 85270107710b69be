/** Game records: a game is its record. Replaying one reproduces every per-turn state hash. */
import { err, ok, type Result } from "../model/errors.ts";
import { hashValue } from "../model/hash.ts";
import type { GameOptions, GameState } from "../model/types.ts";
import type { SeatId } from "../model/basics.ts";
import { rngFromSeed } from "../model/rng.ts";
import { createGame, RULES_VERSION, scenarioHash } from "../game/create.ts";
import { applyStep, type Step } from "../game/steps.ts";
import type { Scenario } from "../scenario/schema.ts";

/** One recorded step; resolution steps carry the hash of the state they produced. */
export type RecordedStep = Step & { hash?: string };

/**
 * A fresh random seed for the rest of a game from a point of its record on: before the step at index `step`
 * (the number of steps before it; `steps.length` for after the last one), the game's random generator
 * restarts from `seed`. Nothing else in the state changes. A fork holds one where it parted from its parent
 * (shared/src/record/fork.ts).
 */
export interface Reseed {
  step: number;
  seed: string;
}

/** A complete, replayable game record. */
export interface GameRecord {
  format: "firebreak-record";
  version: 1;
  rulesVersion: number;
  scenario: { id: string; hash: string };
  seed: string;
  options: GameOptions;
  /** Who held each seat (e.g. "bot:hawk", "human"). Informational. */
  seats: Array<{ seat: SeatId; controller: string }>;
  steps: RecordedStep[];
  /** Hash of the initial state and of the final state. */
  initialHash: string;
  finalHash: string;
  /**
   * The state `finalHash` is the hash of, as the engine of `rulesVersion` made it (the server keeps it when a
   * game ends, or at the last turn of a game it closed), so a debrief can show a record no engine can re-run.
   * Optional.
   */
  finalState?: GameState;
  /**
   * The scenario the game was played in, whole, when its hash is `scenario.hash`: a record that carries it
   * replays with nothing else (a browser given the file, no server). The server adds it to the records it
   * serves. Optional.
   */
  scenarioData?: Scenario;
  /**
   * For a fork (a game started from the beginning of a turn of an ended game): the game it was forked from
   * and the turn. Its `seed`, `options` and first steps are then the parent's, up to that turn; `reseeds`
   * says where the fork's own random seed took over. Optional.
   */
  parent?: { game: string; turn: number };
  /**
   * Where the random generator was given a fresh seed, in step order (a fork's; a fork of a fork has two).
   * Optional.
   */
  reseeds?: Reseed[];
  /**
   * Set when the server closed the game before its end because it runs other rules (docs/protocol.md §3.4).
   */
  closed?: { reason: "rulesChanged"; engineRulesVersion: number; at: number; message: string };
}

/** The hash recorded for a state. */
export function stateHash(state: GameState): string {
  return hashValue(state);
}

/** Starts a record for a new game. */
export function newRecord(
  scenario: Scenario,
  seed: string,
  options: GameOptions,
  seats: GameRecord["seats"],
  initial: GameState,
): GameRecord {
  const h = stateHash(initial);
  return {
    format: "firebreak-record",
    version: 1,
    rulesVersion: RULES_VERSION,
    scenario: { id: scenario.id, hash: scenarioHash(scenario) },
    seed,
    options,
    seats,
    steps: [],
    initialHash: h,
    finalHash: h,
  };
}

/** Where a replay diverged. */
export interface Divergence {
  /** Turn of the first divergence (0 = the initial state). */
  turn: number;
  /** Index of the step in the record, or -1 for the initial state or the scenario. */
  step: number;
  reason: string;
}

/**
 * Told of every state a replay passes through: the initial state (step -1), then the state after each step.
 */
export type ReplayObserver = (state: GameState, step: number) => void;

/**
 * The state `state` with its random generator restarted from `seed`: a fork's fresh seed. Nothing else
 * changes.
 */
export function reseedState(state: GameState, seed: string): GameState {
  return { ...state, rng: rngFromSeed(seed).save() };
}

/**
 * What a replay of steps gives: the state after them and the number of turns resolved, or where it diverged.
 */
export type Replayed = { ok: true; state: GameState; turns: number } | { ok: false; divergence: Divergence };

/**
 * What replaying steps needs: the game's seed and options, the hash of its first state, its steps and
 * reseeds.
 */
export type StepsToReplay = Pick<GameRecord, "seed" | "options" | "initialHash" | "steps" | "reseeds">;

/**
 * Plays steps from a new game: each resolution's recorded hash is checked, and the random generator restarts
 * where a reseed says. The observer sees the first state (step -1) and the state after each step, reseeds
 * included. No check of the rules version or the scenario (replayRecord makes them).
 */
export function replaySteps(r: StepsToReplay, scenario: Scenario, observe?: ReplayObserver): Replayed {
  const fail = (turn: number, step: number, reason: string) => ({
    ok: false as const,
    divergence: { turn, step, reason },
  });
  const reseeds = Array.isArray(r.reseeds) ? r.reseeds : [];
  const bad = reseeds.find(
    (x, i) =>
      !Number.isInteger(x?.step) ||
      x.step < 0 ||
      x.step > r.steps.length ||
      typeof x.seed !== "string" ||
      x.seed.length === 0 ||
      x.seed.length > 200 ||
      (i > 0 && x.step <= (reseeds[i - 1]?.step ?? 0)),
  );
  if (bad !== undefined) return fail(0, -1, "a reseed is malformed or out of order");
  const reseedAt = (s: GameState, step: number): GameState => {
    let out = s;
    for (const x of reseeds) if (x.step === step) out = reseedState(out, x.seed);
    return out;
  };
  const created = createGame(scenario, r.seed, r.options);
  if (!created.ok) return fail(0, -1, created.error.message);
  if (stateHash(created.value) !== r.initialHash) return fail(0, -1, "initial state hash differs");
  let state = reseedAt(created.value, 0);
  observe?.(state, -1);
  let turns = 0;
  for (let i = 0; i < r.steps.length; i++) {
    const recorded = r.steps[i] as RecordedStep;
    const { hash, ...step } = recorded;
    const applied = applyStep(state, step as Step);
    if (!applied.ok)
      return fail(state.turn, i, `step rejected: ${applied.error.code}: ${applied.error.message}`);
    state = applied.value.state;
    if (hash !== undefined) {
      turns++;
      const actual = stateHash(state);
      if (actual !== hash)
        return fail(
          recorded.turn,
          i,
          `state hash after turn ${recorded.turn} is ${actual}, record says ${hash}`,
        );
    }
    state = reseedAt(state, i + 1);
    observe?.(state, i);
  }
  return { ok: true, state, turns };
}

/**
 * Replays a record step by step; fails at the first hash that differs or the first step the engine rejects.
 */
export function replayRecord(record: GameRecord, scenario: Scenario, observe?: ReplayObserver): Replayed {
  const fail = (turn: number, step: number, reason: string) => ({
    ok: false as const,
    divergence: { turn, step, reason },
  });
  if (record.format !== "firebreak-record") return fail(0, -1, "not a Firebreak record");
  if (record.rulesVersion !== RULES_VERSION)
    return fail(0, -1, `record made with rules v${record.rulesVersion}, engine is v${RULES_VERSION}`);
  if (scenarioHash(scenario) !== record.scenario.hash)
    return fail(
      0,
      -1,
      `scenario "${record.scenario.id}" has changed since the record was made (hash ${scenarioHash(scenario)} vs ${record.scenario.hash})`,
    );
  const r = replaySteps(record, scenario, observe);
  if (!r.ok) return r;
  if (stateHash(r.state) !== record.finalHash)
    return fail(r.state.turn, record.steps.length - 1, "final state hash differs");
  return r;
}

/**
 * The record with the scenario it was played in, whole, when `scenario` is that scenario (same hash); else as
 * it was.
 */
export function withScenario(record: GameRecord, scenario: Scenario | null): GameRecord {
  if (!scenario || scenarioHash(scenario) !== record.scenario.hash) return record;
  return { ...record, scenarioData: scenario };
}

/** Checks that unknown data looks like a record (shape only). */
export function asRecord(data: unknown): Result<GameRecord> {
  if (typeof data !== "object" || data === null) return err("INVALID_STEP", "A record is a JSON object.");
  const r = data as Partial<GameRecord>;
  if (
    r.format !== "firebreak-record" ||
    !Array.isArray(r.steps) ||
    typeof r.seed !== "string" ||
    typeof r.scenario?.id !== "string"
  )
    return err("INVALID_STEP", "Not a Firebreak record (format, seed, scenario and steps are required).");
  return ok(r as GameRecord);
}
