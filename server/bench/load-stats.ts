/** The load benches' statistics: their targets, distributions of durations and the server's own timings. */
import { round } from "../../shared/bench/measure.ts";

export { round };

/** Targets of the issue. */
export const TARGET_ROOMS = 200;
export const TARGET_P99_MS = 100;
export const TARGET_TURN_ECHO_FACTOR = 3;

/** A distribution of durations in ms. */
export interface Dist {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentiles in ms (3 decimals). */
export function dist(xs: readonly number[]): Dist {
  if (xs.length === 0) return { n: 0, p50: NaN, p95: NaN, p99: NaN, max: NaN, mean: NaN };
  const a = [...xs].sort((x, y) => x - y);
  const at = (p: number): number =>
    a[Math.min(a.length - 1, Math.max(0, Math.ceil(p * a.length) - 1))] as number;
  return {
    n: a.length,
    p50: round(at(0.5), 3),
    p95: round(at(0.95), 3),
    p99: round(at(0.99), 3),
    max: round(a[a.length - 1] as number, 3),
    mean: round(a.reduce((s, x) => s + x, 0) / a.length, 3),
  };
}

/** The server's timings (GET /api/metrics) of the requests it handled since `from` (ms since the epoch). */
export interface ServerTimings {
  requests: { count: number; p50: number; p95: number; p99: number; max: number };
  turns: { count: number; p50: number; p95: number; p99: number; max: number };
}
