/**
 * Engine benchmark (run by `npm run bench`, or alone: `node shared/bench/engine.bench.ts [--json] [--quick]`).
 *
 * Single-threaded plain loops on one core; every figure is the median of several timed rounds after a warm-up.
 *  (a) full bot games per second, 4 and 8 states, a fixed set of seeded games per round;
 *  (b) one `resolveTurn` for 2, 4, 8 and 16 states, on states reached after a few turns of bot play,
 *      with bot orders for every seat (µs per call);
 *  (c) one `viewFor` for one seat, same states (µs per call, averaged over every seat).
 * Speed is reported, never enforced: the exit code is 0 whatever the figures.
 * `--json` prints one JSON object instead of the tables; `--quick` shortens every round (a smoke run, rough figures).
 * Each figure also carries the main-thread CPU share (CPU time / wall time): well below 100% means other
 * processes took the core and the wall-clock figures are pessimistic.
 */
import os from "node:os";
import { fileURLToPath } from "node:url";
import {
  applyStep,
  type GameState,
  type Order,
  type SeatId,
  type Step,
  createGame,
  resolveTurn,
  rngFromSeed,
  viewFor,
} from "../src/index.ts";
import type { Persona } from "../src/bots/personas.ts";
import { personasFor } from "../src/sim/batch.ts";
import { planBotTurn, playGame } from "../src/sim/play.ts";
import { testScenario } from "../src/testing/fixtures.ts";

/** Target of the issue: full 4-state bot games per second on one core. */
export const TARGET_GAMES_PER_SECOND_4 = 1000;

const args = new Set(process.argv.slice(2));
const QUICK = args.has("--quick");
/** Scales every time budget and game count down for a smoke run. */
const SCALE = QUICK ? 0.2 : 1;

/** CPU time (user + system) of this thread in µs: the benchmark's own use of its core. */
function threadCpuUs(): number {
  const u = process.threadCpuUsage ? process.threadCpuUsage() : process.cpuUsage();
  return u.user + u.system;
}

/** Main-thread CPU and wall time over every timed round, for the contention indicator. */
const timed = { cpuUs: 0, wallUs: 0 };

/** Median of a non-empty list. */
function median(xs: readonly number[]): number {
  const a = [...xs].sort((x, y) => x - y);
  const m = a.length >> 1;
  return a.length % 2 === 1 ? (a[m] as number) : ((a[m - 1] as number) + (a[m] as number)) / 2;
}

/** Rounds to `digits` decimals. */
export function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

// ---------------------------------------------------------------------------------------------
// (a) Full games

export interface GamesResult {
  states: number;
  /** Games played per timed round (the same seeded games every round). */
  gamesPerRound: number;
  rounds: number;
  gamesPerSecond: number;
  /** Slowest and fastest rounds, for a feel of the noise. */
  gamesPerSecondRange: [number, number];
  /** Games per second of main-thread CPU time (median round): less sensitive to other processes than the wall-clock figure. */
  gamesPerCpuSecond: number;
  /** Main-thread CPU time / wall time over the timed rounds: well below 1 means other processes took the core. */
  cpuShare: number;
  meanTurns: number;
  turnsPerSecond: number;
  outcomes: Record<string, number>;
}

function benchGames(n: number, games: number, rounds: number, warmupMs: number): GamesResult {
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
  // Warm-up (JIT): a first pass records the deterministic game statistics; more passes until warmupMs has passed.
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

// ---------------------------------------------------------------------------------------------
// (b), (c) Single calls on mid-game states

/** Turn at which the sample states are taken (after this many minus one resolved turns). */
const SAMPLE_TURN = 4;

interface Sample {
  state: GameState;
  orders: Record<SeatId, Order[]>;
}

/**
 * Plays a bot game like `playGame` (same steps, same bot RNG) up to the planning phase of `SAMPLE_TURN`
 * with every seat's proposals, answers and orders in; null if the game ended before.
 */
function sampleState(n: number, seed: string, personas: Record<SeatId, Persona>): Sample | null {
  const created = createGame(testScenario(n), seed);
  if (!created.ok) throw new Error(created.error.message);
  let state = created.value;
  const rng = rngFromSeed(`${seed}/bots`);
  const apply = (step: Step): void => {
    const r = applyStep(state, step);
    if (r.ok) state = r.value.state;
  };
  for (;;) {
    if (state.phase !== "planning") return null;
    const turn = state.turn;
    planBotTurn(() => state, personas, rng, apply);
    if (turn === SAMPLE_TURN) return { state, orders: state.orders as Record<SeatId, Order[]> };
    apply({ type: "resolve", turn });
  }
}

export function samplesFor(n: number, count: number): Sample[] {
  const seats = testScenario(n).states.map((s) => s.id);
  const out: Sample[] = [];
  for (let g = 0; out.length < count && g < count * 20; g++) {
    const s = sampleState(n, `sample-${n}-${g}`, personasFor(seats, [], g));
    if (s) out.push(s);
  }
  if (out.length === 0) throw new Error(`no ${n}-state game reached turn ${SAMPLE_TURN}`);
  return out;
}

/** Times `pass` (which makes `callsPerPass` calls): calibrates passes per round to ~roundMs, then returns the median µs per call. */
function timeCalls(
  pass: () => void,
  callsPerPass: number,
  warmupMs: number,
  roundMs: number,
  rounds: number,
): { us: number; range: [number, number] } {
  let passes = 0;
  const w0 = performance.now();
  while (performance.now() - w0 < warmupMs) {
    pass();
    passes++;
  }
  const perRound = Math.max(1, Math.round((passes * roundMs) / Math.max(1, performance.now() - w0)));
  const us: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const c0 = threadCpuUs();
    const t0 = performance.now();
    for (let i = 0; i < perRound; i++) pass();
    const ms = performance.now() - t0;
    timed.cpuUs += threadCpuUs() - c0;
    timed.wallUs += ms * 1000;
    us.push((ms * 1000) / (perRound * callsPerPass));
  }
  return { us: median(us), range: [Math.min(...us), Math.max(...us)] };
}

export interface CallResult {
  states: number;
  pairs: number;
  samples: number;
  /** Mean counts over the sample states, to show what a call works on. */
  meanOrders: number;
  meanIncidents: number;
  meanEvents: number;
  resolveTurnUs: number;
  resolveTurnUsRange: [number, number];
  /** One seat's view. */
  viewForUs: number;
  viewForUsRange: [number, number];
  /** Views for every seat (viewForUs × states): what a server projects after each step. */
  viewsAllSeatsUs: number;
}

let sink = 0;

function benchCalls(
  n: number,
  sampleCount: number,
  warmupMs: number,
  roundMs: number,
  rounds: number,
): CallResult {
  const samples = samplesFor(n, sampleCount);
  const mean = (f: (s: Sample) => number): number =>
    round(samples.reduce((a, s) => a + f(s), 0) / samples.length, 1);
  const resolvePass = (): void => {
    for (const s of samples) {
      const r = resolveTurn(s.state, s.orders);
      if (!r.ok) throw new Error(r.error.message);
      sink += r.value.events.length;
    }
  };
  const resolve = timeCalls(resolvePass, samples.length, warmupMs, roundMs, rounds);
  const viewers = samples.flatMap((s) =>
    s.state.seats.map((seat) => ({ state: s.state, viewer: { role: "player" as const, seat } })),
  );
  const viewPass = (): void => {
    for (const v of viewers) sink += viewFor(v.state, v.viewer).incidents.length;
  };
  const view = timeCalls(viewPass, viewers.length, warmupMs, roundMs, rounds);
  return {
    states: n,
    pairs: (n * (n - 1)) / 2,
    samples: samples.length,
    meanOrders: mean((s) => Object.values(s.orders).reduce((a, l) => a + l.length, 0)),
    meanIncidents: mean((s) => s.state.incidents.length),
    meanEvents: mean((s) => s.state.events.length),
    resolveTurnUs: round(resolve.us, 1),
    resolveTurnUsRange: [round(resolve.range[0], 1), round(resolve.range[1], 1)],
    viewForUs: round(view.us, 2),
    viewForUsRange: [round(view.range[0], 2), round(view.range[1], 2)],
    viewsAllSeatsUs: round(view.us * n, 1),
  };
}

/** Log-log slope of cost against the number of states between the smallest and largest size (1 = linear, 2 = quadratic). */
function growthExponent(rows: readonly CallResult[], pick: (r: CallResult) => number): number {
  const a = rows[0] as CallResult;
  const b = rows[rows.length - 1] as CallResult;
  return round(Math.log(pick(b) / pick(a)) / Math.log(b.states / a.states), 2);
}

// ---------------------------------------------------------------------------------------------

/** The machine a bench ran on: CPU model (libuv reads it from /proc/cpuinfo on Linux), cores, Node, load. */
export function machineInfo(): {
  cpu: string;
  cores: number;
  node: string;
  platform: string;
  loadAverage: number[];
} {
  const cpu = os.cpus()[0]?.model.trim() || "unknown";
  return {
    cpu,
    cores: os.availableParallelism(),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    loadAverage: os.loadavg().map((x) => round(x, 2)),
  };
}

export interface EngineBench {
  bench: "engine";
  quick: boolean;
  machine: ReturnType<typeof machineInfo>;
  target: { gamesPerSecond4States: number; measured: number; pass: boolean };
  games: GamesResult[];
  sampleTurn: number;
  calls: CallResult[];
  growth: { resolveTurnExponent: number; viewForExponent: number };
  /** Load average when the run ended (other processes on the machine skew the figures). */
  loadAverageAfter: number[];
  /** Main-thread CPU time / wall time over all timed rounds (1 = the benchmark had its core to itself). */
  cpuShare: number;
  seconds: number;
}

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

function table(header: string[], rows: Array<Array<string | number>>): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, c) => Math.max(...cells.map((r) => (r[c] ?? "").length)));
  const line = (r: string[]): string =>
    r.map((x, c) => (c === 0 ? x.padEnd(widths[c] as number) : x.padStart(widths[c] as number))).join("  ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...cells.slice(1).map(line)].join("\n");
}

export function formatEngineBench(b: EngineBench): string {
  const m = b.machine;
  const out: string[] = [];
  out.push(`Engine benchmark${b.quick ? " (--quick: short rounds, rough figures)" : ""}`);
  out.push(
    `Machine: ${m.cpu}, ${m.cores} cores (benchmark uses one), Node ${m.node}, ${m.platform}; load average ${m.loadAverage.join(" ")} before, ${b.loadAverageAfter.join(" ")} after`,
  );
  out.push("");
  out.push(
    "(a) Full bot games (personas rotating random/hawk/dove/reciprocal/forgiving; median of rounds after a warm-up)",
  );
  out.push(
    table(
      [
        "states",
        "games/round",
        "games/s",
        "range",
        "games/cpu-s",
        "cpu share",
        "mean turns",
        "turns/s",
        "outcomes",
      ],
      b.games.map((g) => [
        g.states,
        g.gamesPerRound,
        g.gamesPerSecond.toFixed(0),
        `${g.gamesPerSecondRange[0].toFixed(0)}–${g.gamesPerSecondRange[1].toFixed(0)}`,
        g.gamesPerCpuSecond.toFixed(0),
        `${(g.cpuShare * 100).toFixed(0)}%`,
        g.meanTurns.toFixed(2),
        g.turnsPerSecond,
        Object.entries(g.outcomes)
          .map(([k, v]) => `${k} ${v}`)
          .join(", "),
      ]),
    ),
  );
  out.push("");
  out.push(
    `(b) one resolveTurn and (c) one viewFor (one seat), on turn-${b.sampleTurn} states with bot orders for every seat; µs per call, median of rounds`,
  );
  out.push(
    table(
      [
        "states",
        "pairs",
        "orders",
        "incidents",
        "events",
        "resolveTurn µs",
        "range",
        "viewFor µs",
        "range",
        "all seats µs",
      ],
      b.calls.map((c) => [
        c.states,
        c.pairs,
        c.meanOrders.toFixed(1),
        c.meanIncidents.toFixed(1),
        c.meanEvents.toFixed(0),
        c.resolveTurnUs.toFixed(1),
        `${c.resolveTurnUsRange[0].toFixed(0)}–${c.resolveTurnUsRange[1].toFixed(0)}`,
        c.viewForUs.toFixed(2),
        `${c.viewForUsRange[0].toFixed(1)}–${c.viewForUsRange[1].toFixed(1)}`,
        c.viewsAllSeatsUs.toFixed(1),
      ]),
    ),
  );
  out.push(
    `Growth from ${b.calls[0]?.states} to ${b.calls[b.calls.length - 1]?.states} states: resolveTurn ∝ n^${b.growth.resolveTurnExponent}, viewFor (one seat) ∝ n^${b.growth.viewForExponent} (1 = linear, 2 = quadratic in the number of states).`,
  );
  out.push("");
  out.push(
    `Main-thread CPU share over all timed rounds: ${(b.cpuShare * 100).toFixed(0)}%${b.cpuShare < 0.9 ? " — other processes competed for the core; the wall-clock figures are pessimistic" : ""}.`,
  );
  out.push(
    `Target: ≥ ${b.target.gamesPerSecond4States} full 4-state games/s on one core: ${b.target.pass ? "PASS" : "FAIL"} (${b.target.measured.toFixed(0)} games/s${
      !b.target.pass && (b.games[0]?.cpuShare ?? 1) < 0.9
        ? `; the core was shared — ${b.games[0]?.gamesPerCpuSecond.toFixed(0)} games per CPU-second; rerun on a quiet machine`
        : ""
    }). Speed is reported, not enforced.`,
  );
  out.push(`(${b.seconds} s)`);
  return out.join("\n");
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = runEngineBench();
  if (sink === -1) console.log("");
  console.log(args.has("--json") ? JSON.stringify(result) : formatEngineBench(result));
}
