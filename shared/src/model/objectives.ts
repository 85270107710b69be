/** Secret objectives: machine-checkable goals worth points at the end. */
import type { SeatId, StatName } from "./basics.ts";
import type { CbmKind } from "./cbms.ts";

/** One secret objective. */
export type Objective =
  | { kind: "tensionAtMost"; text: string; points: number; with: SeatId; max: number }
  | { kind: "statAtLeast"; text: string; points: number; stat: StatName; min: number }
  | { kind: "cbmInForce"; text: string; points: number; cbm: CbmKind; with?: SeatId }
  | { kind: "accessIn"; text: string; points: number; target: SeatId }
  | { kind: "neverAttributed"; text: string; points: number }
  | { kind: "rivalAttributed"; text: string; points: number; rival: SeatId }
  | { kind: "noArmedConflict"; text: string; points: number };
