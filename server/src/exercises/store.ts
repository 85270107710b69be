/**
 * Where exercises are kept: a table `exercises` beside the games in the same SQLite file (its own connection;
 * WAL lets both write). Each exercise is one row holding it whole; its tables are games in the journal store.
 */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { DatabaseSync } from "node:sqlite";
import type { Exercise } from "./model.ts";

/** The exercises of a server. Methods throw when the store fails. */
export interface ExerciseStore {
  /** Saves an exercise (made or changed). */
  save(ex: Exercise): void;
  /** Every exercise kept, oldest first. */
  all(): Exercise[];
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
    CREATE TABLE IF NOT EXISTS exercises (id TEXT PRIMARY KEY, code TEXT NOT NULL, created INTEGER NOT NULL, data TEXT NOT NULL);
  `);
  const upsert = db.prepare(
    "INSERT INTO exercises (id, code, created, data) VALUES (?, ?, ?, ?) ON CONFLICT(id) DO UPDATE " +
      "SET code = excluded.code, data = excluded.data",
  );
  const selectAll = db.prepare("SELECT data FROM exercises ORDER BY created, rowid");
  return {
    save(ex) {
      upsert.run(ex.id, ex.code, ex.createdAt, JSON.stringify(ex));
    },
    all() {
      return (selectAll.all() as Array<{ data: string }>).map((r) => JSON.parse(r.data) as Exercise);
    },
    close() {
      db.close();
    },
  };
}
