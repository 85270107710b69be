/** Waking a game that went to sleep while idle: its room is restored from the journal, once, however many ask at the same time. */
import { matchMaker } from "@colyseus/core";
import { RESTORE_KEY, roomsByCode, sleepingByCode } from "../services.ts";

const waking = new Map<string, Promise<void>>();

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

/** Restores a sleeping game's room; resolves once it runs (at once if it already does). Rejects if it is not asleep or fails to restore. */
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
