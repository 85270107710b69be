/** Injects: scenario or facilitator events with scripted effects. */
import type { NonStateOperationKind } from "./operations.ts";
import type { SeatId, StatName } from "./basics.ts";

/** One effect of an inject. */
export type InjectEffect =
  | { type: "tension"; a: SeatId; b: SeatId; delta: number }
  | { type: "stat"; state: SeatId; stat: StatName; delta: number }
  | { type: "suspicion"; from: SeatId; to: SeatId; delta: number }
  | { type: "nonStateIncident"; target: SeatId; kind: NonStateOperationKind | "nonState" };

/** A named inject: a title, a text everyone reads, and its effects. */
export interface InjectDef {
  id: string;
  title: string;
  text: string;
  effects: InjectEffect[];
}

/** The states an inject effect names, in field order (two for tension and suspicion, one otherwise). */
export function effectStates(e: InjectEffect): SeatId[] {
  switch (e.type) {
    case "tension":
      return [e.a, e.b];
    case "stat":
      return [e.state];
    case "suspicion":
      return [e.from, e.to];
    case "nonStateIncident":
      return [e.target];
  }
}
