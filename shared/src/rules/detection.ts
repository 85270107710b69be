/** Detection of covert operations by the defender's dwell time (Mandiant M-Trends). */
import type { ModelParams } from "../model/params.ts";

/** Monthly detection chance for a defence level: 1 - exp(-ln2 x 30 / dwell days). */
export function baseDetectionChance(defense: number, params: ModelParams): number {
  const level = Math.min(5, Math.max(1, Math.round(defense)));
  const dwell = params.dwellDays[level - 1] ?? 56;
  return 1 - Math.exp((-Math.LN2 * 30) / dwell);
}

/** Detection chance with bonuses (hunt, situation reports), capped at 0.98. */
export function detectionChance(defense: number, bonus: number, params: ModelParams): number {
  return Math.min(0.98, baseDetectionChance(defense, params) + bonus);
}

/** Success chance of a disruptive or destructive operation against a defender. */
export function effectSuccessChance(cyber: number, defense: number, params: ModelParams): number {
  const p = params.effectSuccessBase + params.successSlope * (cyber - 2 * defense);
  return Math.min(0.95, Math.max(0.2, p));
}
