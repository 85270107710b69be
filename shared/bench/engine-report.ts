/** The engine bench's result: its shape (the JSON output) and the tables printed without `--json`. */
import type { CallResult } from "./engine-calls.ts";
import type { GamesResult } from "./engine-games.ts";
import type { machineInfo } from "./measure.ts";

/** Everything the engine bench measured (the JSON output). */
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

/** A text table: the first column left-aligned, the others right-aligned. */
function table(header: string[], rows: Array<Array<string | number>>): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, c) => Math.max(...cells.map((r) => (r[c] ?? "").length)));
  const line = (r: string[]): string =>
    r.map((x, c) => (c === 0 ? x.padEnd(widths[c] as number) : x.padStart(widths[c] as number))).join("  ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...cells.slice(1).map(line)].join("\n");
}

/**
 * The engine bench as printed: the machine, tables (a), (b) and (c), the growth, the CPU share and the
 * target.
 */
export function formatEngineBench(b: EngineBench): string {
  const m = b.machine;
  const out: string[] = [];
  out.push(`Engine benchmark${b.quick ? " (--quick: short rounds, rough figures)" : ""}`);
  out.push(
    `Machine: ${m.cpu}, ${m.cores} cores (benchmark uses one), Node ${m.node}, ${m.platform}; load ` +
      `average ${m.loadAverage.join(" ")} before, ${b.loadAverageAfter.join(" ")} after`,
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
    `(b) one resolveTurn and (c) one viewFor (one seat), on turn-${b.sampleTurn} states with bot ` +
      `orders for every seat; µs per call, median of rounds`,
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
    `Growth from ${b.calls[0]?.states} to ${b.calls[b.calls.length - 1]?.states} states: resolveTurn ` +
      `∝ n^${b.growth.resolveTurnExponent}, viewFor (one seat) ∝ n^${b.growth.viewForExponent} (1 = ` +
      `linear, 2 = quadratic in the number of states).`,
  );
  out.push("");
  out.push(
    `Main-thread CPU share over all timed rounds: ` +
      `${(b.cpuShare * 100).toFixed(0)}%${b.cpuShare < 0.9 ? " — other processes competed for the core; the wall-clock figures are pessimistic" : ""}.`,
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
