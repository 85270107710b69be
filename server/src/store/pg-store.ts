/**
 * The journal in PostgreSQL (FIREBREAK_DATABASE_URL), behind the same synchronous `JournalStore` as the
 * embedded store.
 *
 * Why synchronous: the room's guarantee "every accepted request is durable before it is answered" is one line
 * of code today (journal, then answer), with no await between a request's check and its effect, so no other
 * request of the game can slip in between. Making the interface asynchronous would carry an await, and that
 * interleaving, into every room handler, the restore path and the HTTP routes. Instead the `pg` driver runs
 * in a worker thread and each call blocks on `Atomics.wait` until PostgreSQL has committed (sync-call.ts).
 * The price: the process's event loop waits one round trip per journal write (about a millisecond on a local
 * network); a busy service spreads games over more processes.
 *
 * Leases: processes sharing the database hold a session-level advisory lock per game they run (taken when the
 * game is created or adopted, released when it ends or the connection does), so a game whose process died is
 * adopted by another (`leases.claimOrphans`), and a process never writes a game another one holds: it numbers
 * each entry, and a second writer's entry n collides with the first's (LEASE_LOST, and its room answers
 * STORE_FAILED).
 */
import type { GameRecord } from "@firebreak/shared";
import { RULES_VERSION } from "@firebreak/shared";
import type { StoredEntry } from "../session/journal.ts";
import type { Checkpoint, JournalStore, StoredGame, StoredUpload } from "./journal-store.ts";
import type { PgSettings } from "./pg-operations.ts";
import { openSyncStore } from "./sync-call.ts";

/**
 * How long connecting, or one statement, may take before the call fails (and the room answers STORE_FAILED).
 * The process waits that long at worst, so it is short; after a failed connection, calls fail at once for a
 * second.
 */
export const DEFAULT_PG_TIMEOUT_MS = 5_000;

/**
 * Opens the PostgreSQL journal at `url` (postgres://…), applying its migrations; throws when it cannot
 * connect.
 */
export function openPostgresStore(url: string, timeoutMs = DEFAULT_PG_TIMEOUT_MS): JournalStore {
  const settings: PgSettings = { url, timeoutMs };
  const { call, close } = openSyncStore(
    new URL("./pg-worker.ts", import.meta.url),
    settings,
    timeoutMs * 3,
    "PostgreSQL store",
  );
  return {
    create(id, code, entry, rules = RULES_VERSION) {
      call("create", id, code, entry, rules);
    },
    append(id, entry) {
      call("append", id, entry);
    },
    entries(id) {
      return call("entries", id) as StoredEntry[];
    },
    game(id) {
      return call("game", id) as StoredGame | null;
    },
    closedWithCode(code) {
      return call("closedWithCode", code) as StoredGame | null;
    },
    setRules(id, rules) {
      call("setRules", id, rules);
    },
    checkpoint(id, cp) {
      call("checkpoint", id, cp);
    },
    lastCheckpoint(id) {
      return call("lastCheckpoint", id) as Checkpoint | null;
    },
    finish(id, record = null) {
      call("finish", id, record);
    },
    closeGame(id, closure, record) {
      call("closeGame", id, closure, record);
    },
    record(id) {
      return call("record", id) as GameRecord | null;
    },
    unfinished() {
      return call("unfinished") as StoredGame[];
    },
    quarantine(id, reason) {
      call("quarantine", id, reason);
    },
    saveUpload(upload) {
      call("saveUpload", upload);
    },
    upload(id) {
      return call("upload", id) as StoredUpload | null;
    },
    removeUpload(id) {
      call("removeUpload", id);
    },
    leases: {
      claim: (id) => call("claim", id) === true,
      release(id) {
        call("release", id);
      },
      claimOrphans: () => call("claimOrphans") as StoredGame[],
    },
    close,
  };
}
