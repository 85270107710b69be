/**
 * Server timings for operators and the load bench: how long the server spends on each request (from its frame
 * reaching the room to its answer, views included) and on each request that resolved a turn. Kept in a ring
 * of recent samples.
 */

/** A distribution of durations in ms. */
export interface Timing {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Samples kept per series: enough for minutes of a busy server. */
export const METRIC_SAMPLES = 50_000;

/** A ring of (time, duration) samples. */
class Series {
  private readonly at = new Float64Array(METRIC_SAMPLES);
  private readonly ms = new Float64Array(METRIC_SAMPLES);
  private next = 0;
  private size = 0;
  total = 0;

  add(at: number, ms: number): void {
    this.at[this.next] = at;
    this.ms[this.next] = ms;
    this.next = (this.next + 1) % METRIC_SAMPLES;
    this.size = Math.min(this.size + 1, METRIC_SAMPLES);
    this.total++;
  }

  since(from: number): Timing {
    const xs: number[] = [];
    for (let i = 0; i < this.size; i++) if ((this.at[i] as number) >= from) xs.push(this.ms[i] as number);
    xs.sort((a, b) => a - b);
    const q = (p: number): number =>
      xs.length === 0
        ? 0
        : Math.round((xs[Math.min(xs.length - 1, Math.floor(p * xs.length))] as number) * 1000) / 1000;
    return { count: xs.length, p50: q(0.5), p95: q(0.95), p99: q(0.99), max: q(1) };
  }
}

const requests = new Series();
const turns = new Series();

/**
 * Records one handled request; `resolved` when it resolved a turn. `at` is the wall clock (ms), `ms` the
 * duration.
 */
export function recordRequest(at: number, ms: number, resolved: boolean): void {
  requests.add(at, ms);
  if (resolved) turns.add(at, ms);
}

/** Timings of the requests handled since `from` (ms since the epoch), among the most recent samples. */
export function timingsSince(from: number): {
  requests: Timing;
  turns: Timing;
  totals: { requests: number; turns: number };
} {
  return {
    requests: requests.since(from),
    turns: turns.since(from),
    totals: { requests: requests.total, turns: turns.total },
  };
}
