/**
 * The engine bench's part (a): full headless bot games per second, a fixed set of seeded games per round (the
 * same games every round and every run), with their mean length and outcomes.
 */
import type { SeatId } from "../src/index.ts";
import type { Persona } from "../src/bots/persona-names.ts";
import { personasFor } from "../src/sim/batch.ts";
import { playGame } from "../src/sim/play.ts";
import { testScenario } from "../src/testing/fixtures.ts";
import { median, round, threadCpuUs, timed } from "./measure.ts";

/** One size's full-game figures. */
export interface GamesResult {
  states: number;
  /** Games played per timed round (the same seeded games every round). */
  gamesPerRound: number;
  rounds: number;
  gamesPerSecond: number;
  /** Slowest and fastest rounds, for a feel of the noise. */
  gamesPerSecondRange: [number, number];
  /**
   * Games per second of main-thread CPU time (median round): less sensitive to other processes than the
   * wall-clock figure.
   */
  gamesPerCpuSecond: number;
  /**
   * Main-thread CPU time / wall time over the timed rounds: well below 1 means other processes took the core.
   */
  cpuShare: number;
  meanTurns: number;
  turnsPerSecond: number;
  outcomes: Record<string, number>;
}

/**
 * Plays `games` seeded bot games of `n` states per round: a warm-up of at least `warmupMs`, then `rounds`
 * timed rounds.
 */
export function benchGames(n: number, games: number, rounds: number, warmupMs: number): GamesResult {
  const scenario = testScenario(n);
  const seats = scenario.states.map((s) => s.id);
  const personas = Array.from({ length: games }, (_, g) => personasFor(seats, [], g));
  let turns = 0;
  const outcomes: Record<string, number> = {};
  const playAll = (): number => {
    let t = 0;
    for (let g = 0; g < games; g++) {
      const played = playGame(scenario, `bench-${n}-${g}`, personas[g] as Record<SeatId, Persona>);
      t += played.state.turn;
      if (played.rejected.length > 0)
        throw new Error(`bench game ${g}: the engine rejected a bot step: ${played.rejected[0]?.message}`);
    }
    return t;
  };
  // Warm-up (JIT): a first pass records the deterministic game statistics; more passes until warmupMs has
  // passed.
  const w0 = performance.now();
  for (let g = 0; g < games; g++) {
    const played = playGame(scenario, `bench-${n}-${g}`, personas[g] as Record<SeatId, Persona>);
    turns += played.state.turn;
    const k = played.state.outcome?.kind ?? "none";
    outcomes[k] = (outcomes[k] ?? 0) + 1;
  }
  while (performance.now() - w0 < warmupMs) playAll();
  const rates: number[] = [];
  const cpuRates: number[] = [];
  let wallUs = 0;
  let cpuUs = 0;
  for (let r = 0; r < rounds; r++) {
    const c0 = threadCpuUs();
    const t0 = performance.now();
    const t = playAll();
    const ms = performance.now() - t0;
    const cpu = threadCpuUs() - c0;
    if (t !== turns) throw new Error("bench games are not deterministic");
    rates.push((games * 1000) / ms);
    cpuRates.push((games * 1e6) / Math.max(1, cpu));
    wallUs += ms * 1000;
    cpuUs += cpu;
    timed.wallUs += ms * 1000;
    timed.cpuUs += cpu;
  }
  const gps = median(rates);
  const meanTurns = turns / games;
  return {
    states: n,
    gamesPerRound: games,
    rounds,
    gamesPerSecond: round(gps, 1),
    gamesPerSecondRange: [round(Math.min(...rates), 1), round(Math.max(...rates), 1)],
    gamesPerCpuSecond: round(median(cpuRates), 1),
    cpuShare: round(cpuUs / wallUs, 3),
    meanTurns: round(meanTurns, 3),
    turnsPerSecond: round(gps * meanTurns, 0),
    outcomes,
  };
}
