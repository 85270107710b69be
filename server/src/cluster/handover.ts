/**
 * Handing games over live when a cluster process stops (SIGTERM): the leaving process closes its running
 * games (their clients get HANDED_OVER_CLOSE_CODE and rejoin with their tokens), gives up their leases, and
 * names them on a Redis channel, each assigned to the least-loaded other process, which restores it at once
 * instead of at its next look for orphans (adopt.ts). The lease decides: only one process restores a game.
 */
import { matchMaker } from "@colyseus/core";
import { roomsByCode } from "../games/registry.ts";
import type { CrisisRoom } from "../rooms/crisis-room.ts";
import type { JournalStore } from "../store/journal-store.ts";
import { restoreGame } from "./adopt.ts";

/** The presence channel on which a stopping process names the games it gave up. */
export const HANDOVER_CHANNEL = "firebreak:handover";

/**
 * WebSocket close code of a connection whose game moved to another process: rejoin with the token at once
 * (docs/protocol.md §6.3).
 */
export const HANDED_OVER_CLOSE_CODE = 4012;

/**
 * How long a process other than the one a game was assigned to waits before trying to take it (the assignee
 * may have died meanwhile).
 */
const FALLBACK_MS = 3000;

/** One hand-over message: the games a process gave up, and the process each should go to. */
export interface HandOver {
  from: string;
  games: { id: string; to: string }[];
}

/** A process's load as Colyseus counts it. */
export interface ProcessLoad {
  processId: string;
  roomCount: number;
}

/**
 * Assigns each game to the process with the fewest rooms at that moment (counting the games assigned so far);
 * `leaving` is never chosen. Empty when no other process is known.
 */
export function assignGames(ids: string[], loads: ProcessLoad[], leaving: string): HandOver["games"] {
  const others = loads.filter((l) => l.processId !== leaving).map((l) => ({ ...l }));
  if (others.length === 0) return [];
  return ids.map((id) => {
    const least = others.reduce((a, b) => (b.roomCount < a.roomCount ? b : a));
    least.roomCount++;
    return { id, to: least.processId };
  });
}

/** Reads a hand-over message from the channel; null when it is not one. */
export function parseHandOver(data: unknown): HandOver | null {
  if (typeof data !== "object" || data === null) return null;
  const { from, games } = data as { from?: unknown; games?: unknown };
  if (typeof from !== "string" || !Array.isArray(games)) return null;
  const ok = games.every(
    (g: unknown) =>
      typeof g === "object" &&
      g !== null &&
      typeof (g as { id?: unknown }).id === "string" &&
      typeof (g as { to?: unknown }).to === "string",
  );
  return ok ? { from, games: games as HandOver["games"] } : null;
}

/** Takes the lease of a game handed over and restores it here; false when another process won it. */
async function adoptHandedOver(store: JournalStore, id: string): Promise<boolean> {
  if (!store.leases?.claim(id)) return false;
  const g = store.game(id);
  if (!g || g.ended) {
    store.leases.release(id);
    return false;
  }
  return restoreGame(store, g);
}

/**
 * Listens for games other processes hand over: those assigned here are restored at once, the others after
 * FALLBACK_MS if nobody took them. Returns what stops listening.
 */
export async function receiveHandOvers(store: JournalStore): Promise<() => Promise<void>> {
  if (!store.leases) return async () => {};
  let stopped = false;
  const timers = new Set<NodeJS.Timeout>();
  const adopt = (ids: string[]): void => {
    void (async () => {
      for (const id of ids) if (!stopped) await adoptHandedOver(store, id);
    })().catch((e: unknown) =>
      process.stderr.write(`Firebreak: adopting handed-over games failed: ${(e as Error).message}\n`),
    );
  };
  const listener = (data: unknown): void => {
    const h = parseHandOver(data);
    if (!h || h.from === matchMaker.processId || stopped) return;
    adopt(h.games.filter((g) => g.to === matchMaker.processId).map((g) => g.id));
    const rest = h.games.filter((g) => g.to !== matchMaker.processId).map((g) => g.id);
    if (rest.length === 0) return;
    const t = setTimeout(() => {
      timers.delete(t);
      adopt(rest);
    }, FALLBACK_MS);
    t.unref();
    timers.add(t);
  };
  await matchMaker.presence.subscribe(HANDOVER_CHANNEL, listener);
  return async () => {
    stopped = true;
    for (const t of timers) clearTimeout(t);
    await matchMaker.presence.unsubscribe(HANDOVER_CHANNEL, listener);
  };
}

/**
 * On shutdown: takes this process out of the choice for new rooms, closes its running games (clients get
 * HANDED_OVER_CLOSE_CODE), gives up their leases and names them to the other processes. Returns how many.
 */
export async function handOverGames(store: JournalStore): Promise<number> {
  if (!store.leases) return 0;
  const me = matchMaker.processId;
  await matchMaker.stats.excludeProcess(me);
  const rooms: CrisisRoom[] = [];
  for (const roomId of roomsByCode.values()) {
    const room = matchMaker.getLocalRoomById(roomId) as CrisisRoom | undefined;
    // An ended game is not restored anywhere: it closes with the rest at shutdown.
    if (room && room.session.phase !== "ended") rooms.push(room);
  }
  // Closed first, so that nothing is written after the lease goes (a disposed room has no timers left).
  await Promise.all(rooms.map((r) => r.disconnect(HANDED_OVER_CLOSE_CODE)));
  // A disposed room makes Colyseus publish this process's load again: out of the choice once more.
  await matchMaker.stats.excludeProcess(me);
  const ids = rooms.map((r) => r.gameId);
  for (const id of ids) store.leases.release(id);
  if (ids.length === 0) return 0;
  const games = assignGames(ids, await matchMaker.stats.fetchAll(), me);
  await matchMaker.presence.publish(HANDOVER_CHANNEL, { from: me, games } satisfies HandOver);
  return ids.length;
}

/**
 * Makes this cluster process take part in hand-overs: it adopts the games stopping processes hand over, and
 * `leave` (at its own shutdown) stops that and hands its own games over. A failure is logged: the games'
 * leases then go when the store closes, and the others adopt them at their next look for orphans.
 */
export async function joinHandOvers(store: JournalStore): Promise<{ leave: () => Promise<void> }> {
  const stopReceiving = await receiveHandOvers(store);
  return {
    leave: async () => {
      try {
        await stopReceiving();
        const handed = await handOverGames(store);
        if (handed > 0)
          process.stderr.write(`Firebreak: handed ${handed} game(s) over to the other processes\n`);
      } catch (e) {
        process.stderr.write(`Firebreak: handing games over failed: ${(e as Error).message}\n`);
      }
    },
  };
}
