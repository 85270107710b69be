/**
 * The SQLite store migrates older databases in place, keeping every game, and does what every store does
 * (store-contract.ts).
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { describe, expect, it } from "vitest";
import { started } from "../testing/fixtures.ts";
import { openSqliteStore, UNVERSIONED_RULES } from "./sqlite-store.ts";
import { storeContract } from "./store-contract.ts";

const path = (): string => join(mkdtempSync(join(tmpdir(), "fb-store-")), "firebreak.sqlite");
const { journal } = started();

/**
 * A database as the first server wrote it: no quarantine, no rules, no records; three games, one of them
 * ended.
 */
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
    it(
      `migrates a database of the older schema (${quarantine ? "with" : "without"} quarantine) ` +
        `keeping every game, each under rules v2`,
      () => {
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
      },
    );

  // Everything any store does (store-contract.ts): a fresh file for each test.
  storeContract(() => {
    const file = path();
    return { open: () => openSqliteStore(file) };
  });
});
