/** The PostgreSQL store's operations, as its worker carries them out: one per `JournalStore` method, same behaviour as SQLite's. */
import type pg from "pg";
import type { StoredEntry } from "../session/journal.ts";
import type { Checkpoint, Closure, StoredGame } from "./journal-store.ts";

/** What the worker is started with. */
export interface PgSettings {
  url: string;
  timeoutMs: number;
}

interface GameRow {
  id: string;
  code: string;
  ended: boolean;
  rules: number;
  closed: string | null;
}

const GAME_COLUMNS = "id, code, ended, rules, closed";

function storedGame(r: GameRow): StoredGame {
  return {
    id: r.id,
    code: r.code,
    ended: r.ended,
    rules: Number(r.rules),
    closed: r.closed === null ? null : (JSON.parse(r.closed) as Closure),
  };
}

const str = (v: unknown): string => String(v);

/** Appends an entry as the next of its game: the number is taken in the same statement, so it cannot be skipped. */
async function append(c: pg.Client, id: string, entry: unknown): Promise<void> {
  await c.query(
    "INSERT INTO journal (game, seq, entry) SELECT $1, COALESCE(MAX(seq), -1) + 1, $2 FROM journal WHERE game = $1",
    [id, JSON.stringify(entry)],
  );
}

type Operation = (c: pg.Client, args: unknown[]) => Promise<unknown>;

/** Every operation by name; the arguments are the `JournalStore` method's, as the caller sent them. */
export const PG_OPERATIONS: Record<string, Operation> = {
  async create(c, [id, code, entry, rules]) {
    await c.query("BEGIN");
    await c.query("INSERT INTO games (id, code, created, rules) VALUES ($1, $2, $3, $4)", [
      str(id),
      str(code),
      (entry as StoredEntry).at,
      Number(rules),
    ]);
    await append(c, str(id), entry);
    await c.query("COMMIT");
    return null;
  },
  async append(c, [id, entry]) {
    await append(c, str(id), entry);
    return null;
  },
  async entries(c, [id]) {
    const r = await c.query<{ entry: string }>("SELECT entry FROM journal WHERE game = $1 ORDER BY seq", [
      str(id),
    ]);
    return r.rows.map((row) => JSON.parse(row.entry) as StoredEntry);
  },
  async game(c, [id]) {
    const r = await c.query<GameRow>(`SELECT ${GAME_COLUMNS} FROM games WHERE id = $1`, [str(id)]);
    return r.rows[0] ? storedGame(r.rows[0]) : null;
  },
  async closedWithCode(c, [code]) {
    const r = await c.query<GameRow>(
      `SELECT ${GAME_COLUMNS} FROM games WHERE code = $1 ORDER BY created DESC, ord DESC LIMIT 1`,
      [str(code)],
    );
    const row = r.rows[0];
    return row && row.closed !== null ? storedGame(row) : null;
  },
  async setRules(c, [id, rules]) {
    await c.query("UPDATE games SET rules = $2 WHERE id = $1", [str(id), Number(rules)]);
    return null;
  },
  async checkpoint(c, [id, cp]) {
    const n = await c.query<{ n: number }>(
      "SELECT COALESCE(MAX(seq), -1) + 1 AS n FROM journal WHERE game = $1",
      [str(id)],
    );
    const kept: Checkpoint = { entries: Number(n.rows[0]?.n ?? 0), ...(cp as Omit<Checkpoint, "entries">) };
    await c.query("UPDATE games SET checkpoint = $2 WHERE id = $1", [str(id), JSON.stringify(kept)]);
    return null;
  },
  async lastCheckpoint(c, [id]) {
    const r = await c.query<{ checkpoint: string | null }>("SELECT checkpoint FROM games WHERE id = $1", [
      str(id),
    ]);
    const text = r.rows[0]?.checkpoint;
    return text ? (JSON.parse(text) as Checkpoint) : null;
  },
  async finish(c, [id, record]) {
    await c.query(
      "UPDATE games SET ended = TRUE, record = COALESCE($2, record), checkpoint = NULL WHERE id = $1",
      [str(id), record === null || record === undefined ? null : JSON.stringify(record)],
    );
    return null;
  },
  async closeGame(c, [id, closure, record]) {
    await c.query(
      "UPDATE games SET ended = TRUE, closed = $2, record = $3, checkpoint = NULL, code = $4 WHERE id = $1",
      [str(id), JSON.stringify(closure), JSON.stringify(record), (closure as Closure).code],
    );
    return null;
  },
  async record(c, [id]) {
    const r = await c.query<{ record: string | null }>("SELECT record FROM games WHERE id = $1", [str(id)]);
    const text = r.rows[0]?.record;
    return text ? JSON.parse(text) : null;
  },
  async unfinished(c) {
    const r = await c.query<GameRow>(
      `SELECT ${GAME_COLUMNS} FROM games WHERE NOT ended AND quarantine IS NULL ORDER BY created, ord`,
    );
    return r.rows.map(storedGame);
  },
  async quarantine(c, [id, reason]) {
    await c.query("UPDATE games SET quarantine = $2 WHERE id = $1", [str(id), str(reason).slice(0, 1000)]);
    return null;
  },
};
