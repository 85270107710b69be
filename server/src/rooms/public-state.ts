/** The only synced Colyseus schema: public facts about the room. Everything seat-specific travels as "view" snapshots and "patch" messages built from viewFor. */
import { schema, t } from "@colyseus/schema";

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
