/** Small reads of the game the session needs. */
import { cbmInForce, type CbmKind, type SeatId } from "@firebreak/shared";
import type { SessionState } from "./types.ts";

/** Whether a CBM of this kind binds both seats (the engine's cbmInForce on the session's game). */
export function hasCbmInForce(s: SessionState, kind: CbmKind, a: SeatId, b: SeatId): boolean {
  return cbmInForce(s.game, kind, a, b);
}
