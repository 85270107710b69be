/**
 * Engine benchmark (run by `npm run bench`, or alone: `node shared/bench/engine.bench.ts [--json]
 * [--quick]`).
 *
 * Single-threaded plain loops on one core; every figure is the median of several timed rounds after a
 * warm-up.
 *  (a) full bot games per second, 4 and 8 states, a fixed set of seeded games per round;
 *  (b) one `resolveTurn` for 2, 4, 8 and 16 states, on states reached after a few turns of bot play,
 *      with bot orders for every seat (µs per call);
 *  (c) one `viewFor` for one seat, same states (µs per call, averaged over every seat).
 * Speed is reported, never enforced: the exit code is 0 whatever the figures. `--json` prints one JSON object
 * instead of the tables; `--quick` shortens every round (a smoke run, rough figures). Each figure also
 * carries the main-thread CPU share (CPU time / wall time): well below 100% means other processes took the
 * core and the wall-clock figures are pessimistic. The games are in engine-games.ts, the single calls in
 * engine-calls.ts, the measuring tools in measure.ts, the result's shape and the tables in engine-report.ts.
 */
import os from "node:os";
import { fileURLToPath } from "node:url";
import { benchCalls, growthExponent, SAMPLE_TURN, sink } from "./engine-calls.ts";
import { benchGames, type GamesResult } from "./engine-games.ts";
import { type EngineBench, formatEngineBench } from "./engine-report.ts";
import { machineInfo, round, timed } from "./measure.ts";

/** Target of the issue: full 4-state bot games per second on one core. */
export const TARGET_GAMES_PER_SECOND_4 = 1000;

const args = new Set(process.argv.slice(2));
const QUICK = args.has("--quick");
/** Scales every time budget and game count down for a smoke run. */
const SCALE = QUICK ? 0.2 : 1;

/** Runs parts (a), (b) and (c) at full length, or shortened with `--quick`. */
export function runEngineBench(): EngineBench {
  const start = performance.now();
  const machine = machineInfo();
  const rounds = QUICK ? 3 : 7;
  const games = [
    benchGames(4, Math.round(1000 * SCALE), rounds, 1500 * SCALE),
    benchGames(8, Math.round(300 * SCALE), rounds, 1500 * SCALE),
  ];
  const calls = [2, 4, 8, 16].map((n) => benchCalls(n, QUICK ? 6 : 16, 600 * SCALE, 300 * SCALE, rounds));
  const four = games[0] as GamesResult;
  return {
    bench: "engine",
    quick: QUICK,
    machine,
    target: {
      gamesPerSecond4States: TARGET_GAMES_PER_SECOND_4,
      measured: four.gamesPerSecond,
      pass: four.gamesPerSecond >= TARGET_GAMES_PER_SECOND_4,
    },
    games,
    sampleTurn: SAMPLE_TURN,
    calls,
    growth: {
      resolveTurnExponent: growthExponent(calls, (r) => r.resolveTurnUs),
      viewForExponent: growthExponent(calls, (r) => r.viewForUs),
    },
    loadAverageAfter: os.loadavg().map((x) => round(x, 2)),
    cpuShare: round(timed.cpuUs / timed.wallUs, 3),
    seconds: round((performance.now() - start) / 1000, 1),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = runEngineBench();
  if (sink.value === -1) console.log("");
  console.log(args.has("--json") ? JSON.stringify(result) : formatEngineBench(result));
}
