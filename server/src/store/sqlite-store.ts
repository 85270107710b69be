/** The embedded default store: node:sqlite (no native addon, no server). */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { RULES_VERSION, type GameRecord } from "@firebreak/shared";
import type { StoredEntry } from "../session/journal.ts";
import type { Checkpoint, Closure, JournalStore, StoredGame, StoredUpload } from "./journal-store.ts";

/**
 * The rules version of every game in a store made before the store kept one: rules v2, the engine's version
 * when the `rules` column was added. Such a game is replayed under other rules only if its journal proves it
 * (restore.ts).
 */
export const UNVERSIONED_RULES = 2;

/** Brings a store made by an older server up to this schema in place; every row it holds is kept. */
function migrate(db: DatabaseSync): void {
  const columns = new Set(
    (db.prepare("PRAGMA table_info(games)").all() as Array<{ name: string }>).map((c) => c.name),
  );
  const add: string[] = [];
  // Stores made before quarantine existed: NULL, not quarantined.
  if (!columns.has("quarantine")) add.push("ALTER TABLE games ADD COLUMN quarantine TEXT");
  // Stores made before rules versions were kept: every game in them was made under rules v2.
  if (!columns.has("rules"))
    add.push(`ALTER TABLE games ADD COLUMN rules INTEGER NOT NULL DEFAULT ${UNVERSIONED_RULES}`);
  // The record kept at the end, why the server closed a game, its latest state: none kept before (NULL).
  if (!columns.has("record")) add.push("ALTER TABLE games ADD COLUMN record TEXT");
  if (!columns.has("closed")) add.push("ALTER TABLE games ADD COLUMN closed TEXT");
  if (!columns.has("checkpoint")) add.push("ALTER TABLE games ADD COLUMN checkpoint TEXT");
  if (add.length === 0) return;
  db.exec("BEGIN");
  try {
    for (const sql of add) db.exec(sql);
    db.exec("COMMIT");
  } catch (e) {
    db.exec("ROLLBACK");
    throw e;
  }
}

interface GameRow {
  id: string;
  code: string;
  ended: number;
  rules: number;
  closed: string | null;
}

function storedGame(r: GameRow): StoredGame {
  return {
    id: r.id,
    code: r.code,
    ended: r.ended === 1,
    rules: Number(r.rules),
    closed: r.closed === null ? null : (JSON.parse(r.closed) as Closure),
  };
}

const GAME_COLUMNS = "id, code, ended, rules, closed";

/**
 * Opens (creating if needed) the SQLite journal at `path` (":memory:": one that lives only as long as the
 * process).
 */
export function openSqliteStore(path: string): JournalStore {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const db = new DatabaseSync(path);
  db.exec(`
    PRAGMA journal_mode = WAL;
    PRAGMA synchronous = NORMAL;
    CREATE TABLE IF NOT EXISTS games (id TEXT PRIMARY KEY, code TEXT NOT NULL, created INTEGER NOT NULL, ended INTEGER NOT NULL DEFAULT 0);
    CREATE TABLE IF NOT EXISTS journal (game TEXT NOT NULL, seq INTEGER NOT NULL, entry TEXT NOT NULL, PRIMARY KEY (game, seq));
    CREATE INDEX IF NOT EXISTS games_code ON games (code);
    CREATE TABLE IF NOT EXISTS uploads (id TEXT PRIMARY KEY, key_hash TEXT NOT NULL, scenario TEXT NOT NULL, at INTEGER NOT NULL);
  `);
  migrate(db);
  const insertGame = db.prepare("INSERT INTO games (id, code, created, rules) VALUES (?, ?, ?, ?)");
  const nextSeq = db.prepare("SELECT COALESCE(MAX(seq), -1) + 1 AS n FROM journal WHERE game = ?");
  const insertEntry = db.prepare("INSERT INTO journal (game, seq, entry) VALUES (?, ?, ?)");
  const selectEntries = db.prepare("SELECT entry FROM journal WHERE game = ? ORDER BY seq");
  const selectGame = db.prepare(`SELECT ${GAME_COLUMNS} FROM games WHERE id = ?`);
  const selectLastWithCode = db.prepare(
    `SELECT ${GAME_COLUMNS} FROM games WHERE code = ? ORDER BY created DESC, rowid DESC LIMIT 1`,
  );
  const updateRules = db.prepare("UPDATE games SET rules = ? WHERE id = ?");
  const updateCheckpoint = db.prepare("UPDATE games SET checkpoint = ? WHERE id = ?");
  const selectCheckpoint = db.prepare("SELECT checkpoint FROM games WHERE id = ?");
  const markEnded = db.prepare(
    "UPDATE games SET ended = 1, record = COALESCE(?, record), checkpoint = NULL WHERE id = ?",
  );
  const markClosed = db.prepare(
    "UPDATE games SET ended = 1, closed = ?, record = ?, checkpoint = NULL, code = ? WHERE id = ?",
  );
  const selectRecord = db.prepare("SELECT record FROM games WHERE id = ?");
  const selectUnfinished = db.prepare(
    `SELECT ${GAME_COLUMNS} FROM games WHERE ended = 0 AND quarantine IS NULL ORDER BY created`,
  );
  const markQuarantined = db.prepare("UPDATE games SET quarantine = ? WHERE id = ?");
  const insertUpload = db.prepare("INSERT INTO uploads (id, key_hash, scenario, at) VALUES (?, ?, ?, ?)");
  const selectUpload = db.prepare("SELECT id, key_hash, scenario, at FROM uploads WHERE id = ?");
  const deleteUpload = db.prepare("DELETE FROM uploads WHERE id = ?");
  const seqs = new Map<string, number>();
  const count = (id: string): number => {
    const seq = seqs.get(id);
    return seq ?? Number((nextSeq.get(id) as { n: number }).n);
  };
  const append = (id: string, entry: StoredEntry): void => {
    const seq = count(id);
    insertEntry.run(id, seq, JSON.stringify(entry));
    seqs.set(id, seq + 1);
  };
  return {
    create(id, code, entry, rules = RULES_VERSION) {
      db.exec("BEGIN");
      try {
        insertGame.run(id, code, entry.at, rules);
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
    game(id) {
      const r = selectGame.get(id) as GameRow | undefined;
      return r ? storedGame(r) : null;
    },
    closedWithCode(code) {
      const r = selectLastWithCode.get(code) as GameRow | undefined;
      return r && r.closed !== null ? storedGame(r) : null;
    },
    setRules(id, rules) {
      updateRules.run(rules, id);
    },
    checkpoint(id, cp) {
      const kept: Checkpoint = { entries: count(id), ...cp };
      updateCheckpoint.run(JSON.stringify(kept), id);
    },
    lastCheckpoint(id) {
      const r = selectCheckpoint.get(id) as { checkpoint: string | null } | undefined;
      return r?.checkpoint ? (JSON.parse(r.checkpoint) as Checkpoint) : null;
    },
    finish(id, record = null) {
      markEnded.run(record === null ? null : JSON.stringify(record), id);
    },
    closeGame(id, closure, record) {
      markClosed.run(JSON.stringify(closure), JSON.stringify(record), closure.code, id);
    },
    record(id) {
      const r = selectRecord.get(id) as { record: string | null } | undefined;
      return r?.record ? (JSON.parse(r.record) as GameRecord) : null;
    },
    unfinished() {
      return (selectUnfinished.all() as unknown as GameRow[]).map(storedGame);
    },
    quarantine(id, reason) {
      markQuarantined.run(reason.slice(0, 1000), id);
    },
    saveUpload(u) {
      insertUpload.run(u.id, u.keyHash, u.scenario, u.at);
    },
    upload(id) {
      const r = selectUpload.get(id) as
        | { id: string; key_hash: string; scenario: string; at: number }
        | undefined;
      return r
        ? ({ id: r.id, keyHash: r.key_hash, scenario: r.scenario, at: Number(r.at) } satisfies StoredUpload)
        : null;
    },
    removeUpload(id) {
      deleteUpload.run(id);
    },
    close() {
      db.close();
    },
  };
}
