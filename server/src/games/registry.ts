/**
 * The games this process holds, by join code: the rooms running in memory and the games asleep (out of memory
 * while idle, their journal kept in the store). The HTTP routes, the matchmaking checks and the rooms all
 * read it.
 */
import { matchMaker } from "@colyseus/core";
import type { SessionState } from "../session/types.ts";

/** Active rooms by join code, for the HTTP code lookup. */
export const roomsByCode = new Map<string, string>();

/**
 * Rooms of other processes by join code, as last looked up in the cluster's listing (cluster/directory.ts);
 * empty in one process.
 */
export const remoteRoomsByCode = new Map<string, string>();

/** The room with this join code: running here, or (in a cluster, after `lookUpCode`) in another process. */
export function roomIdForCode(code: string): string | undefined {
  return roomsByCode.get(code) ?? remoteRoomsByCode.get(code);
}

/**
 * Games asleep (left memory while idle; their journal stays in the store) by join code: a lookup of the code
 * or a member's token wakes them.
 */
export const sleepingByCode = new Map<string, string>();

/** Join codes taken by something other than a game (an exercise's code, exercises/registry.ts). */
export const reservedCodes = new Set<string>();

/**
 * True when a running or sleeping game, or an exercise, already has this join code (in a cluster: here or, as
 * last learnt, elsewhere).
 */
export function codeInUse(code: string): boolean {
  return (
    roomsByCode.has(code) ||
    remoteRoomsByCode.has(code) ||
    sleepingByCode.has(code) ||
    reservedCodes.has(code)
  );
}

/** The id of the sleeping game with this join code, if any. */
export function sleepingGame(code: string): string | undefined {
  return sleepingByCode.get(code);
}

/** True when the game is running in this process (awake). */
export function isAwake(gameId: string): boolean {
  for (const id of roomsByCode.values()) if (id === gameId) return true;
  return false;
}

/** Whether this game is asleep (it left memory while idle and can be woken). */
export function isAsleep(gameId: string): boolean {
  for (const id of sleepingByCode.values()) if (id === gameId) return true;
  return false;
}

/** The session of a room held by this process, read structurally so this module need not import the room. */
export function liveSession(roomId: string): SessionState | null {
  const room = matchMaker.getLocalRoomById(roomId) as unknown as
    | { session?: Partial<SessionState> }
    | undefined;
  const s = room?.session;
  return s && typeof s.code === "string" && Array.isArray(s.members) ? (s as SessionState) : null;
}
