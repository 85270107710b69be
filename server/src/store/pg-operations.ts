/**
 * The PostgreSQL store's operations, as its worker carries them out: one per `JournalStore` method, same
 * behaviour as SQLite's.
 */
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

/**
 * What the worker knows beyond the database: the games whose lease it holds or lost, and each game's next
 * entry number.
 */
export interface PgWorkerState {
  held: Set<string>;
  lost: Set<string>;
  next: Map<string, number>;
}

/** A new worker's state: no leases, no entries written. */
export function freshState(): PgWorkerState {
  return { held: new Set(), lost: new Set(), next: new Map() };
}

/**
 * The lease's lock: a session-level advisory lock on the game id's 64-bit hash, released when the connection
 * ends.
 */
const LOCK = "pg_try_advisory_lock(hashtextextended($1, 0)) AS ok";

/** Takes the lease of a game; true when this connection holds it now. */
export async function lock(c: pg.Client, id: string): Promise<boolean> {
  return (await c.query<{ ok: boolean }>(`SELECT ${LOCK}`, [id])).rows[0]?.ok === true;
}

/**
 * Refuses a write to a game whose lease this process lost (its connection broke and another process took the
 * game).
 */
function writable(st: PgWorkerState, id: string): string {
  if (st.lost.has(id)) throw new Error(`LEASE_LOST: another process runs game ${id} now`);
  return id;
}

/**
 * Appends an entry as the game's next. When this process knows how many entries the game has (it created the
 * game or read its journal), the number is given: a second process writing the same game makes the insert
 * fail (the fence).
 */
async function append(c: pg.Client, st: PgWorkerState, id: string, entry: unknown): Promise<void> {
  const text = JSON.stringify(entry);
  const n = st.next.get(id);
  try {
    if (n !== undefined) {
      await c.query("INSERT INTO journal (game, seq, entry) VALUES ($1, $2, $3)", [id, n, text]);
      st.next.set(id, n + 1);
      return;
    }
    const r = await c.query<{ seq: number }>(
      "INSERT INTO journal (game, seq, entry) SELECT $1, COALESCE(MAX(seq), -1) + 1, $2 FROM journal WHERE game = $1 RETURNING seq",
      [id, text],
    );
    st.next.set(id, Number(r.rows[0]?.seq ?? 0) + 1);
  } catch (e) {
    if ((e as { code?: string }).code === "23505" && n !== undefined) {
      st.next.delete(id);
      throw new Error(`LEASE_LOST: another process wrote entry ${n} of game ${id}`);
    }
    throw e;
  }
}

type Operation = (c: pg.Client, args: unknown[], st: PgWorkerState) => Promise<unknown>;

/**
 * Every operation by name; the arguments are the `JournalStore` (or `GameLeases`) method's, as the caller
 * sent them.
 */
export const PG_OPERATIONS: Record<string, Operation> = {
  async create(c, [id, code, entry, rules], st) {
    await c.query("BEGIN");
    await c.query("INSERT INTO games (id, code, created, rules) VALUES ($1, $2, $3, $4)", [
      str(id),
      str(code),
      (entry as StoredEntry).at,
      Number(rules),
    ]);
    await c.query("INSERT INTO journal (game, seq, entry) VALUES ($1, 0, $2)", [
      str(id),
      JSON.stringify(entry),
    ]);
    // The lease is taken before the game is visible to other processes, so none of them adopts it as an
    // orphan.
    if (!(await lock(c, str(id)))) throw new Error(`LEASE_LOST: game ${str(id)} is held elsewhere`);
    await c.query("COMMIT");
    st.held.add(str(id));
    st.lost.delete(str(id));
    st.next.set(str(id), 1);
    return null;
  },
  async append(c, [id, entry], st) {
    await append(c, st, writable(st, str(id)), entry);
    return null;
  },
  async entries(c, [id], st) {
    const r = await c.query<{ entry: string }>("SELECT entry FROM journal WHERE game = $1 ORDER BY seq", [
      str(id),
    ]);
    // A game this process holds is read to be restored: its next entry is the one after these.
    if (st.held.has(str(id))) st.next.set(str(id), r.rows.length);
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
  async setRules(c, [id, rules], st) {
    await c.query("UPDATE games SET rules = $2 WHERE id = $1", [writable(st, str(id)), Number(rules)]);
    return null;
  },
  async checkpoint(c, [id, cp], st) {
    const n =
      st.next.get(writable(st, str(id))) ??
      Number(
        (
          await c.query<{ n: number }>(
            "SELECT COALESCE(MAX(seq), -1) + 1 AS n FROM journal WHERE game = $1",
            [str(id)],
          )
        ).rows[0]?.n ?? 0,
      );
    const kept: Checkpoint = { entries: n, ...(cp as Omit<Checkpoint, "entries">) };
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
  async finish(c, [id, record], st) {
    await c.query(
      "UPDATE games SET ended = TRUE, record = COALESCE($2, record), checkpoint = NULL WHERE id = $1",
      [writable(st, str(id)), record === null || record === undefined ? null : JSON.stringify(record)],
    );
    await release(c, st, str(id));
    return null;
  },
  async closeGame(c, [id, closure, record], st) {
    await c.query(
      "UPDATE games SET ended = TRUE, closed = $2, record = $3, checkpoint = NULL, code = $4 WHERE id = $1",
      [writable(st, str(id)), JSON.stringify(closure), JSON.stringify(record), (closure as Closure).code],
    );
    await release(c, st, str(id));
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
  async quarantine(c, [id, reason], st) {
    await c.query("UPDATE games SET quarantine = $2 WHERE id = $1", [
      writable(st, str(id)),
      str(reason).slice(0, 1000),
    ]);
    await release(c, st, str(id));
    return null;
  },
  async saveUpload(c, [upload]) {
    const u = upload as { id: string; keyHash: string; scenario: string; at: number };
    await c.query("INSERT INTO uploads (id, key_hash, scenario, at) VALUES ($1, $2, $3, $4)", [
      str(u.id),
      str(u.keyHash),
      str(u.scenario),
      Number(u.at),
    ]);
    return null;
  },
  async upload(c, [id]) {
    const r = await c.query<{ id: string; key_hash: string; scenario: string; at: string }>(
      "SELECT id, key_hash, scenario, at FROM uploads WHERE id = $1",
      [str(id)],
    );
    const row = r.rows[0];
    return row ? { id: row.id, keyHash: row.key_hash, scenario: row.scenario, at: Number(row.at) } : null;
  },
  async removeUpload(c, [id]) {
    await c.query("DELETE FROM uploads WHERE id = $1", [str(id)]);
    return null;
  },
  async claim(c, [id], st) {
    if (st.held.has(str(id))) return true;
    if (!(await lock(c, str(id)))) return false;
    st.held.add(str(id));
    st.lost.delete(str(id));
    return true;
  },
  async release(c, [id], st) {
    await release(c, st, str(id));
    return null;
  },
  async claimOrphans(c, _args, st) {
    // Filtered first (MATERIALIZED), so only unfinished games are locked; those this process holds are left
    // out.
    const r = await c.query<GameRow>(
      `WITH c AS MATERIALIZED (SELECT ${GAME_COLUMNS}, created, ord FROM games WHERE NOT ended AND quarantine IS NULL AND NOT (id = ANY($1::text[])))
       SELECT ${GAME_COLUMNS} FROM c WHERE pg_try_advisory_lock(hashtextextended(id, 0)) ORDER BY created, ord`,
      [[...st.held]],
    );
    for (const row of r.rows) {
      st.held.add(row.id);
      st.lost.delete(row.id);
    }
    return r.rows.map(storedGame);
  },
};

/** Gives up a game's lease, if this process holds it. */
async function release(c: pg.Client, st: PgWorkerState, id: string): Promise<void> {
  if (!st.held.delete(id)) return;
  st.next.delete(id);
  await c.query("SELECT pg_advisory_unlock(hashtextextended($1, 0))", [id]);
}
