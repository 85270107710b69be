/**
 * The PostgreSQL exercise store's worker thread: one `pg` connection of its own (so an exercise's lease, an
 * advisory lock, lives and dies with it), carrying out the exercise store's operations in order.
 */
import { workerData } from "node:worker_threads";
import pg from "pg";
import { migrate } from "./pg-migrations.ts";
import type { PgSettings } from "./pg-operations.ts";
import { serveSyncCalls, type SyncWorkerData } from "./sync-call.ts";

const data = workerData as SyncWorkerData<PgSettings>;
let client: pg.Client | null = null;
/** Exercises whose lease this connection holds (taken again after a broken connection, when free). */
const held = new Set<string>();

/** The lock key of an exercise's lease: its id, prefixed so it never collides with a game's. */
const LOCK_KEY = "hashtextextended('exercise:' || $1, 0)";

async function connection(): Promise<pg.Client> {
  if (client) return client;
  const c = new pg.Client({
    connectionString: data.settings.url,
    connectionTimeoutMillis: data.settings.timeoutMs,
    statement_timeout: data.settings.timeoutMs,
    query_timeout: data.settings.timeoutMs,
    application_name: "firebreak-exercises",
  });
  c.on("error", () => {
    if (client === c) client = null;
  });
  await c.connect();
  for (const id of [...held])
    if (!(await c.query<{ ok: boolean }>(`SELECT pg_try_advisory_lock(${LOCK_KEY}) AS ok`, [id])).rows[0]?.ok)
      held.delete(id);
  client = c;
  return c;
}

const text = (v: unknown): string => String(v);

async function rows(c: pg.Client, where: string, args: unknown[]): Promise<unknown[]> {
  const r = await c.query<{ data: string }>(`SELECT data FROM exercises ${where}`, args);
  return r.rows.map((row) => JSON.parse(row.data) as unknown);
}

const OPERATIONS: Record<string, (c: pg.Client, args: unknown[]) => Promise<unknown>> = {
  async save(c, [id, code, created, json]) {
    await c.query(
      "INSERT INTO exercises (id, code, created, data) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO UPDATE " +
        "SET code = EXCLUDED.code, data = EXCLUDED.data",
      [text(id), text(code), Number(created), text(json)],
    );
    return null;
  },
  all: (c) => rows(c, "ORDER BY created, id", []),
  byId: async (c, [id]) => (await rows(c, "WHERE id = $1", [text(id)]))[0] ?? null,
  byCode: async (c, [code]) =>
    (await rows(c, "WHERE code = $1 ORDER BY created DESC LIMIT 1", [text(code)]))[0] ?? null,
  async remove(c, [id]) {
    await c.query("DELETE FROM exercises WHERE id = $1", [text(id)]);
    return null;
  },
  async claim(c, [id]) {
    if (held.has(text(id))) return true;
    const ok = (await c.query<{ ok: boolean }>(`SELECT pg_try_advisory_lock(${LOCK_KEY}) AS ok`, [text(id)]))
      .rows[0]?.ok;
    if (ok) held.add(text(id));
    return ok === true;
  },
  async claimFree(c, [limit]) {
    // Filtered first (MATERIALIZED), so only exercises this connection does not hold are tried.
    const r = await c.query<{ id: string }>(
      `WITH f AS MATERIALIZED (SELECT id, created FROM exercises WHERE NOT (id = ANY($1::text[])))
       SELECT id FROM f WHERE pg_try_advisory_lock(${LOCK_KEY.replace("$1", "f.id")}) ORDER BY created, id LIMIT $2`,
      [[...held], Number(limit)],
    );
    for (const row of r.rows) held.add(row.id);
    return r.rows.map((row) => row.id);
  },
  async release(c, [id]) {
    if (held.delete(text(id))) await c.query(`SELECT pg_advisory_unlock(${LOCK_KEY})`, [text(id)]);
    return null;
  },
};

serveSyncCalls(data, async (op, args) => {
  if (op === "open") return migrate(await connection());
  if (op === "close") {
    const c = client;
    client = null;
    held.clear();
    await c?.end();
    return null;
  }
  const run = Object.hasOwn(OPERATIONS, op) ? OPERATIONS[op] : undefined;
  if (!run) throw new Error(`unknown exercise store operation ${op}`);
  const c = await connection();
  try {
    return await run(c, args);
  } catch (e) {
    if (client === c) client = null;
    void c.end().catch(() => {});
    throw e;
  }
});
