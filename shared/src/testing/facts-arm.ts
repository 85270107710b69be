/**
 * What the stylized-fact tests share (shared/src/sim/facts.test.ts, facts-cbms.test.ts): a documented batch
 * played in order as far as a look needs, the scenarios they play, and how they print and assert a verdict.
 */
import { expect } from "vitest";
import type { Persona } from "../bots/persona-names.ts";
import { findScenario } from "../io/scenario-files.ts";
import type { CbmKind } from "../model/cbms.ts";
import type { Scenario } from "../scenario/schema.ts";
import { attributionLags, BatchTally, playBatchGame, type BatchSpec } from "../sim/batch.ts";
import { attacksAroundNaming, measureGame, type GameMeasures } from "../sim/effects.ts";
import type { ClusteredTime, SequentialOutcome } from "../sim/sequential.ts";

/** A shipped scenario by id, or a scenario file by path; throws on a problem (a test bug). */
export function load(idOrPath: string): Scenario {
  const r = findScenario(idOrPath);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.scenario;
}

/** Baltic Fog, the scenario of most facts. */
export const baltic = load("baltic-fog");

/**
 * Per-test timeout (ms), far above the worst case: a test that runs to its cap plays at most 2,000 games
 * (fact 4), about 6 s on a quiet 2-core machine and about 65 s with a load average of 8 while the rest of the
 * suite runs. A test that stops where these seeds stop takes a fraction of that. Not a speed target: speed is
 * measured by `npm run bench`.
 */
export const CAPPED = 300_000;

/**
 * One documented batch, played in order as far as a look needs: its tally, each game's mean score per
 * persona, and its attribution lags tagged with their game.
 */
export class Arm {
  readonly spec: BatchSpec;
  readonly tally: BatchTally;
  /**
   * Per persona, one value per game: the mean total score of the seats it held (the seats of one game are not
   * independent; games are).
   */
  readonly gameMeans = new Map<string, number[]>();
  readonly lags: ClusteredTime[] = [];
  /** Each game's measures for the CBM-effect table (misattributions, wrong accusations, ...). */
  readonly measures: GameMeasures[] = [];
  /** Per named hawk seat, its attacks a turn before and after it was first named (one entry per seat). */
  readonly hawksNamed: Array<{ before: number; after: number }> = [];

  constructor(bots: Persona[], cbms: CbmKind[], noCbms: boolean, seed = "7", scenario = baltic) {
    this.spec = { scenario, games: 0, seed, bots, cbms, noCbms };
    this.tally = new BatchTally(this.spec);
  }

  /** Plays the games up to `n` not played yet. */
  upTo(n: number): this {
    for (let g = this.tally.games; g < n; g++) {
      const played = playBatchGame(this.spec, g);
      this.tally.add(played);
      const sums = new Map<string, { total: number; seats: number }>();
      for (const seat of played.state.seats) {
        const p = played.personas[seat] as string;
        const s = sums.get(p) ?? { total: 0, seats: 0 };
        s.total += played.state.scores[seat]?.total ?? 0;
        s.seats++;
        sums.set(p, s);
      }
      for (const [p, s] of sums) {
        const list = this.gameMeans.get(p) ?? [];
        list.push(s.total / s.seats);
        this.gameMeans.set(p, list);
      }
      for (const lag of attributionLags(played.state)) this.lags.push({ ...lag, cluster: g });
      this.measures.push(measureGame(played.state));
      this.hawksNamed.push(...attacksAroundNaming(played.state, played.personas, "hawk"));
    }
    return this;
  }

  /** Share of games ending in armed conflict. */
  war(): number {
    return this.tally.armedConflicts / this.tally.games;
  }
}

/** A share as a percentage with one decimal. */
export const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
/** An interval, each end formatted by `f`. */
export const range = (ci: readonly [number, number], f: (x: number) => string = pct): string =>
  `[${f(ci[0])}, ${f(ci[1])}]`;

/** Asserts that the sequential test showed its claim; on failure the message lists every look. */
export function expectShown(name: string, outcome: SequentialOutcome): void {
  expect(outcome.verdict, `${name}:\n${outcome.log.join("\n")}`).toBe("shown");
}
