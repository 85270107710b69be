/** The only synced Colyseus schema: public facts about the room. Everything seat-specific travels as "view" snapshots and "patch" messages built from viewFor. */
import { schema, t } from "@colyseus/schema";
import type { SessionState } from "../session/types.ts";

/** Public room state, identical for every client. */
export const PublicState = schema(
  {
    phase: t.string(),
    turn: t.uint16(),
    maxTurns: t.uint16(),
    deadline: t.float64(),
    paused: t.boolean(),
  },
  "PublicState",
);
export type PublicStateInstance = InstanceType<typeof PublicState>;

/** Writes a session's public facts into the synced state. */
export function syncPublicState(state: PublicStateInstance, s: SessionState): void {
  state.phase = s.phase;
  state.turn = s.game.turn;
  state.maxTurns = s.game.maxTurns;
  state.deadline = s.deadline ?? 0;
  state.paused = s.pausedRemaining !== null;
}
