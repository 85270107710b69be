/**
 * Exercises in PostgreSQL (FIREBREAK_DATABASE_URL), behind the same synchronous `ExerciseStore` as the SQLite
 * table: a worker thread of its own holds the `pg` connection (pg-exercise-worker.ts) and each call blocks
 * until PostgreSQL answers (sync-call.ts), as the journal store does. The table comes from the repository's
 * migrations (migrations/003_exercises.sql), applied at start-up by whichever store opens first.
 */
import type { Exercise } from "../exercises/model.ts";
import type { ExerciseStore } from "../exercises/store.ts";
import { DEFAULT_PG_TIMEOUT_MS } from "./pg-store.ts";
import type { PgSettings } from "./pg-operations.ts";
import { openSyncStore } from "./sync-call.ts";

/**
 * Opens the exercise store in the database at `url`, applying migrations; `shared` when other processes use
 * it too. Throws when it cannot connect.
 */
export function openPostgresExerciseStore(
  url: string,
  shared: boolean,
  timeoutMs = DEFAULT_PG_TIMEOUT_MS,
): ExerciseStore {
  const settings: PgSettings = { url, timeoutMs };
  const { call, close } = openSyncStore(
    new URL("./pg-exercise-worker.ts", import.meta.url),
    settings,
    timeoutMs * 3,
    "PostgreSQL exercise store",
  );
  return {
    shared,
    save(ex) {
      call("save", ex.id, ex.code, ex.createdAt, JSON.stringify(ex));
    },
    all: () => call("all") as Exercise[],
    byId: (id) => call("byId", id) as Exercise | null,
    byCode: (code) => call("byCode", code) as Exercise | null,
    remove(id) {
      call("remove", id);
    },
    claim: (id) => call("claim", id) === true,
    release(id) {
      call("release", id);
    },
    claimFree: (limit) => call("claimFree", limit) as string[],
    close,
  };
}
