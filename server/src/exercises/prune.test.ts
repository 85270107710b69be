/**
 * Old exercises are pruned: finished (every table ended) and older than the retention go from the store; a
 * running one, a recent one, or any with a retention of 0 days stay.
 */
import { describe, expect, it } from "vitest";
import type { StoredGame } from "../store/journal-store.ts";
import {
  DEFAULT_EXERCISE_RETENTION_DAYS,
  exerciseRetentionDays,
  expiredExercises,
  pruneExercises,
} from "./prune.ts";
import { allExercises, exerciseByCode, useExerciseStore } from "./registry.ts";
import { exerciseFixture } from "./store-contract.ts";
import { openExerciseStore } from "./store.ts";
import type { JournalStore } from "../store/journal-store.ts";

const DAY = 86_400_000;
const now = 1_000 * DAY;

/** A journal where the named games have ended and every other game runs. */
function journal(ended: string[]): JournalStore {
  const game = (id: string): StoredGame => ({
    id,
    code: "X",
    ended: ended.includes(id),
    rules: 1,
    closed: null,
  });
  return { game } as unknown as JournalStore;
}

describe("pruning old exercises", () => {
  it("reads FIREBREAK_EXERCISE_RETENTION_DAYS: 180 days by default, nonsense refused", () => {
    expect(exerciseRetentionDays({})).toBe(DEFAULT_EXERCISE_RETENTION_DAYS);
    expect(DEFAULT_EXERCISE_RETENTION_DAYS).toBe(180);
    expect(exerciseRetentionDays({ FIREBREAK_EXERCISE_RETENTION_DAYS: "30" })).toBe(30);
    expect(exerciseRetentionDays({ FIREBREAK_EXERCISE_RETENTION_DAYS: "0" })).toBe(0);
    expect(() => exerciseRetentionDays({ FIREBREAK_EXERCISE_RETENTION_DAYS: "-1" })).toThrow(/whole number/);
    expect(() => exerciseRetentionDays({ FIREBREAK_EXERCISE_RETENTION_DAYS: "1e3" })).toThrow(/whole number/);
  });

  it("picks only exercises older than the retention whose every table has ended", () => {
    const old = exerciseFixture("xOld", "AAAAAA", now - 200 * DAY);
    const oldRunning = exerciseFixture("xRun", "BBBBBB", now - 200 * DAY);
    const recent = exerciseFixture("xNew", "CCCCCC", now - 10 * DAY);
    const j = journal(["g-xOld-1", "g-xOld-2", "g-xRun-1", "g-xNew-1", "g-xNew-2"]);
    const all = [old, oldRunning, recent];
    expect(expiredExercises(all, j, 180, now).map((e) => e.id)).toEqual(["xOld"]);
    expect(expiredExercises(all, j, 5, now).map((e) => e.id)).toEqual(["xOld", "xNew"]);
    expect(expiredExercises(all, j, 0, now)).toEqual([]);
  });

  it("removes them from the store and the server's lookups; the others stay", async () => {
    const store = openExerciseStore(":memory:");
    store.save(exerciseFixture("xOld", "AAAAAA", now - 200 * DAY));
    store.save(exerciseFixture("xNew", "CCCCCC", now - 10 * DAY));
    useExerciseStore(store);
    const j = journal(["g-xOld-1", "g-xOld-2", "g-xNew-1", "g-xNew-2"]);
    expect(await pruneExercises(j, 180, now)).toBe(1);
    expect(store.all().map((e) => e.id)).toEqual(["xNew"]);
    expect(allExercises().map((e) => e.id)).toEqual(["xNew"]);
    expect(exerciseByCode("AAAAAA")).toBeUndefined();
    expect(exerciseByCode("CCCCCC")?.id).toBe("xNew");
    expect(await pruneExercises(j, 180, now)).toBe(0);
    store.close();
  });
});
