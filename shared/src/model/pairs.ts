/** Keys for unordered pairs (tension) and ordered pairs (suspicion). A key holds "|" or ">", so it is never the name of an Object.prototype property. */
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

/** The named rung of a tension value (after Kahn's ladder). */
export function rungName(tension: number): string {
  const t = Math.floor(tension);
  if (t <= 1) return "Competition";
  if (t <= 3) return "Friction";
  if (t <= 5) return "Crisis";
  if (t === 6) return "Confrontation";
  if (t === 7) return "Use-of-force threshold";
  if (t === 8) return "Brink";
  return "Armed conflict";
}

/** The escalation ladder's rungs with their lower bounds, for display. */
export const RUNGS: ReadonlyArray<{ min: number; name: string }> = [
  { min: 0, name: "Competition" },
  { min: 2, name: "Friction" },
  { min: 4, name: "Crisis" },
  { min: 6, name: "Confrontation" },
  { min: 7, name: "Use-of-force threshold" },
  { min: 8, name: "Brink" },
  { min: 9, name: "Armed conflict" },
];
