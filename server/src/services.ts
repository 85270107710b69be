/** Process-wide services the rooms use, set once at start-up. */
import { randomBytes } from "node:crypto";
import type { Scenario } from "@firebreak/shared";
import type { BotPool } from "./bots/pool.ts";
import type { JournalStore } from "./store/journal-store.ts";

/** What a room needs from the process. */
export interface Services {
  store: JournalStore;
  scenario(id: string): Scenario | null;
  /** Seconds a dropped client may reconnect with Colyseus' reconnection token. */
  reconnectSeconds: number;
  /** Default seconds before a bot takes over a seat left empty (0 = never). */
  takeoverSeconds: number;
  /** Clock for journal timestamps (tests may replace it). */
  now(): number;
  /** Worker threads for `hard` bots' decisions (size 0: they decide on the room's thread). */
  bots: BotPool;
  /**
   * Seconds a game with nobody connected and no running clock stays in memory before it sleeps (0 = never).
   */
  idleSeconds: number;
}

let current: Services | null = null;

/** Installs the services (at start-up). */
export function setServices(s: Services): void {
  current = s;
}

/** The installed services. */
export function services(): Services {
  if (!current) throw new Error("services not installed");
  return current;
}

/** A secret only this process knows: rooms are restored with it, so no client can ask for a restore. */
export const RESTORE_KEY = randomBytes(24).toString("base64url");
