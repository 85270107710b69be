/**
 * Join codes and tokens across processes: a game running in another process is found in the rooms Colyseus's
 * Redis driver lists for every process (their metadata carries the code, and in a cluster a fingerprint of
 * each member's token), and remembered for the request that asked.
 */
import { createHash } from "node:crypto";
import { matchMaker } from "@colyseus/core";
import { remoteRoomsByCode, roomsByCode } from "../games/registry.ts";

let shared = false;
/**
 * Codes of games in other processes by token fingerprint, for the one matchmaking call that looked the token
 * up.
 */
const remoteCodeByPrint = new Map<string, string>();

/** A token's fingerprint as room metadata carries it: not the token, which only the room itself compares. */
export function tokenPrint(token: string): string {
  return createHash("sha256").update(token).digest("hex").slice(0, 32);
}

/** True in a cluster process (codes and tokens are looked up across processes). */
export function sharingCodes(): boolean {
  return shared;
}

/** Turns the cross-process lookup on (a cluster process) or off (one process: every game is local). */
export function shareCodes(on: boolean): void {
  shared = on;
  if (!on) {
    remoteRoomsByCode.clear();
    remoteCodeByPrint.clear();
  }
}

/** Learns whether another process runs the game with this (normalised) code; does nothing in one process. */
export async function lookUpCode(code: string): Promise<void> {
  if (!shared || roomsByCode.has(code)) return;
  const rooms = await matchMaker.query({ name: "crisis", code });
  const room = rooms.find((r) => r.processId !== matchMaker.processId && !r.locked) ?? rooms[0];
  if (room?.roomId) remoteRoomsByCode.set(code, room.roomId);
  else remoteRoomsByCode.delete(code);
}

/**
 * Learns the codes of every game running in the other processes (called every few seconds in a cluster), so a
 * new game's code is drawn unlike theirs too (registry.ts `codeInUse`).
 */
export async function refreshCodes(): Promise<void> {
  if (!shared) return;
  const rooms = await matchMaker.query({ name: "crisis" });
  remoteRoomsByCode.clear();
  for (const r of rooms) {
    const code: unknown = r.metadata?.code;
    if (r.processId !== matchMaker.processId && typeof code === "string" && r.roomId)
      remoteRoomsByCode.set(code, r.roomId);
  }
}

/**
 * Learns whether a member of a game in another process holds this token (by its fingerprint); nothing in one
 * process.
 */
export async function lookUpToken(token: string): Promise<void> {
  if (!shared) return;
  const print = tokenPrint(token);
  const rooms = await matchMaker.query({ name: "crisis" });
  const room = rooms.find((r) => {
    const tokens: unknown = r.metadata?.tokens;
    return r.processId !== matchMaker.processId && Array.isArray(tokens) && tokens.includes(print);
  });
  const code: unknown = room?.metadata?.code;
  // Read once by the admission that follows; a rejoin by room id never reads it, so the map is kept small.
  if (remoteCodeByPrint.size >= 1000) remoteCodeByPrint.clear();
  if (typeof code === "string") remoteCodeByPrint.set(print, code);
  else remoteCodeByPrint.delete(print);
}

/**
 * The code of the game in another process whose member holds `token`, as `lookUpToken` just found it (read
 * once).
 */
export function remoteCodeOfToken(token: string): string | null {
  const print = tokenPrint(token);
  const code = remoteCodeByPrint.get(print) ?? null;
  remoteCodeByPrint.delete(print);
  return code;
}
