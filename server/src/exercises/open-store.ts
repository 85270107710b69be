/** Which exercise store a server opens: PostgreSQL beside a PostgreSQL journal, else the SQLite file. */
import { join } from "node:path";
import { openPostgresExerciseStore } from "../store/pg-exercise-store.ts";
import { type ExerciseStore, openExerciseStore } from "./store.ts";

/** Opens the exercise store beside the games: PostgreSQL when `databaseUrl` is set, else the SQLite file. */
export function openExercises(databaseUrl: string | null, dataDir: string, shared: boolean): ExerciseStore {
  if (databaseUrl !== null) return openPostgresExerciseStore(databaseUrl, shared);
  return openExerciseStore(join(dataDir, "firebreak.sqlite"));
}
