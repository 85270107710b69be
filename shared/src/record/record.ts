/** Game records: a game is its record. Replaying one reproduces every per-turn state hash. */
import { err, ok, type Result } from "../model/errors.ts";
import { hashValue } from "../model/hash.ts";
import type { GameOptions, GameState } from "../model/types.ts";
import type { SeatId } from "../model/basics.ts";
import { createGame, RULES_VERSION, scenarioHash } from "../game/create.ts";
import { applyStep, type Step } from "../game/steps.ts";
import type { Scenario } from "../scenario/schema.ts";

/** One recorded step; resolution steps carry the hash of the state they produced. */
export type RecordedStep = Step & { hash?: string };

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
   * The state `finalHash` is the hash of, as the engine of `rulesVersion` made it (the server keeps it when a game
   * ends, or at the last turn of a game it closed), so a debrief can show a record no engine can re-run. Optional.
   */
  finalState?: GameState;
  /**
   * The scenario the game was played in, whole, when its hash is `scenario.hash`: a record that carries it replays with
   * nothing else (a browser given the file, no server). The server adds it to the records it serves. Optional.
   */
  scenarioData?: Scenario;
  /** Set when the server closed the game before its end because it runs other rules (docs/protocol.md §3.4). */
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

/** Told of every state a replay passes through: the initial state (step -1), then the state after each step. */
export type ReplayObserver = (state: GameState, step: number) => void;

/** Replays a record step by step; fails at the first hash that differs or the first step the engine rejects. */
export function replayRecord(
  record: GameRecord,
  scenario: Scenario,
  observe?: ReplayObserver,
): { ok: true; state: GameState; turns: number } | { ok: false; divergence: Divergence } {
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
  const created = createGame(scenario, record.seed, record.options);
  if (!created.ok) return fail(0, -1, created.error.message);
  let state = created.value;
  if (stateHash(state) !== record.initialHash) return fail(0, -1, "initial state hash differs");
  observe?.(state, -1);
  let turns = 0;
  for (let i = 0; i < record.steps.length; i++) {
    const recorded = record.steps[i] as RecordedStep;
    const { hash, ...step } = recorded;
    const r = applyStep(state, step as Step);
    if (!r.ok) return fail(state.turn, i, `step rejected: ${r.error.code}: ${r.error.message}`);
    state = r.value.state;
    observe?.(state, i);
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
  }
  if (stateHash(state) !== record.finalHash)
    return fail(state.turn, record.steps.length - 1, "final state hash differs");
  return { ok: true, state, turns };
}

/** The record with the scenario it was played in, whole, when `scenario` is that scenario (same hash); else as it was. */
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
