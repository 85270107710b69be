/** Small reads of the game the session needs. */
import type { CbmKind, SeatId } from "@firebreak/shared";
import type { SessionState } from "./types.ts";

/** Whether a CBM of this kind binds both seats. */
export function hasCbmInForce(s: SessionState, kind: CbmKind, a: SeatId, b: SeatId): boolean {
  return s.game.cbms.some((c) => c.kind === kind && c.members.includes(a) && c.members.includes(b));
}
