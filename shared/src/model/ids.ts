/**
 * Ids that come from outside the engine (orders, steps, viewers, scenario files, journals). The game's own
 * lists decide what an id is, with own-property semantics: a name every plain object already answers to
 * ("__proto__", "constructor", "toString"…) is never an id, so indexing a record with an untrusted id can
 * neither find nor write a property of Object.prototype.
 */
import type { SeatId } from "./basics.ts";
import type { GameState } from "./types.ts";

/** Names every plain object already has (Object.prototype's own properties, and "__proto__"): never an id. */
export const RESERVED_IDS: readonly string[] = Object.freeze(
  [...new Set([...Object.getOwnPropertyNames(Object.prototype), "__proto__"])].sort(),
);

const reserved: ReadonlySet<string> = new Set(RESERVED_IDS);

/** True when `id` is a string that names a property of Object.prototype (so may not be an id). */
export function isReservedId(id: unknown): boolean {
  return typeof id === "string" && reserved.has(id);
}

/** True when `id` is one of the game's seats (a state in it); `s` may be a game state or a view. */
export function isSeat(s: Pick<GameState, "seats">, id: unknown): id is SeatId {
  return typeof id === "string" && !reserved.has(id) && s.seats.includes(id);
}

/** The record's own entry under `key`, or undefined: never an inherited property such as `constructor`. */
export function own<T>(record: Readonly<Record<string, T>>, key: unknown): T | undefined {
  return typeof key === "string" && Object.hasOwn(record, key) ? record[key] : undefined;
}
