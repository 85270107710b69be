/** Batch simulation: many seeded bot games and the statistics the model card reports. */
import type { CbmKind, GameOptions, GameState, SeatId } from "../model/types.ts";
import { baseDetectionChance } from "../rules/detection.ts";
import { mergeParams } from "../game/create.ts";
import type { Scenario } from "../scenario/schema.ts";
import { PERSONAS, type Persona } from "../bots/personas.ts";
import type { GameRecord } from "../record/record.ts";
import { playGame } from "./play.ts";
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
  detectionRateByDefense: Record<string, { rate: number; ci95: [number, number]; n: number; expected: number }>;
  meanScoreByPersona: Record<string, { mean: number; ci95: [number, number]; n: number }>;
}

/** Personas for game `g`: the given list cycled over the seats, or a rotation of all personas. */
export function personasFor(seats: readonly SeatId[], bots: readonly Persona[], g: number): Record<SeatId, Persona> {
  const out: Record<SeatId, Persona> = {};
  seats.forEach((s, i) => {
    out[s] = bots.length > 0 ? (bots[i % bots.length] as Persona) : (PERSONAS[(i + g) % PERSONAS.length] as Persona);
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

/** Runs the batch; `onRecord` receives each game's record when given. Deterministic for a spec. */
export function runBatch(spec: BatchSpec, onRecord?: (index: number, record: GameRecord) => void, onProgress?: (done: number) => void): BatchResult {
  const options: Partial<GameOptions> = { cbms: spec.cbms, noCbms: spec.noCbms };
  let war = 0;
  let peace = 0;
  let limit = 0;
  let turns = 0;
  const lags: Array<{ time: number; observed: boolean }> = [];
  const det = new Map<number, { k: number; n: number }>();
  const scores = new Map<string, number[]>();
  for (let g = 0; g < spec.games; g++) {
    const personas = personasFor(spec.scenario.states.map((s) => s.id), spec.bots, g);
    const played = playGame(spec.scenario, `${spec.seed}:${g}`, personas, options, onRecord !== undefined);
    const s = played.state;
    if (played.rejected.length > 0) throw new Error(`game ${g}: the engine rejected a bot step: ${played.rejected[0]?.code} ${played.rejected[0]?.message}`);
    if (s.outcome?.kind === "armedConflict") war++;
    else if (s.outcome?.kind === "stablePeace") peace++;
    else limit++;
    turns += s.turn;
    lags.push(...attributionLags(s));
    for (const i of s.incidents) {
      if (!i.detection || i.detection.bonus > 0) continue;
      const d = det.get(i.detection.defense) ?? { k: 0, n: 0 };
      d.n++;
      if (i.detection.detected) d.k++;
      det.set(i.detection.defense, d);
    }
    for (const seat of s.seats) {
      const persona = personas[seat] as string;
      const list = scores.get(persona) ?? [];
      list.push(s.scores[seat]?.total ?? 0);
      scores.set(persona, list);
    }
    if (onRecord && played.record) onRecord(g, played.record);
    onProgress?.(g + 1);
  }
  const n = spec.games;
  const share = (k: number): Share => {
    const [lo, hi] = wilson(k, n);
    return { share: r4(n ? k / n : 0), ci95: [r4(lo), r4(hi)] };
  };
  const params = mergeParams(spec.scenario.params);
  const detectionRateByDefense: BatchResult["detectionRateByDefense"] = {};
  for (const level of [1, 2, 3, 4, 5]) {
    const d = det.get(level) ?? { k: 0, n: 0 };
    const [lo, hi] = wilson(d.k, d.n);
    detectionRateByDefense[String(level)] = { rate: r4(d.n ? d.k / d.n : 0), ci95: [r4(lo), r4(hi)], n: d.n, expected: r4(baseDetectionChance(level, params)) };
  }
  const meanScoreByPersona: BatchResult["meanScoreByPersona"] = {};
  for (const persona of [...scores.keys()].sort()) {
    const m = meanCi(scores.get(persona) ?? []);
    meanScoreByPersona[persona] = { mean: r4(m.mean), ci95: [r4(m.ci95[0]), r4(m.ci95[1])], n: m.n };
  }
  return {
    scenario: spec.scenario.id,
    seed: spec.seed,
    games: n,
    bots: spec.bots.length ? spec.bots.join(",") : "rotation",
    cbms: spec.cbms,
    noCbms: spec.noCbms,
    outcomes: { armedConflict: share(war), stablePeace: share(peace), turnLimit: share(limit) },
    meanTurns: r4(n ? turns / n : 0),
    attributionLagMedian: kmMedian(lags),
    attributionSamples: lags.length,
    detectionRateByDefense,
    meanScoreByPersona,
  };
}
