/**
 * Both exercise stores keep the contract (store-contract.ts): the SQLite table, and PostgreSQL on a throwaway
 * server, where the table comes from the repository's migration and a lease keeps a second process out.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrationFiles } from "../store/pg-migrations.ts";
import { openPostgresExerciseStore } from "../store/pg-exercise-store.ts";
import { startPostgres, type ThrowawayPostgres } from "../store/throwaway-pg.ts";
import { exerciseFixture, exerciseStoreContract } from "./store-contract.ts";
import { openExercises } from "./open-store.ts";
import { openExerciseStore } from "./store.ts";

describe("the SQLite exercise store", () => {
  exerciseStoreContract(() => {
    const path = join(mkdtempSync(join(tmpdir(), "fb-ex-store-")), "firebreak.sqlite");
    return { store: () => openExerciseStore(path), reopen: () => openExerciseStore(path) };
  });

  it("is chosen without a database URL, in the data directory's SQLite file, not shared", () => {
    const dir = mkdtempSync(join(tmpdir(), "fb-ex-store-"));
    const s = openExercises(null, dir, false);
    expect(s.shared).toBe(false);
    s.save(exerciseFixture("xS", "GGGGGG", 1));
    s.close();
    expect(openExerciseStore(join(dir, "firebreak.sqlite")).byId("xS")?.code).toBe("GGGGGG");
  });
});

describe("the PostgreSQL exercise store", () => {
  let server: ThrowawayPostgres;
  const urls: string[] = [];
  let n = 0;
  beforeAll(async () => {
    server = await startPostgres();
    for (let i = 0; i < 8; i++) urls.push(await server.database(`exercises_${i}`));
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
  });

  exerciseStoreContract(() => {
    const url = urls[n++];
    if (url === undefined) throw new Error("more contract tests than databases made for them");
    return {
      store: () => openPostgresExerciseStore(url, true),
      reopen: () => openPostgresExerciseStore(url, true),
    };
  });

  it("is chosen with a database URL; its table comes from a migration kept in the repository", () => {
    expect(migrationFiles()).toContain("003_exercises.sql");
    const url = urls[n++] as string;
    const s = openExercises(url, "/nonexistent", true);
    expect(s.shared).toBe(true);
    s.save(exerciseFixture("xP", "HHHHHH", 1));
    s.close();
  });

  it("one process holds a lease at a time; it passes on when given back or its holder closes", () => {
    const url = urls[n++] as string;
    const [a, b] = [openPostgresExerciseStore(url, true), openPostgresExerciseStore(url, true)];
    expect(a.claim("xHeld")).toBe(true);
    expect(b.claim("xHeld")).toBe(false);
    a.release("xHeld");
    expect(b.claim("xHeld")).toBe(true);
    expect(a.claim("xHeld")).toBe(false);
    b.close();
    expect(a.claim("xHeld")).toBe(true);
    // The free ones only: none that a process holds, this one or another.
    const c = openPostgresExerciseStore(url, true);
    for (const [id, code] of [
      ["xHeld", "LLLLLL"],
      ["xFree", "MMMMMM"],
      ["xMine", "NNNNNN"],
    ] as const)
      a.save(exerciseFixture(id, code, 1));
    expect(c.claim("xMine")).toBe(true);
    expect(c.claimFree(10)).toEqual(["xFree"]);
    expect(c.claimFree(10)).toEqual([]);
    expect(a.claimFree(10)).toEqual([]);
    c.close();
    expect(a.claimFree(10).sort()).toEqual(["xFree", "xMine"]);
    a.close();
  });
});
