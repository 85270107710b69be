/**
 * Forks: a new game that begins where a turn of an ended game began, with a fresh random seed from there on.
 * A fork's record is its parent's record up to that turn, a reseed, and the fork's own steps: it replays from
 * the scenario alone, like any record (replayRecord), so a game stays its record.
 */
import type { SeatId } from "../model/basics.ts";
import { err, ok, type Result } from "../model/errors.ts";
import type { GameOptions, GameState } from "../model/types.ts";
import { RULES_VERSION, scenarioHash } from "../game/create.ts";
import type { Scenario } from "../scenario/schema.ts";
import type { Timeline } from "../review/timeline.ts";
import { replaySteps, type GameRecord, type RecordedStep, type Reseed } from "./record.ts";

/** What a fork begins from: its parent's record up to the beginning of the fork's turn. */
export interface ForkBase {
  /** The game forked (its id) and the turn whose beginning the fork starts from (1-based). */
  parent: { game: string; turn: number };
  /** The parent's seed, game options and the hash of its first state. */
  seed: string;
  options: GameOptions;
  initialHash: string;
  /** The parent's steps before that turn (resolutions with their hashes). */
  steps: RecordedStep[];
  /** The parent's own reseeds among those steps (a fork of a fork). */
  reseeds: Reseed[];
}

/**
 * The beginning of `turn` of a record (its timeline given): what a fork from there starts with, or why not
 * (`WRONG_TURN`).
 */
export function forkBase(
  record: GameRecord,
  timeline: Timeline,
  game: string,
  turn: number,
): Result<ForkBase> {
  const played = timeline.starts.length;
  if (!Number.isInteger(turn) || turn < 1 || turn > played)
    return err(
      "WRONG_TURN",
      `That game played turns 1 to ${played}: a fork starts at the beginning of one of them, not at ${String(turn)}.`,
    );
  const at = timeline.stepAt[turn - 1] ?? 0;
  return ok({
    parent: { game, turn },
    seed: record.seed,
    options: record.options,
    initialHash: record.initialHash,
    steps: record.steps.slice(0, at),
    reseeds: (record.reseeds ?? []).filter((r) => r.step < at),
  });
}

/** A fork's reseeds: its parent's, then its own fresh seed where its own steps begin. */
export function forkReseeds(base: ForkBase, seed: string): Reseed[] {
  return [...base.reseeds, { step: base.steps.length, seed }];
}

/**
 * The state a fork begins in: its parent's steps replayed (their hashes checked), then the fresh seed; or why
 * not.
 */
export function forkStart(scenario: Scenario, base: ForkBase, seed: string): Result<GameState> {
  const r = replaySteps({ ...base, reseeds: forkReseeds(base, seed) }, scenario);
  if (!r.ok)
    return err(
      "INVALID_STEP",
      `The game forked does not replay here (turn ${r.divergence.turn}, step ${r.divergence.step}): ${r.divergence.reason}.`,
    );
  if (r.state.phase === "ended" || r.state.turn !== base.parent.turn)
    return err("WRONG_TURN", `The game forked was not at the beginning of turn ${base.parent.turn} there.`);
  return ok(r.state);
}

/**
 * A fork's record: its parent's steps up to the fork's turn, then its own, with the fork's reseed and parent.
 */
export function forkRecord(
  scenario: Scenario,
  base: ForkBase,
  seed: string,
  own: { seats: Array<{ seat: SeatId; controller: string }>; steps: RecordedStep[]; finalHash: string },
): GameRecord {
  return {
    format: "firebreak-record",
    version: 1,
    rulesVersion: RULES_VERSION,
    scenario: { id: scenario.id, hash: scenarioHash(scenario) },
    seed: base.seed,
    options: base.options,
    seats: own.seats,
    steps: [...base.steps, ...own.steps],
    initialHash: base.initialHash,
    finalHash: own.finalHash,
    parent: { ...base.parent },
    reseeds: forkReseeds(base, seed),
  };
}
