/**
 * Keys for unordered pairs (tension) and ordered pairs (suspicion). A key holds "|" or ">", so it is never
 * the name of an Object.prototype property.
 */
import type { SeatId } from "./basics.ts";

/** Key of the unordered pair {a, b}: the two ids sorted, joined by "|". */
export function pairKey(a: SeatId, b: SeatId): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/** The two seats of a pair key. */
export function pairMembers(key: string): [SeatId, SeatId] {
  const i = key.indexOf("|");
  return [key.slice(0, i), key.slice(i + 1)];
}

/** Key of the ordered pair "suspicion of `from` toward `to`". */
export function suspicionKey(from: SeatId, to: SeatId): string {
  return `${from}>${to}`;
}

/** Every unordered pair of the given seats, in seat order. */
export function allPairs(seats: readonly SeatId[]): string[] {
  const keys: string[] = [];
  for (let i = 0; i < seats.length; i++) {
    for (let j = i + 1; j < seats.length; j++) keys.push(pairKey(seats[i] as SeatId, seats[j] as SeatId));
  }
  return keys;
}
