/** Injects: scenario or facilitator events with scripted effects. */
import type { OperationKind, SeatId } from "./types.ts";

/** One effect of an inject. */
export type InjectEffect =
  | { type: "tension"; a: SeatId; b: SeatId; delta: number }
  | { type: "stat"; state: SeatId; stat: "economy" | "stability" | "reputation"; delta: number }
  | { type: "suspicion"; from: SeatId; to: SeatId; delta: number }
  | { type: "nonStateIncident"; target: SeatId; kind: Exclude<OperationKind, "espionage" | "preposition"> | "nonState" };

/** A named inject: a title, a text everyone reads, and its effects. */
export interface InjectDef {
  id: string;
  title: string;
  text: string;
  effects: InjectEffect[];
}
