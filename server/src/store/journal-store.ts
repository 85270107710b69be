/** Where sessions are journalled. Every accepted request is appended before it is answered. */
import type { GameRecord } from "@firebreak/shared";
import type { StoredEntry } from "../session/journal.ts";

/**
 * Why a game was ended by the server rather than by play: a server running other rules could not replay it
 * faithfully.
 */
export interface Closure {
  reason: "rulesChanged";
  /** The rules version the game was made under, and the one of the server that closed it. */
  rules: number;
  engine: number;
  /** When it was closed (ms since the epoch). */
  at: number;
  /** Its join code when it was closed (the latest, after any `fac:code`): the code its members know. */
  code: string;
  /** The notice its members get (docs/protocol.md §2). */
  message: string;
  /** Where the journal parted from this engine's game, for operators (not shown to members). */
  why: string;
}

/** A game as listed by the store. */
export interface StoredGame {
  id: string;
  code: string;
  ended: boolean;
  /**
   * The rules version the game is played under (`RULES_VERSION` when it was made, or when a later engine
   * verified it).
   */
  rules: number;
  /** Set when the server closed the game (it is then also `ended`). */
  closed: Closure | null;
}

/**
 * The canonical game state at a turn boundary (the start, each resolution, the end), kept so that a game no
 * engine can replay any more can still be shown. `state` is as the engine of the game's rules version made
 * it.
 */
export interface Checkpoint {
  /** How many journal entries lead to it (the entries after those are not in it). */
  entries: number;
  hash: string;
  state: unknown;
  /** Who held each seat then, as a record names them (`bot:<persona>` or `human`). */
  seats: GameRecord["seats"];
}

/**
 * Which process runs which game, when several processes share one store (PostgreSQL): a lease per game, held
 * while the process lives and released when it dies, so two processes never run the same game. A single
 * process needs none.
 */
export interface GameLeases {
  /**
   * Takes the game for this process; false when another process holds it. Taking one already held here is
   * true.
   */
  claim(id: string): boolean;
  /** Gives the game up (it finished, or this process will not run it after all). */
  release(id: string): void;
  /**
   * Takes every unfinished, unquarantined game no process holds, oldest first: the games this process should
   * restore.
   */
  claimOrphans(): StoredGame[];
}

/**
 * A scenario a facilitator uploaded (docs/protocol.md §3.2): kept as its validated JSON, with a hash of its
 * owner key.
 */
export interface StoredUpload {
  /** The upload id (`u-…`), also the scenario's id once stored. */
  id: string;
  /** SHA-256 (hex) of the owner key; the key itself is never stored. */
  keyHash: string;
  /** The validated scenario as JSON text. */
  scenario: string;
  /** When it was uploaded (ms since the epoch). */
  at: number;
}

/**
 * A durable, append-only journal per game. Methods throw when the store fails; the room then rejects with
 * STORE_FAILED.
 */
export interface JournalStore {
  /** Registers a new game with its create entry, played under rules `rules` (default: this engine's). */
  create(id: string, code: string, entry: StoredEntry, rules?: number): void;
  /** Appends one entry; durable when it returns. */
  append(id: string, entry: StoredEntry): void;
  /** Every entry of a game, in order. */
  entries(id: string): StoredEntry[];
  /** A game by id, or null. */
  game(id: string): StoredGame | null;
  /**
   * The game that last had this join code (the most recent to be made with it, or closed with it) if the
   * server closed it, or null.
   */
  closedWithCode(code: string): StoredGame | null;
  /** Records that a game is now played under rules `rules` (its journal was verified under them). */
  setRules(id: string, rules: number): void;
  /** Keeps the game's state after every entry appended so far (replacing the one kept before). */
  checkpoint(id: string, cp: Omit<Checkpoint, "entries">): void;
  /** The latest state kept for a game, or null. */
  lastCheckpoint(id: string): Checkpoint | null;
  /**
   * Marks a game finished (it is no longer restored), keeping its record (with its final state) when given.
   */
  finish(id: string, record?: GameRecord | null): void;
  /**
   * Ends a game the server will not replay (see `Closure`), keeping the record that still shows it and its
   * latest code.
   */
  closeGame(id: string, closure: Closure, record: GameRecord): void;
  /** The record kept when the game finished or was closed, or null. */
  record(id: string): GameRecord | null;
  /** Games not finished and not quarantined, to restore after a restart. */
  unfinished(): StoredGame[];
  /**
   * Sets a game aside whose journal cannot be replayed: it is no longer restored; its entries stay for
   * inspection.
   */
  quarantine(id: string, reason: string): void;
  /** Keeps an uploaded scenario; throws if its id is taken. */
  saveUpload(upload: StoredUpload): void;
  /** An uploaded scenario by id, or null. */
  upload(id: string): StoredUpload | null;
  /** Removes an uploaded scenario (its owner deleted it, unused); nothing when there is none. */
  removeUpload(id: string): void;
  /**
   * Present when processes share the store: creating a game claims it, finishing or closing it releases it.
   */
  leases?: GameLeases;
  close(): void;
}
