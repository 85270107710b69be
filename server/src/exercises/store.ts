/**
 * Where exercises are kept: a table `exercises` beside the games, in the same SQLite file (its own
 * connection; WAL lets both write) or, when the games are in PostgreSQL, in the same database
 * (store/pg-exercise-store.ts).
 * Each exercise is one row holding it whole; its tables are games in the journal store.
 */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { DatabaseSync } from "node:sqlite";
import type { Exercise } from "./model.ts";

/** The exercises of a server. Methods throw when the store fails. */
export interface ExerciseStore {
  /** True when other processes share the store (a cluster): what one saves, the others read. */
  readonly shared: boolean;
  /** Saves an exercise (made or changed). */
  save(ex: Exercise): void;
  /** Every exercise kept, oldest first. */
  all(): Exercise[];
  /** An exercise by id, or null. */
  byId(id: string): Exercise | null;
  /** The newest exercise with this join code, or null. */
  byCode(code: string): Exercise | null;
  /** Removes an exercise (pruning); its games stay in the journal. */
  remove(id: string): void;
  /**
   * Takes the lease of an exercise's room: true when this process may run it (always, alone; in a cluster, an
   * advisory lock held until released or the process dies).
   */
  claim(id: string): boolean;
  /** Gives an exercise's lease back. */
  release(id: string): void;
  /**
   * Takes the lease of every exercise no process holds (at most `limit`, oldest first) and returns their ids:
   * what a process adopts (alone: every exercise, all held by the one process).
   */
  claimFree(limit: number): string[];
  close(): void;
}

/**
 * Opens (creating if needed) the exercise table in the SQLite file at `path` (":memory:": one that lives with
 * the process).
 */
export function openExerciseStore(path: string): ExerciseStore {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const db = new DatabaseSync(path);
  db.exec(`
    PRAGMA journal_mode = WAL;
    PRAGMA busy_timeout = 5000;
    CREATE TABLE IF NOT EXISTS exercises
      (id TEXT PRIMARY KEY, code TEXT NOT NULL, created INTEGER NOT NULL, data TEXT NOT NULL);
  `);
  const upsert = db.prepare(
    "INSERT INTO exercises (id, code, created, data) VALUES (?, ?, ?, ?) ON CONFLICT(id) DO UPDATE " +
      "SET code = excluded.code, data = excluded.data",
  );
  const selectAll = db.prepare("SELECT data FROM exercises ORDER BY created, rowid");
  const selectId = db.prepare("SELECT data FROM exercises WHERE id = ?");
  const selectCode = db.prepare(
    "SELECT data FROM exercises WHERE code = ? ORDER BY created DESC, rowid DESC",
  );
  const del = db.prepare("DELETE FROM exercises WHERE id = ?");
  const selectIds = db.prepare("SELECT id FROM exercises ORDER BY created, rowid LIMIT ?");
  const one = (row: unknown): Exercise | null =>
    row === undefined ? null : (JSON.parse((row as { data: string }).data) as Exercise);
  return {
    shared: false,
    save(ex) {
      upsert.run(ex.id, ex.code, ex.createdAt, JSON.stringify(ex));
    },
    all() {
      return (selectAll.all() as Array<{ data: string }>).map((r) => JSON.parse(r.data) as Exercise);
    },
    byId: (id) => one(selectId.get(id)),
    byCode: (code) => one(selectCode.get(code)),
    remove(id) {
      del.run(id);
    },
    claim: () => true,
    release() {},
    claimFree: (limit) => (selectIds.all(limit) as Array<{ id: string }>).map((r) => r.id),
    close() {
      db.close();
    },
  };
}
