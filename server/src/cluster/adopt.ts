/**
 * Bringing games back into this process: every unfinished game at start-up (one process), or, when processes
 * share the store, the games no process holds (at start-up, and every few seconds after: a process that died
 * leaves its games to the others).
 */
import { matchMaker } from "@colyseus/core";
import { RESTORE_KEY } from "../services.ts";
import type { JournalStore, StoredGame } from "../store/journal-store.ts";
import { refreshCodes } from "./directory.ts";

/** Games being restored in this process right now. */
const restoring = new Set<string>();

/**
 * Restores one game in this process; true when it runs. A game that does not come back is logged (even when
 * quiet).
 */
export async function restoreGame(store: JournalStore, g: StoredGame): Promise<boolean> {
  // Already here: handed over (handover.ts) and also found by the look for orphans, which claimed it first.
  if (restoring.has(g.id) || matchMaker.getLocalRoomById(g.id)) return true;
  restoring.add(g.id);
  try {
    await matchMaker.createRoom("crisis", { restore: g.id, key: RESTORE_KEY });
    return true;
  } catch (e) {
    // One game that does not come back never stops the others. A game this engine would replay into a
    // different one is closed; a journal that does not replay is set aside for good; anything else (its
    // scenario missing from scenarios/, say) is tried again at the next start. Each with a line an operator
    // sees even when quiet.
    const reason = (e as Error).message;
    const said = `Firebreak: game ${g.id} (created with code ${g.code})`;
    if (reason.startsWith("RULES_CHANGED"))
      // Closed by the restore itself (rooms/restore.ts): ended, with its notice and record kept.
      process.stderr.write(`${said} closed, not restored: ${reason}\n`);
    else if (reason.startsWith("REPLAY_FAILED")) {
      store.quarantine(g.id, reason);
      process.stderr.write(`${said} quarantined, not restored: ${reason}\n`);
    } else process.stderr.write(`${said} not restored this time: ${reason}\n`);
    // Another process (with that scenario, say) may do better.
    store.leases?.release(g.id);
    return false;
  } finally {
    restoring.delete(g.id);
  }
}

/**
 * Games a cluster process failed to restore, and when it tries them again (their lease is given back
 * meanwhile).
 */
const retryAt = new Map<string, number>();
/**
 * How long a game that did not come back waits before this process tries it again (a scenario gone missing,
 * say).
 */
const RETRY_MS = 10 * 60_000;

/** Restores the games this process should run now; returns how many run. */
export async function restoreGames(store: JournalStore): Promise<number> {
  let restored = 0;
  const games = store.leases ? store.leases.claimOrphans() : store.unfinished();
  for (const g of games) {
    const later = retryAt.get(g.id);
    if (later !== undefined && Date.now() < later) {
      // Tried lately: another process may do better; this one says nothing more about it until then.
      store.leases?.release(g.id);
      continue;
    }
    retryAt.delete(g.id);
    if (await restoreGame(store, g)) restored++;
    else if (store.leases) retryAt.set(g.id, Date.now() + RETRY_MS);
  }
  return restored;
}

/**
 * When processes share the store: every `seconds`, adopts the games no process holds, and learns the codes
 * the other processes' games have. Returns what stops it.
 */
export function adoptOrphans(store: JournalStore, seconds: number): () => void {
  if (!store.leases || seconds <= 0) return () => {};
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    Promise.all([restoreGames(store), refreshCodes()])
      .catch((e: unknown) =>
        process.stderr.write(`Firebreak: adopting games failed: ${(e as Error).message}\n`),
      )
      .finally(() => {
        running = false;
      });
  }, seconds * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
