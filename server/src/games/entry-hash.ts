/**
 * The hash a journal keeps with each create and step entry, so a later engine can prove it replays the same game
 * (rules-check.ts). After a step that can change anything (the start, a proposal, an answer, an inject, a
 * resolution, the end) it is the whole state's hash. After a seat's orders, the step a request makes most often
 * and one that changes nothing but that seat's orders, it is a digest of those orders, tagged so it can never
 * equal a state hash: hashing the whole state (every event of the game so far) for each saved order list cost a
 * fifth of the server's time. A difference an orders step could hide elsewhere shows at the turn's resolution,
 * whose hash is the whole state's.
 */
import { hashValue, own, stateHash, type GameState } from "@firebreak/shared";
import type { StoredEntry } from "../session/journal.ts";

/** The prefix of an orders digest: no state hash starts with it. */
const ORDERS_DIGEST = "orders:";

/** The hash to keep with `entry`, given the game after it. */
export function entryHash(entry: StoredEntry, game: GameState): string {
  if (entry.kind === "step" && entry.step.type === "orders") {
    const seat = entry.step.seat;
    return `${ORDERS_DIGEST}${hashValue({ turn: game.turn, seat, orders: own(game.orders, seat) ?? null })}`;
  }
  return stateHash(game);
}

/** Whether a kept hash is the whole state's (and so can stand for a game's final or initial hash). */
export function isStateHash(hash: string): boolean {
  return !hash.startsWith(ORDERS_DIGEST);
}
