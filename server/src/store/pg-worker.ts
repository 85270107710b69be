/**
 * The PostgreSQL store's worker thread: holds one `pg` connection and carries out the store's operations in
 * order.
 */
import { workerData } from "node:worker_threads";
import pg from "pg";
import { migrate } from "./pg-migrations.ts";
import { freshState, lock, PG_OPERATIONS, type PgSettings } from "./pg-operations.ts";
import { serveSyncCalls, type SyncWorkerData } from "./sync-call.ts";

const data = workerData as SyncWorkerData<PgSettings>;
let client: pg.Client | null = null;
const state = freshState();
/**
 * When connecting last failed: calls within a second fail at once instead of each waiting out a connection
 * attempt.
 */
let failedAt = Number.NEGATIVE_INFINITY;
const BACKOFF_MS = 1000;

/** The connection, opened (again, after a failure) when needed. */
async function connection(): Promise<pg.Client> {
  if (client) return client;
  if (Date.now() - failedAt < BACKOFF_MS)
    throw new Error("PostgreSQL is unreachable (the last attempt just failed)");
  const c = new pg.Client({
    connectionString: data.settings.url,
    connectionTimeoutMillis: data.settings.timeoutMs,
    // A statement the server cannot finish in time is cancelled there: the caller is blocked while it waits.
    statement_timeout: data.settings.timeoutMs,
    query_timeout: data.settings.timeoutMs,
    application_name: "firebreak",
  });
  // A connection that breaks between calls is dropped here and opened anew by the next call.
  c.on("error", () => {
    if (client === c) client = null;
  });
  try {
    await c.connect();
  } catch (e) {
    failedAt = Date.now();
    throw e;
  }
  // The leases lived on the broken connection: take each again, or give up writing that game (another process
  // has it).
  for (const id of [...state.held]) {
    if (await lock(c, id)) continue;
    state.held.delete(id);
    state.next.delete(id);
    state.lost.add(id);
  }
  client = c;
  return c;
}

serveSyncCalls(data, async (op, args) => {
  if (op === "open") return migrate(await connection());
  if (op === "close") {
    const c = client;
    client = null;
    // The leases go now (other processes adopt the games at once), not when the server notices the connection
    // ended.
    await c?.query("SELECT pg_advisory_unlock_all()").catch(() => undefined);
    state.held.clear();
    await c?.end();
    return null;
  }
  if (!Object.hasOwn(PG_OPERATIONS, op)) throw new Error(`unknown store operation ${op}`);
  const c = await connection();
  try {
    return await PG_OPERATIONS[op]?.(c, args, state);
  } catch (e) {
    // A connection left inside a failed transaction is of no further use: roll back, or drop it.
    await c.query("ROLLBACK").catch(() => {
      if (client === c) client = null;
      void c.end().catch(() => {});
    });
    throw e;
  }
});
