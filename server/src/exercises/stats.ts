/**
 * 95% intervals for comparing an exercise's tables, as the exercise's answers carry them (`Estimate`): Wilson for
 * shares, Student's t for means (a class has few tables), both from the shared statistics.
 */
import { t95, tMean as sharedMean, wilson, type Estimate } from "@firebreak/shared";

export { t95 };

/** The share k/n with its Wilson score 95% interval ([0, 1] when n is 0). */
export function wilsonShare(k: number, n: number): Estimate {
  const [low, high] = wilson(k, n);
  return { value: n === 0 ? 0 : k / n, low, high, n };
}

/** The mean with its t 95% interval (a single value: the value itself, no width; none: zeros). */
export function tMean(values: readonly number[]): Estimate {
  const m = sharedMean(values);
  return { value: m.mean, low: m.ci95[0], high: m.ci95[1], n: m.n };
}
