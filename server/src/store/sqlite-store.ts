/** The embedded default store: node:sqlite (no native addon, no server). */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { DatabaseSync } from "node:sqlite";
import type { StoredEntry } from "../session/journal.ts";
import type { JournalStore, StoredGame } from "./journal-store.ts";

/** Opens (creating if needed) the SQLite journal at `path` (":memory:": one that lives only as long as the process). */
export function openSqliteStore(path: string): JournalStore {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const db = new DatabaseSync(path);
  db.exec(`
    PRAGMA journal_mode = WAL;
    PRAGMA synchronous = NORMAL;
    CREATE TABLE IF NOT EXISTS games (id TEXT PRIMARY KEY, code TEXT NOT NULL, created INTEGER NOT NULL, ended INTEGER NOT NULL DEFAULT 0);
    CREATE TABLE IF NOT EXISTS journal (game TEXT NOT NULL, seq INTEGER NOT NULL, entry TEXT NOT NULL, PRIMARY KEY (game, seq));
  `);
  // Stores made before quarantine existed gain the column (NULL: not quarantined).
  const columns = (db.prepare("PRAGMA table_info(games)").all() as Array<{ name: string }>).map(
    (c) => c.name,
  );
  if (!columns.includes("quarantine")) db.exec("ALTER TABLE games ADD COLUMN quarantine TEXT");
  const insertGame = db.prepare("INSERT INTO games (id, code, created) VALUES (?, ?, ?)");
  const nextSeq = db.prepare("SELECT COALESCE(MAX(seq), -1) + 1 AS n FROM journal WHERE game = ?");
  const insertEntry = db.prepare("INSERT INTO journal (game, seq, entry) VALUES (?, ?, ?)");
  const selectEntries = db.prepare("SELECT entry FROM journal WHERE game = ? ORDER BY seq");
  const markEnded = db.prepare("UPDATE games SET ended = 1 WHERE id = ?");
  const selectUnfinished = db.prepare(
    "SELECT id, code, ended FROM games WHERE ended = 0 AND quarantine IS NULL ORDER BY created",
  );
  const markQuarantined = db.prepare("UPDATE games SET quarantine = ? WHERE id = ?");
  const seqs = new Map<string, number>();
  const append = (id: string, entry: StoredEntry): void => {
    let seq = seqs.get(id);
    if (seq === undefined) seq = Number((nextSeq.get(id) as { n: number }).n);
    insertEntry.run(id, seq, JSON.stringify(entry));
    seqs.set(id, seq + 1);
  };
  return {
    create(id, code, entry) {
      db.exec("BEGIN");
      try {
        insertGame.run(id, code, entry.at);
        append(id, entry);
        db.exec("COMMIT");
      } catch (e) {
        db.exec("ROLLBACK");
        seqs.delete(id);
        throw e;
      }
    },
    append,
    entries(id) {
      return (selectEntries.all(id) as Array<{ entry: string }>).map(
        (r) => JSON.parse(r.entry) as StoredEntry,
      );
    },
    finish(id) {
      markEnded.run(id);
    },
    unfinished() {
      return (selectUnfinished.all() as Array<{ id: string; code: string; ended: number }>).map(
        (r): StoredGame => ({ id: r.id, code: r.code, ended: r.ended === 1 }),
      );
    },
    quarantine(id, reason) {
      markQuarantined.run(reason.slice(0, 1000), id);
    },
    close() {
      db.close();
    },
  };
}
