/**
 * The benches' measuring tools: this thread's CPU time, the contention indicator (CPU time over wall time of
 * every timed round), the median, rounding, the machine a bench ran on, and timing a pass of calls.
 */
import os from "node:os";

/** CPU time (user + system) of this thread in µs: the benchmark's own use of its core. */
export function threadCpuUs(): number {
  const u = process.threadCpuUsage ? process.threadCpuUsage() : process.cpuUsage();
  return u.user + u.system;
}

/** Main-thread CPU and wall time over every timed round, for the contention indicator. */
export const timed = { cpuUs: 0, wallUs: 0 };

/** Median of a non-empty list. */
export function median(xs: readonly number[]): number {
  const a = [...xs].sort((x, y) => x - y);
  const m = a.length >> 1;
  return a.length % 2 === 1 ? (a[m] as number) : ((a[m - 1] as number) + (a[m] as number)) / 2;
}

/** Rounds to `digits` decimals. */
export function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

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

/**
 * Times `pass` (which makes `callsPerPass` calls): calibrates passes per round to ~roundMs, then returns the
 * median µs per call.
 */
export function timeCalls(
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
