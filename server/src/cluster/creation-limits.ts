/**
 * The creation limits across a cluster (FIREBREAK_REDIS_URL): FIREBREAK_MAX_GAMES counts the rooms of every
 * process, and FIREBREAK_CREATES_PER_WINDOW the creations from one address through any process, both in the
 * Redis the processes share. One process keeps its own counts (http/matchmake-admission.ts), which also hold
 * in each process of a cluster and can only be stricter.
 */
import { matchMaker } from "@colyseus/core";
import { MAX_TABLES } from "@firebreak/shared";
import { creationLimited, currentCreationLimits, serverFull } from "../http/limits.ts";
import { rateKey } from "../http/rate-key.ts";
import { services } from "../services.ts";

/** The hash in which Colyseus's Redis driver lists every room of the cluster (one field a room). */
const ROOM_LISTING_KEY = "roomcaches";
/** The prefix of the hashes counting creations per address, one hash a window. */
const CREATIONS_KEY = "firebreak:creations:";

/** The client address of each creation the admission let through, until the cluster's check reads it. */
const addressOf = new WeakMap<object, string>();

/**
 * Remembers the address a creation came from (its options object travels on to `admitClusterCreation`, which
 * Colyseus calls when it chooses the process).
 */
export function noteCreation(options: unknown, address: string): void {
  if (typeof options === "object" && options !== null) addressOf.set(options, address);
}

/**
 * The rooms a creation of room type `name` opens: one, and for an exercise its tables too (the count asked for,
 * read defensively: the room's own schema check comes later).
 */
export function roomsOpened(name: string, options: unknown): number {
  if (name !== "exercise" || typeof options !== "object" || options === null) return 1;
  const tables = Object.hasOwn(options, "tables") ? (options as { tables: unknown }).tables : undefined;
  return typeof tables === "number" && Number.isInteger(tables) && tables >= 1 && tables <= MAX_TABLES
    ? 1 + tables
    : 1;
}

/**
 * Refuses (throws `Error("CODE: message")`) a creation past the cluster's limits, counting it toward its
 * address's; `rooms` is how many rooms it opens (an exercise: its tables too). Creations the admission did not
 * see (the server's own rooms) pass.
 */
export async function admitClusterCreation(options: unknown, rooms = 1): Promise<void> {
  if (typeof options !== "object" || options === null) return;
  const address = addressOf.get(options);
  if (address === undefined) return;
  addressOf.delete(options);
  const limits = currentCreationLimits();
  const presence = matchMaker.presence;
  // Every room listed, in every process (an exercise's lobby too); a room is listed before its creation is
  // answered, so creations one after another are counted exactly.
  if ((await presence.hlen(ROOM_LISTING_KEY)) + rooms > limits.maxGames) throw serverFull(limits);
  // A window per clock interval, the previous one weighted by how much of it the sliding window still covers.
  const w = limits.createWindowMs;
  const now = services().now();
  const index = Math.floor(now / w);
  const key = rateKey(address);
  const seconds = Math.max(1, Math.ceil((2 * w) / 1000));
  const current = await presence.hincrbyex(`${CREATIONS_KEY}${index}`, key, 1, seconds);
  const previous = Number((await presence.hget(`${CREATIONS_KEY}${index - 1}`, key)) ?? 0);
  if (current + Math.floor(previous * (1 - (now - index * w) / w)) > limits.createsPerWindow)
    throw creationLimited(limits);
}
