/**
 * Join codes across processes: a code whose game runs in another process is found in the rooms Colyseus's Redis driver
 * lists for every process (their metadata carries the code), and remembered for the request that asked.
 */
import { matchMaker } from "@colyseus/core";
import { remoteRoomsByCode, roomsByCode } from "../games/registry.ts";

let shared = false;

/** Turns the cross-process lookup on (a cluster process) or off (one process: every game is local). */
export function shareCodes(on: boolean): void {
  shared = on;
  if (!on) remoteRoomsByCode.clear();
}

/** Learns whether another process runs the game with this (normalised) code; does nothing in one process. */
export async function lookUpCode(code: string): Promise<void> {
  if (!shared || roomsByCode.has(code)) return;
  const rooms = await matchMaker.query({ name: "crisis", code });
  const room = rooms.find((r) => r.processId !== matchMaker.processId && !r.locked) ?? rooms[0];
  if (room?.roomId) remoteRoomsByCode.set(code, room.roomId);
  else remoteRoomsByCode.delete(code);
}
