/**
 * Bringing exercises back: at start-up every exercise kept gets its room again (its tables are games,
 * restored as games are). In a cluster an exercise's room runs in one process, the one holding its lease; a
 * process looks every few seconds for exercises whose room no process runs (their process died or shut down)
 * and opens them in itself.
 */
import { matchMaker } from "@colyseus/core";
import { RESTORE_KEY } from "../services.ts";
import type { JournalStore } from "../store/journal-store.ts";
import { prunePeriodically, pruneExercises } from "./prune.ts";
import { claimFreeExercises, releaseExercise, useExerciseStore } from "./registry.ts";

/** The longest pause between two looks for exercises no process runs, in seconds. */
const EXERCISE_LOOK_S = 2;
/** The most exercises one look adopts (a process restarting alone takes the rest on the next looks). */
const ADOPT_AT_ONCE = 10_000;
import { serveLookups } from "./lookup.ts";
import { serveTableCalls } from "./remote.ts";
import type { ExerciseStore } from "./store.ts";

/** Loads the exercises the store keeps (their codes then find tables at once). */
export function loadExercises(store: ExerciseStore): void {
  useExerciseStore(store);
}

/**
 * Opens, in this process, a room for every exercise kept whose room no process runs; how many came back. One
 * that fails is reported and does not stop the others.
 */
export async function restoreExercises(): Promise<number> {
  let restored = 0;
  for (const id of claimFreeExercises(ADOPT_AT_ONCE)) {
    if (matchMaker.getLocalRoomById(id)) continue;
    try {
      // Locally (not on the least-loaded process): the room runs where its lease is.
      await matchMaker.handleCreateRoom("exercise", { restore: id, key: RESTORE_KEY });
      restored++;
    } catch (e) {
      releaseExercise(id);
      process.stderr.write(`Firebreak: exercise ${id} not restored: ${(e as Error).message}\n`);
    }
  }
  return restored;
}

/**
 * Starts the exercises: prunes old ones, answers other processes' calls on tables run here and lookups of
 * exercises whose room runs here, restores the rest, and (in a cluster, every `adoptSeconds`) adopts those no
 * process runs; returns what stops the timers.
 */
export async function startExercises(
  journal: JournalStore,
  retentionDays: number,
  adoptSeconds: number,
): Promise<() => void> {
  await pruneExercises(journal, retentionDays, Date.now()).catch((e: unknown) =>
    process.stderr.write(`Firebreak: pruning old exercises failed: ${(e as Error).message}\n`),
  );
  const stopPruning = prunePeriodically(journal, retentionDays);
  await serveTableCalls();
  await serveLookups();
  await restoreExercises();
  if (adoptSeconds <= 0) return stopPruning;
  // Exercises have no hand-over: a stopping process gives their leases back and another adopts them at its next
  // look, so the looks come at least every EXERCISE_LOOK_S (one query each), however rarely games are looked for.
  const every = Math.min(adoptSeconds, EXERCISE_LOOK_S);
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    restoreExercises()
      .catch((e: unknown) =>
        process.stderr.write(`Firebreak: adopting exercises failed: ${(e as Error).message}\n`),
      )
      .finally(() => {
        running = false;
      });
  }, every * 1000);
  timer.unref();
  return () => {
    clearInterval(timer);
    stopPruning();
  };
}
