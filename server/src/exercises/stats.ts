/**
 * 95% intervals for comparing an exercise's tables: Wilson for shares, Student's t for means (a class has few
 * tables).
 */
import type { Estimate } from "@firebreak/shared";

const Z95 = 1.959964;

/** Two-sided 95% quantiles of Student's t by degrees of freedom 1–30; beyond, the normal's. */
const T95 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131,
  2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/** The 97.5% quantile of Student's t with `df` degrees of freedom (df ≥ 1). */
export function t95(df: number): number {
  return df >= 1 && df <= T95.length ? (T95[df - 1] as number) : Z95;
}

/** The share k/n with its Wilson score 95% interval ([0, 1] when n is 0). */
export function wilsonShare(k: number, n: number): Estimate {
  if (n === 0) return { value: 0, low: 0, high: 1, n };
  const p = k / n;
  const denom = 1 + (Z95 * Z95) / n;
  const centre = (p + (Z95 * Z95) / (2 * n)) / denom;
  const half = (Z95 * Math.sqrt((p * (1 - p)) / n + (Z95 * Z95) / (4 * n * n))) / denom;
  return { value: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half), n };
}

/** The mean with its t 95% interval (a single value: the value itself, no width; none: zeros). */
export function tMean(values: readonly number[]): Estimate {
  const n = values.length;
  if (n === 0) return { value: 0, low: 0, high: 0, n };
  const mean = values.reduce((a, b) => a + b, 0) / n;
  if (n === 1) return { value: mean, low: mean, high: mean, n };
  const ss = values.reduce((a, v) => a + (v - mean) * (v - mean), 0);
  const half = (t95(n - 1) * Math.sqrt(ss / (n - 1))) / Math.sqrt(n);
  return { value: mean, low: mean - half, high: mean + half, n };
}
