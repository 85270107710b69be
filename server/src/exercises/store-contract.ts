/**
 * What every exercise store does (the SQLite table and PostgreSQL), run by each store's test against a fresh
 * store.
 */
import { expect, it } from "vitest";
import type { Exercise } from "./model.ts";
import type { ExerciseStore } from "./store.ts";

/** An exercise to store, with its id, code and creation time as given. */
export function exerciseFixture(id: string, code: string, createdAt: number): Exercise {
  return {
    id,
    code,
    key: `key-${id}`,
    name: `Exercise ${id}`,
    scenario: "baltic-fog",
    seed: "s",
    creatorName: "Teacher",
    createdAt,
    turnSeconds: 300,
    botLevel: "normal",
    treatments: [{ label: "hotline", options: { cbms: ["hotline"] } }],
    assignment: "balanced",
    hypothesis: "Hotlines calm crises.",
    tables: [
      { game: `g-${id}-1`, treatment: 0 },
      { game: `g-${id}-2`, treatment: null },
    ],
    revealed: false,
  };
}

/** The contract: `open` gives a fresh store each time it is called with a new place. */
export function exerciseStoreContract(
  open: () => { store: () => ExerciseStore; reopen: () => ExerciseStore },
): void {
  it("saves an exercise whole and reads it back by id, by code and in the list, oldest first", () => {
    const place = open();
    const s = place.store();
    const late = exerciseFixture("xLate", "BBBBBB", 2_000);
    const early = exerciseFixture("xEarly", "AAAAAA", 1_000);
    s.save(late);
    s.save(early);
    expect(s.all()).toEqual([early, late]);
    expect(s.byId("xLate")).toEqual(late);
    expect(s.byCode("AAAAAA")).toEqual(early);
    expect(s.byId("nope")).toBeNull();
    expect(s.byCode("ZZZZZZ")).toBeNull();
    s.close();
    const again = place.reopen();
    expect(again.all()).toEqual([early, late]);
    again.close();
  });

  it("a saved change replaces the exercise, its new code finds it and the old one does not", () => {
    const s = open().store();
    const ex = exerciseFixture("xOne", "CCCCCC", 1_000);
    s.save(ex);
    const changed = { ...ex, code: "DDDDDD", revealed: true };
    s.save(changed);
    expect(s.all()).toEqual([changed]);
    expect(s.byCode("DDDDDD")).toEqual(changed);
    expect(s.byCode("CCCCCC")).toBeNull();
    s.close();
  });

  it("removes an exercise, and removing one it does not keep changes nothing", () => {
    const s = open().store();
    s.save(exerciseFixture("xA", "EEEEEE", 1));
    s.save(exerciseFixture("xB", "FFFFFF", 2));
    s.remove("xA");
    s.remove("missing");
    expect(s.all().map((e) => e.id)).toEqual(["xB"]);
    expect(s.byId("xA")).toBeNull();
    s.close();
  });

  it("claims the free exercises, oldest first, at most as many as asked", () => {
    const s = open().store();
    s.save(exerciseFixture("xSecond", "JJJJJJ", 2));
    s.save(exerciseFixture("xFirst", "KKKKKK", 1));
    expect(s.claimFree(1)).toEqual(["xFirst"]);
    expect(s.claimFree(10)).toContain("xSecond");
    s.close();
  });

  it("a lease claimed is held, given back, and can be claimed again", () => {
    const s = open().store();
    expect(s.claim("xL")).toBe(true);
    expect(s.claim("xL")).toBe(true);
    s.release("xL");
    expect(s.claim("xL")).toBe(true);
    s.close();
  });
}
