/**
 * The model's leaf vocabulary: seat ids, attribution confidence tiers and the stat names. Imports nothing, so
 * every model file may use it.
 */

/** A state's seat id, as the scenario names it (e.g. "north"). */
export type SeatId = string;

/** Attribution confidence tiers (ODNI): 0 none, 1 low, 2 moderate, 3 high. */
export type Confidence = 0 | 1 | 2 | 3;

/** Names of the confidence tiers, by tier. */
export const CONFIDENCE_NAMES = ["none", "low", "moderate", "high"] as const;

/** The scores a state has that injects may move and objectives may name. */
export const STAT_NAMES = ["economy", "stability", "reputation"] as const;
export type StatName = (typeof STAT_NAMES)[number];
