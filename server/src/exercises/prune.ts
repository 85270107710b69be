/**
 * Old exercises go: an exercise whose every table has ended, made longer ago than the retention
 * (FIREBREAK_EXERCISE_RETENTION_DAYS, default 180; 0 keeps them all), is removed from the exercise store at
 * start-up and every few hours. Its tables' games and records stay in the journal.
 */
import { matchMaker } from "@colyseus/core";
import type { JournalStore } from "../store/journal-store.ts";
import type { Exercise } from "./model.ts";
import { allExercises, forgetExercise } from "./registry.ts";

/** How long a finished exercise is kept by default, in days. */
export const DEFAULT_EXERCISE_RETENTION_DAYS = 180;
/** How often a running server prunes. */
const EVERY_MS = 6 * 3600_000;

/** The retention in days from the environment: a whole number ≥ 0 (0: never prune); throws otherwise. */
export function exerciseRetentionDays(env: Record<string, string | undefined>): number {
  const raw = env.FIREBREAK_EXERCISE_RETENTION_DAYS;
  if (raw === undefined || raw === "") return DEFAULT_EXERCISE_RETENTION_DAYS;
  if (!/^\d+$/.test(raw)) throw new Error("FIREBREAK_EXERCISE_RETENTION_DAYS must be a whole number of days");
  return Number(raw);
}

/** True when every table of the exercise has ended (a table never made, or gone from the journal, counts). */
export function exerciseFinished(ex: Exercise, journal: Pick<JournalStore, "game">): boolean {
  return ex.tables.every((t) => journal.game(t.game)?.ended ?? true);
}

/** The exercises to prune now: finished, and made more than `days` days before `now`. */
export function expiredExercises(
  exercises: readonly Exercise[],
  journal: Pick<JournalStore, "game">,
  days: number,
  now: number,
): Exercise[] {
  if (days <= 0) return [];
  const cutoff = now - days * 86_400_000;
  return exercises.filter((ex) => ex.createdAt < cutoff && exerciseFinished(ex, journal));
}

/** Removes the expired exercises (and closes a room of one running here); how many went. */
export async function pruneExercises(journal: JournalStore, days: number, now: number): Promise<number> {
  let pruned = 0;
  for (const ex of expiredExercises(allExercises(), journal, days, now)) {
    await matchMaker.getLocalRoomById(ex.id)?.disconnect();
    forgetExercise(ex.id);
    pruned++;
  }
  return pruned;
}

/** Prunes every few hours; returns what stops it. A failure is reported and tried again next time. */
export function prunePeriodically(journal: JournalStore, days: number): () => void {
  if (days <= 0) return () => {};
  const run = (): void => {
    pruneExercises(journal, days, Date.now()).catch((e: unknown) =>
      process.stderr.write(`Firebreak: pruning old exercises failed: ${(e as Error).message}\n`),
    );
  };
  const timer = setInterval(run, EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
