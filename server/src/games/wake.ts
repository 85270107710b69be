/**
 * Waking a game that went to sleep while idle: its room is restored from the journal, once, however many ask
 * at the same time.
 */
import { matchMaker } from "@colyseus/core";
import { RESTORE_KEY } from "../services.ts";
import { normaliseCode } from "../session/tokens.ts";
import { closedCodeNotice } from "./archive.ts";
import { lookUpCode, lookUpToken } from "../cluster/directory.ts";
import { isAsleep, isAwake, roomIdForCode, sleepingGame } from "./registry.ts";

const waking = new Map<string, Promise<void>>();

/**
 * Restores a sleeping game's room; resolves once it runs (at once if it already does). Rejects if it is not
 * asleep or fails to restore.
 */
export function wake(gameId: string): Promise<void> {
  if (isAwake(gameId)) return Promise.resolve();
  const pending = waking.get(gameId);
  if (pending) return pending;
  if (!isAsleep(gameId)) return Promise.reject(new Error(`NO_SUCH_GAME: no sleeping game "${gameId}"`));
  const p = matchMaker
    .createRoom("crisis", { restore: gameId, key: RESTORE_KEY })
    .then(() => undefined)
    .finally(() => waking.delete(gameId));
  waking.set(gameId, p);
  return p;
}

/**
 * Wakes the sleeping game whose join code a matchmaking join names, so the matchmaker finds its room. Throws
 * only `RULES_CHANGED` with the notice, for the code of a game the server closed because it runs other rules
 * (archive.ts) when no game running or asleep has that code; otherwise never fails.
 */
export async function wakeForCode(options: unknown): Promise<void> {
  const raw = (options as { code?: unknown } | null)?.code;
  // In a cluster the game of a member's token may run in another process.
  const token = (options as { token?: unknown } | null)?.token;
  if (typeof raw !== "string" && typeof token === "string") await lookUpToken(token);
  if (typeof raw !== "string") return;
  const code = normaliseCode(raw);
  // In a cluster the game may run in another process.
  await lookUpCode(code);
  const sleeping = roomIdForCode(code) ? undefined : sleepingGame(code);
  if (sleeping !== undefined) await wake(sleeping).catch(() => undefined);
  const closed = roomIdForCode(code) ? null : closedCodeNotice(code);
  if (closed !== null) throw new Error(`RULES_CHANGED: ${closed}`);
}
