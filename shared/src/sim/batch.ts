/** Batch simulation: many seeded bot games and the statistics the model card reports. */
import type { GameState } from "../model/types.ts";
import type { CbmKind } from "../model/cbms.ts";
import type { SeatId } from "../model/basics.ts";
import { baseDetectionChance } from "../rules/detection.ts";
import { mergeParams } from "../game/create.ts";
import type { Scenario } from "../scenario/schema.ts";
import { PERSONAS, type Persona } from "../bots/persona-names.ts";
import type { GameRecord } from "../record/record.ts";
import { playGame, type PlayedGame } from "./play.ts";
import { kmMedian, meanCi, r4, wilson } from "./stats.ts";

/** What to simulate. */
export interface BatchSpec {
  scenario: Scenario;
  games: number;
  seed: string;
  /** Personas by seat order (cycled); empty = every persona rotates through every seat. */
  bots: Persona[];
  cbms: CbmKind[];
  noCbms: boolean;
}

/** A share with its Wilson 95% interval. */
export interface Share {
  share: number;
  ci95: [number, number];
}

/** The batch report (the JSON that `npm run simulate -- --json` prints). */
export interface BatchResult {
  scenario: string;
  seed: string;
  games: number;
  bots: string;
  cbms: CbmKind[];
  noCbms: boolean;
  outcomes: { armedConflict: Share; stablePeace: Share; turnLimit: Share };
  meanTurns: number;
  attributionLagMedian: number | null;
  attributionSamples: number;
  detectionRateByDefense: Record<
    string,
    { rate: number; ci95: [number, number]; n: number; expected: number }
  >;
  meanScoreByPersona: Record<string, { mean: number; ci95: [number, number]; n: number }>;
}

/** Personas for game `g`: the given list cycled over the seats, or a rotation of all personas. */
export function personasFor(
  seats: readonly SeatId[],
  bots: readonly Persona[],
  g: number,
): Record<SeatId, Persona> {
  const out: Record<SeatId, Persona> = {};
  seats.forEach((s, i) => {
    out[s] =
      bots.length > 0 ? (bots[i % bots.length] as Persona) : (PERSONAS[(i + g) % PERSONAS.length] as Persona);
  });
  return out;
}

/** Attribution lag samples of one finished game: detection to moderate confidence, censored at the end. */
export function attributionLags(state: GameState): Array<{ time: number; observed: boolean }> {
  const out: Array<{ time: number; observed: boolean }> = [];
  for (const i of state.incidents) {
    if (i.overt || i.acknowledged) continue;
    const k = i.knowledge[i.target];
    if (!k || k.shared) continue;
    if (k.moderateAt !== null) out.push({ time: k.moderateAt - k.since, observed: true });
    else out.push({ time: state.turn - k.since, observed: false });
  }
  return out;
}

/**
 * Plays game `g` of a batch: seed `<seed>:<g>`, personas `personasFor(…, g)`. Throws if the engine rejected a
 * bot's step.
 */
export function playBatchGame(spec: BatchSpec, g: number, withRecord = false): PlayedGame {
  const personas = personasFor(
    spec.scenario.states.map((s) => s.id),
    spec.bots,
    g,
  );
  const played = playGame(
    spec.scenario,
    `${spec.seed}:${g}`,
    personas,
    { cbms: spec.cbms, noCbms: spec.noCbms },
    withRecord,
  );
  if (played.rejected.length > 0)
    throw new Error(
      `game ${g}: the engine rejected a bot step: ${played.rejected[0]?.code} ${played.rejected[0]?.message}`,
    );
  return played;
}

/**
 * The running totals of a batch: add finished games one at a time, read the report (`result`) at any point.
 */
export class BatchTally {
  readonly spec: BatchSpec;
  private n = 0;
  private war = 0;
  private peace = 0;
  private limit = 0;
  private turns = 0;
  private readonly lags: Array<{ time: number; observed: boolean }> = [];
  private readonly det = new Map<number, { k: number; n: number }>();
  private readonly scores = new Map<string, number[]>();

  constructor(spec: BatchSpec) {
    this.spec = spec;
  }

  /** Games added so far. */
  get games(): number {
    return this.n;
  }

  /** Games added so far that ended in armed conflict. */
  get armedConflicts(): number {
    return this.war;
  }

  /** Counts one finished game. */
  add(played: PlayedGame): void {
    const s = played.state;
    this.n++;
    if (s.outcome?.kind === "armedConflict") this.war++;
    else if (s.outcome?.kind === "stablePeace") this.peace++;
    else this.limit++;
    this.turns += s.turn;
    this.lags.push(...attributionLags(s));
    for (const i of s.incidents) {
      if (!i.detection || i.detection.bonus > 0) continue;
      const d = this.det.get(i.detection.defense) ?? { k: 0, n: 0 };
      d.n++;
      if (i.detection.detected) d.k++;
      this.det.set(i.detection.defense, d);
    }
    for (const seat of s.seats) {
      const persona = played.personas[seat] as string;
      const list = this.scores.get(persona) ?? [];
      list.push(s.scores[seat]?.total ?? 0);
      this.scores.set(persona, list);
    }
  }

  /** Detected and counted covert operations at defence `level` (no hunt or CERT bonus). */
  detections(level: number): { k: number; n: number } {
    return { ...(this.det.get(level) ?? { k: 0, n: 0 }) };
  }

  /** The report of the games added so far. */
  result(): BatchResult {
    const spec = this.spec;
    const n = this.n;
    const share = (k: number): Share => {
      const [lo, hi] = wilson(k, n);
      return { share: r4(n ? k / n : 0), ci95: [r4(lo), r4(hi)] };
    };
    const params = mergeParams(spec.scenario.params);
    const detectionRateByDefense: BatchResult["detectionRateByDefense"] = {};
    for (const level of [1, 2, 3, 4, 5]) {
      const d = this.detections(level);
      const [lo, hi] = wilson(d.k, d.n);
      detectionRateByDefense[String(level)] = {
        rate: r4(d.n ? d.k / d.n : 0),
        ci95: [r4(lo), r4(hi)],
        n: d.n,
        expected: r4(baseDetectionChance(level, params)),
      };
    }
    const meanScoreByPersona: BatchResult["meanScoreByPersona"] = {};
    for (const persona of [...this.scores.keys()].sort()) {
      const m = meanCi(this.scores.get(persona) ?? []);
      meanScoreByPersona[persona] = { mean: r4(m.mean), ci95: [r4(m.ci95[0]), r4(m.ci95[1])], n: m.n };
    }
    return {
      scenario: spec.scenario.id,
      seed: spec.seed,
      games: n,
      bots: spec.bots.length ? spec.bots.join(",") : "rotation",
      cbms: spec.cbms,
      noCbms: spec.noCbms,
      outcomes: {
        armedConflict: share(this.war),
        stablePeace: share(this.peace),
        turnLimit: share(this.limit),
      },
      meanTurns: r4(n ? this.turns / n : 0),
      attributionLagMedian: kmMedian(this.lags),
      attributionSamples: this.lags.length,
      detectionRateByDefense,
      meanScoreByPersona,
    };
  }
}

/** Runs the batch; `onRecord` receives each game's record when given. Deterministic for a spec. */
export function runBatch(
  spec: BatchSpec,
  onRecord?: (index: number, record: GameRecord) => void,
  onProgress?: (done: number) => void,
): BatchResult {
  const tally = new BatchTally(spec);
  for (let g = 0; g < spec.games; g++) {
    const played = playBatchGame(spec, g, onRecord !== undefined);
    tally.add(played);
    if (onRecord && played.record) onRecord(g, played.record);
    onProgress?.(g + 1);
  }
  return tally.result();
}
