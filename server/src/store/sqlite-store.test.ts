/** The store migrates older databases in place, keeping every game, and keeps each game's rules, states and records. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { describe, expect, it } from "vitest";
import type { GameRecord } from "@firebreak/shared";
import { create, started } from "../testing/fixtures.ts";
import { openSqliteStore, UNVERSIONED_RULES } from "./sqlite-store.ts";

const path = (): string => join(mkdtempSync(join(tmpdir(), "fb-store-")), "firebreak.sqlite");
const { journal } = started();

/** A database as the first server wrote it: no quarantine, no rules, no records; three games, one of them ended. */
function oldDatabase(file: string, quarantine: boolean): void {
  const db = new DatabaseSync(file);
  db.exec(`
    CREATE TABLE games (id TEXT PRIMARY KEY, code TEXT NOT NULL, created INTEGER NOT NULL, ended INTEGER NOT NULL DEFAULT 0);
    CREATE TABLE journal (game TEXT NOT NULL, seq INTEGER NOT NULL, entry TEXT NOT NULL, PRIMARY KEY (game, seq));
  `);
  if (quarantine) db.exec("ALTER TABLE games ADD COLUMN quarantine TEXT");
  const game = db.prepare("INSERT INTO games (id, code, created, ended) VALUES (?, ?, ?, ?)");
  const entry = db.prepare("INSERT INTO journal (game, seq, entry) VALUES (?, ?, ?)");
  for (const [id, code, ended] of [
    ["gOne", "ACDEFG", 0],
    ["gTwo", "CDEFGH", 1],
    ["gThree", "DEFGHJ", 0],
  ] as const) {
    game.run(id, code, 1_000, ended);
    for (const [seq, e] of journal.entries()) entry.run(id, seq, JSON.stringify(e));
  }
  if (quarantine) db.exec("UPDATE games SET quarantine = 'REPLAY_FAILED: damaged' WHERE id = 'gThree'");
  db.close();
}

describe("the SQLite store", () => {
  for (const quarantine of [false, true])
    it(`migrates a database of the older schema (${quarantine ? "with" : "without"} quarantine) keeping every game, each under rules v2`, () => {
      const file = path();
      oldDatabase(file, quarantine);
      for (const round of [1, 2]) {
        const store = openSqliteStore(file);
        const added = round === 1 ? [] : [{ kind: "pause", at: 9_001, by: "mF" }];
        for (const id of ["gOne", "gTwo", "gThree"]) {
          expect(store.entries(id), `${id}, opened ${round} time(s)`).toEqual(
            id === "gOne" ? [...journal, ...added] : journal,
          );
          expect(store.game(id)).toMatchObject({ id, rules: UNVERSIONED_RULES, closed: null });
          expect(store.record(id)).toBeNull();
        }
        expect(store.game("gTwo")?.ended).toBe(true);
        expect(store.unfinished().map((g) => g.id)).toEqual(quarantine ? ["gOne"] : ["gOne", "gThree"]);
        store.append("gOne", { kind: "pause", at: 9_000 + round, by: "mF" });
        expect(store.entries("gOne").length).toBe(journal.length + round);
        store.close();
      }
    });

  it("keeps a game's rules, its latest state, its record at the end, and why the server closed a game", () => {
    const store = openSqliteStore(path());
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
    store.create("gLater", "KMNPQR", create);
    expect(store.closedWithCode("KMNPQR")).toBeNull();
    store.create("gEnd", "CDEFGH", create);
    store.finish("gEnd", record);
    expect(store.record("gEnd")).toEqual(record);
    expect(store.game("gEnd")?.ended).toBe(true);
    expect(store.game("gNope")).toBeNull();
    store.close();
  });
});
