/** Waking a game that went to sleep while idle: its room is restored from the journal, once, however many ask at the same time. */
import { matchMaker } from "@colyseus/core";
import { RESTORE_KEY } from "../services.ts";
import { normaliseCode } from "../session/tokens.ts";
import { isAsleep, isAwake, roomsByCode, sleepingGame } from "./registry.ts";

const waking = new Map<string, Promise<void>>();

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

/** Wakes the sleeping game whose join code a matchmaking join names, so the matchmaker finds its room; never fails. */
export async function wakeForCode(options: unknown): Promise<void> {
  const code = (options as { code?: unknown } | null)?.code;
  const sleeping =
    typeof code === "string" && !roomsByCode.has(normaliseCode(code))
      ? sleepingGame(normaliseCode(code))
      : undefined;
  if (sleeping !== undefined) await wake(sleeping).catch(() => undefined);
}
