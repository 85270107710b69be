/**
 * Bringing exercises back after a restart: every exercise kept gets its room again (its tables are games,
 * restored as games are).
 */
import { matchMaker } from "@colyseus/core";
import { RESTORE_KEY } from "../services.ts";
import { allExercises, useExerciseStore } from "./registry.ts";
import type { ExerciseStore } from "./store.ts";

/** Loads the exercises the store keeps (their codes then find tables at once). */
export function loadExercises(store: ExerciseStore): void {
  useExerciseStore(store);
}

/**
 * Opens a room for every exercise kept; how many came back. One that fails is reported and does not stop the
 * others.
 */
export async function restoreExercises(): Promise<number> {
  let restored = 0;
  for (const ex of allExercises()) {
    try {
      await matchMaker.createRoom("exercise", { restore: ex.id, key: RESTORE_KEY });
      restored++;
    } catch (e) {
      process.stderr.write(
        `Firebreak: exercise ${ex.id} (code ${ex.code}) not restored: ${(e as Error).message}\n`,
      );
    }
  }
  return restored;
}
