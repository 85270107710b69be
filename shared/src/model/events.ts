/** Events: what resolution reports, each citing its rule and saying who may see it. */
import type { RuleId } from "./rules-catalogue.ts";
import type { SeatId } from "./basics.ts";

/** One thing that happened, with the rule that produced it. */
export interface GameEvent {
  turn: number;
  rule: RuleId;
  /**
   * "public", or the seats allowed to see it; [] means only the facilitator and the debrief (the facilitator
   * sees all).
   */
  visibleTo: "public" | SeatId[];
  /** A sentence a player can read. */
  text: string;
  /** Pair tension change this event caused, if any. */
  tension?: { pair: string; delta: number };
  /** Related incident id, if any. */
  incident?: string;
  /**
   * Changes this event made to states' measures: every change the engine makes is carried by exactly one
   * event.
   */
  changes?: MeasureChange[];
}

/** One change to one state's economy, stability or reputation, as applied (after rounding). */
export interface MeasureChange {
  seat: SeatId;
  measure: "economy" | "stability" | "reputation";
  delta: number;
}
