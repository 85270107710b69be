/** Small statistics for batch simulation: intervals and a censored median. */

/** Wilson score interval of a proportion k/n: 95% by default, or at another normal quantile `z`. */
export function wilson(k: number, n: number, z = 1.959964): [number, number] {
  if (n === 0) return [0, 1];
  const p = k / n;
  const denom = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / denom;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/** Mean with a normal-approximation 95% interval. */
export function meanCi(values: readonly number[]): { mean: number; ci95: [number, number]; n: number } {
  const n = values.length;
  if (n === 0) return { mean: 0, ci95: [0, 0], n };
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / n;
  let ss = 0;
  for (const v of values) ss += (v - mean) * (v - mean);
  const sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
  const half = (1.959964 * sd) / Math.sqrt(n);
  return { mean, ci95: [mean - half, mean + half], n };
}

/** Kaplan–Meier median of times with right-censoring (null when the curve never reaches 0.5). */
export function kmMedian(samples: ReadonlyArray<{ time: number; observed: boolean }>): number | null {
  const sorted = samples.slice().sort((a, b) => a.time - b.time || Number(b.observed) - Number(a.observed));
  let atRisk = sorted.length;
  let survival = 1;
  let i = 0;
  while (i < sorted.length) {
    const t = (sorted[i] as { time: number }).time;
    let events = 0;
    let removed = 0;
    while (i < sorted.length && (sorted[i] as { time: number }).time === t) {
      if ((sorted[i] as { observed: boolean }).observed) events++;
      removed++;
      i++;
    }
    if (events > 0 && atRisk > 0) {
      survival *= 1 - events / atRisk;
      if (survival <= 0.5) return t;
    }
    atRisk -= removed;
  }
  return null;
}

/** Rounds for stable, readable output. */
export function r4(x: number): number {
  return Math.round(x * 10000) / 10000;
}
