/** What every `JournalStore` does, as one test suite run against each store (SQLite, PostgreSQL). */
import { expect, it } from "vitest";
import type { GameRecord } from "@firebreak/shared";
import { RULES_VERSION } from "@firebreak/shared";
import type { StoredEntry } from "../session/journal.ts";
import { create, started } from "../testing/fixtures.ts";
import type { JournalStore } from "./journal-store.ts";

/**
 * A place a store lives that can be opened again (a file, a database): `open` opens the same one every time.
 */
export interface StorePlace {
  open(): JournalStore;
}

const { journal } = started();
const record = { format: "firebreak-record", finalHash: "h2" } as GameRecord;
const closure = {
  reason: "rulesChanged" as const,
  rules: 42,
  engine: 43,
  at: 5,
  code: "KMNPQR",
  message: "closed",
  why: "x",
};

/**
 * Declares the contract's tests (inside the caller's describe); `place()` gives a fresh, empty place for each
 * test.
 */
export function storeContract(place: () => StorePlace): void {
  it("keeps a game's journal in order, byte for byte, across reopening, and appends after its last entry", () => {
    const where = place();
    let store = where.open();
    const [first, ...rest]: StoredEntry[] = journal;
    if (!first) throw new Error("fixture");
    store.create("gOne", "ACDEFG", first);
    for (const e of rest) store.append("gOne", e);
    store.create("gTwo", "CDEFGH", create);
    expect(store.entries("gOne")).toEqual(journal);
    expect(JSON.stringify(store.entries("gOne"))).toBe(JSON.stringify(journal));
    expect(store.entries("gTwo")).toEqual([create]);
    expect(store.entries("gNope")).toEqual([]);
    expect(store.game("gOne")).toEqual({
      id: "gOne",
      code: "ACDEFG",
      ended: false,
      rules: RULES_VERSION,
      closed: null,
    });
    store.close();
    for (const round of [1, 2]) {
      store = where.open();
      store.append("gOne", { kind: "pause", at: 9_000 + round, by: "mF" });
      expect(store.entries("gOne").length, `opened ${round} time(s) more`).toBe(journal.length + round);
      expect(store.entries("gOne").at(-1)).toEqual({ kind: "pause", at: 9_000 + round, by: "mF" });
      expect(store.unfinished().map((g) => g.id)).toEqual(["gOne", "gTwo"]);
      store.close();
    }
  });

  it("refuses a second game with an id already taken, leaving the first as it was", () => {
    const store = place().open();
    store.create("gOne", "ACDEFG", create);
    expect(() => store.create("gOne", "CDEFGH", { ...create, at: 2_000 })).toThrow();
    expect(store.entries("gOne")).toEqual([create]);
    expect(store.game("gOne")?.code).toBe("ACDEFG");
    // The store still works after the failure.
    store.append("gOne", { kind: "pause", at: 3_000, by: "mF" });
    expect(store.entries("gOne").length).toBe(2);
    store.close();
  });

  it("keeps a game's rules, its latest state, its record at the end, and why the server closed a game", () => {
    const store = place().open();
    store.create("gNew", "ACDEFG", create, 41);
    expect(store.game("gNew")).toEqual({ id: "gNew", code: "ACDEFG", ended: false, rules: 41, closed: null });
    store.setRules("gNew", 42);
    expect(store.game("gNew")?.rules).toBe(42);
    expect(store.lastCheckpoint("gNew")).toBeNull();
    store.append("gNew", { kind: "start", at: 2_000, by: "mF" });
    store.checkpoint("gNew", {
      hash: "h2",
      state: { turn: 2 },
      seats: [{ seat: "north", controller: "human" }],
    });
    store.append("gNew", { kind: "pause", at: 3_000, by: "mF" });
    expect(store.lastCheckpoint("gNew")).toEqual({
      entries: 2,
      hash: "h2",
      state: { turn: 2 },
      seats: [{ seat: "north", controller: "human" }],
    });
    expect(store.closedWithCode("ACDEFG")).toBeNull();
    store.closeGame("gNew", closure, record);
    // Closed with the code its members last knew (after a fac:code).
    expect(store.game("gNew")).toMatchObject({ ended: true, closed: closure, code: "KMNPQR" });
    expect(store.closedWithCode("KMNPQR")?.id).toBe("gNew");
    expect(store.closedWithCode("ACDEFG")).toBeNull();
    expect(store.record("gNew")).toEqual(record);
    expect(store.lastCheckpoint("gNew")).toBeNull();
    expect(store.unfinished()).toEqual([]);
    // A game made later with that code is the one the code names now.
    store.create("gLater", "KMNPQR", { ...create, at: 2_000 });
    expect(store.closedWithCode("KMNPQR")).toBeNull();
    store.create("gEnd", "CDEFGH", create);
    store.finish("gEnd", record);
    expect(store.record("gEnd")).toEqual(record);
    expect(store.game("gEnd")?.ended).toBe(true);
    expect(store.game("gNope")).toBeNull();
    expect(store.record("gNope")).toBeNull();
    store.close();
  });

  it("finishing without a record keeps the one kept before; a finished or quarantined game is not restored", () => {
    const store = place().open();
    for (const [i, id] of ["gA", "gB", "gC", "gD"].entries())
      store.create(id, "ACDEFG", { ...create, at: 1_000 + i });
    store.finish("gA", record);
    store.finish("gA");
    expect(store.record("gA")).toEqual(record);
    store.finish("gB");
    expect(store.record("gB")).toBeNull();
    store.quarantine("gC", `REPLAY_FAILED: ${"x".repeat(2_000)}`);
    // Quarantined: not restored, not ended, its entries kept for inspection.
    expect(store.game("gC")?.ended).toBe(false);
    expect(store.entries("gC")).toEqual([create].map((e) => ({ ...e, at: 1_002 })));
    expect(store.unfinished().map((g) => g.id)).toEqual(["gD"]);
    store.close();
  });

  it("lists unfinished games oldest first, and a code names the game made last with it", () => {
    const store = place().open();
    store.create("gLate", "ACDEFG", { ...create, at: 5_000 });
    store.create("gEarly", "ACDEFG", { ...create, at: 1_000 });
    store.create("gSame", "ACDEFG", { ...create, at: 5_000 });
    expect(store.unfinished().map((g) => g.id)).toEqual(["gEarly", "gLate", "gSame"]);
    store.closeGame("gSame", { ...closure, code: "ACDEFG" }, record);
    expect(store.closedWithCode("ACDEFG")?.id).toBe("gSame");
    store.closeGame("gLate", { ...closure, code: "ACDEFG" }, record);
    // Same moment: the one made later (gSame) is the one the code names.
    expect(store.closedWithCode("ACDEFG")?.id).toBe("gSame");
    store.close();
  });

  it("keeps an uploaded scenario across reopening, and refuses a second one with the same id", () => {
    const where = place();
    let store = where.open();
    const upload = {
      id: "u-abcdefgh",
      keyHash: "f".repeat(64),
      scenario: '{"id":"u-abcdefgh"}',
      at: 1_700_000_000_000,
    };
    expect(store.upload("u-abcdefgh")).toBeNull();
    store.saveUpload(upload);
    expect(() => store.saveUpload({ ...upload, scenario: "{}" })).toThrow();
    store.close();
    store = where.open();
    expect(store.upload("u-abcdefgh")).toEqual(upload);
    expect(store.upload("u-nope")).toBeNull();
    // Removed (its owner deleted it), it is gone after reopening too; removing one that is not there is no error.
    store.removeUpload("u-abcdefgh");
    store.removeUpload("u-nope");
    expect(store.upload("u-abcdefgh")).toBeNull();
    store.close();
    store = where.open();
    expect(store.upload("u-abcdefgh")).toBeNull();
    store.close();
  });
}
