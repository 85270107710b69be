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

const Z = 1.959964;
/** Two-sided 95% quantiles of Student's t for 1–30 degrees of freedom. */
const T95 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131,
  2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/**
 * The 97.5% quantile of Student's t with `df` ≥ 1 degrees of freedom (a table to 30, then the Cornish–Fisher
 * expansion).
 */
export function t95(df: number): number {
  if (df >= 1 && df <= T95.length) return T95[Math.floor(df) - 1] as number;
  const z3 = Z ** 3;
  const z5 = Z ** 5;
  const z7 = Z ** 7;
  return (
    Z +
    (z3 + Z) / (4 * df) +
    (5 * z5 + 16 * z3 + 3 * Z) / (96 * df ** 2) +
    (3 * z7 + 19 * z5 + 17 * z3 - 15 * Z) / (384 * df ** 3)
  );
}

/** A mean with its Student's t 95% interval (one value: no width; none: zeros). */
export interface MeanCi {
  mean: number;
  ci95: [number, number];
  n: number;
}

/** The mean of `values` with its t 95% interval. */
export function tMean(values: readonly number[]): MeanCi {
  const n = values.length;
  if (n === 0) return { mean: 0, ci95: [0, 0], n };
  const mean = values.reduce((a, b) => a + b, 0) / n;
  if (n === 1) return { mean, ci95: [mean, mean], n };
  const ss = values.reduce((a, v) => a + (v - mean) * (v - mean), 0);
  const half = (t95(n - 1) * Math.sqrt(ss / (n - 1))) / Math.sqrt(n);
  return { mean, ci95: [mean - half, mean + half], n };
}
