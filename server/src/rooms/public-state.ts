/**
 * What a room shows of its game to everyone: the only synced Colyseus schema (public facts; everything
 * seat-specific travels as "view" snapshots and "patch" messages built from viewFor), and the matchmaker's
 * metadata.
 */
import type { Room } from "@colyseus/core";
import { schema, t } from "@colyseus/schema";
import { sharingCodes, tokenPrint } from "../cluster/directory.ts";
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

/**
 * The matchmaker's copy of the game: its code (for join by code), name, scenario and phase (for the code
 * lookup); in a cluster also its members' token fingerprints, so a token finds its game from any process
 * (cluster/directory.ts).
 */
export function publishMetadata(room: Room, s: SessionState): void {
  void room.setMetadata({
    code: s.code,
    name: s.options.name,
    scenario: s.options.scenario,
    phase: s.phase,
    ...(sharingCodes() ? { tokens: s.members.map((m) => tokenPrint(m.token)) } : {}),
  });
}

/** In a cluster: whether the members changed since the metadata was published. */
function membersChanged(room: Room, s: SessionState): boolean {
  if (!sharingCodes()) return false;
  const tokens: unknown = room.metadata?.tokens;
  return (
    !Array.isArray(tokens) ||
    tokens.length !== s.members.length ||
    tokens.at(-1) !== tokenPrint(s.members.at(-1)?.token ?? "")
  );
}

/** The synced state (public facts only), and the matchmaker's copy of the metadata when the phase changed. */
export function syncPublic(room: Room, state: PublicStateInstance, s: SessionState): void {
  syncPublicState(state, s);
  if (room.metadata?.phase !== s.phase || membersChanged(room, s)) publishMetadata(room, s);
}
