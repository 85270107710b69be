/**
 * A game's timeline: the state at the beginning of every turn and at its end, rebuilt from its record alone.
 * The one place the after-action review (replay, the causes of escalation, the exports) and forks read a past
 * turn from.
 */
import { err, ok, type Result } from "../model/errors.ts";
import type { GameState } from "../model/types.ts";
import { replayRecord, type GameRecord } from "../record/record.ts";
import type { Scenario } from "../scenario/schema.ts";

/** A record rebuilt turn by turn. */
export interface Timeline {
  /**
   * `starts[k]` is the state at the beginning of turn k + 1, before any order of that turn (`starts[0]` is
   * the initial state).
   */
  starts: GameState[];
  /** The state after the record's last step (ended, or the turn it stopped in). */
  final: GameState;
  /**
   * `stepAt[k]` is the index in `record.steps` of the first step of turn k + 1 (the number of steps before
   * it).
   */
  stepAt: number[];
}

/**
 * Rebuilds a record's timeline; an error (code `INVALID_STEP`) that says where the replay diverged when it
 * cannot.
 */
export function replayTimeline(record: GameRecord, scenario: Scenario): Result<Timeline> {
  const starts: GameState[] = [];
  const stepAt: number[] = [];
  const r = replayRecord(record, scenario, (state, step) => {
    if (state.turn > starts.length && state.phase !== "ended") {
      starts.push(state);
      stepAt.push(step + 1);
    }
  });
  if (!r.ok)
    return err(
      "INVALID_STEP",
      `The record cannot be replayed: turn ${r.divergence.turn}, step ${r.divergence.step}: ${r.divergence.reason}.`,
    );
  return ok({ starts, final: r.state, stepAt });
}

/**
 * The state at the beginning of `turn` (1-based), or the final state for the turn after the last one started;
 * null beyond.
 */
export function stateAtTurn(t: Timeline, turn: number): GameState | null {
  if (!Number.isInteger(turn) || turn < 1) return null;
  if (turn <= t.starts.length) return t.starts[turn - 1] ?? null;
  return turn === t.starts.length + 1 ? t.final : null;
}
