/** Where sessions are journalled. Every accepted request is appended before it is answered. */
import type { StoredEntry } from "../session/journal.ts";

/** A game as listed by the store. */
export interface StoredGame {
  id: string;
  code: string;
  ended: boolean;
}

/** A durable, append-only journal per game. Methods throw when the store fails; the room then rejects with STORE_FAILED. */
export interface JournalStore {
  /** Registers a new game with its create entry. */
  create(id: string, code: string, entry: StoredEntry): void;
  /** Appends one entry; durable when it returns. */
  append(id: string, entry: StoredEntry): void;
  /** Every entry of a game, in order. */
  entries(id: string): StoredEntry[];
  /** Marks a game finished (it is no longer restored). */
  finish(id: string): void;
  /** Games not finished and not quarantined, to restore after a restart. */
  unfinished(): StoredGame[];
  /** Sets a game aside whose journal cannot be replayed: it is no longer restored; its entries stay for inspection. */
  quarantine(id: string, reason: string): void;
  close(): void;
}
