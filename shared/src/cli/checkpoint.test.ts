/** Tournament checkpoints: a stopped run continues from its file and prints the table of an unbroken run. */
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { findScenario } from "../io/scenario-files.ts";
import type { TournamentSpec } from "../sim/tournament-games.ts";
import type { GameScore } from "../sim/tournament-table.ts";
import { openCheckpoint, tournamentKey } from "./checkpoint.ts";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const loaded = findScenario("tutorial");
if (!loaded.ok) throw new Error("tutorial");
const spec: TournamentSpec = {
  scenario: loaded.scenario,
  games: 4,
  seed: "cp",
  format: "roundrobin",
  bots: [],
  field: [],
  options: {},
};
const key = tournamentKey(spec, {});
const score = (n: number): GameScore => ({ outcome: "stablePeace", scores: { a: n, b: n + 1 } });
const tmp = (): string => join(mkdtempSync(join(tmpdir(), "fb-cp-")), "run.jsonl");

describe("tournament checkpoint file", () => {
  it("keeps every recorded score across reopenings, in any order", () => {
    const file = tmp();
    const a = openCheckpoint(file, key, 4);
    expect(a.done.size).toBe(0);
    a.record(2, score(2));
    a.record(0, score(0));
    a.close();
    const b = openCheckpoint(file, key, 4);
    expect([...b.done.keys()].sort()).toEqual([0, 2]);
    expect(b.done.get(2)).toEqual(score(2));
    b.record(1, score(1));
    b.close();
    expect(openCheckpoint(file, key, 4).done.size).toBe(3);
  });

  it("drops a last line cut short by a stop mid-write, and appends after the complete ones", () => {
    const file = tmp();
    const a = openCheckpoint(file, key, 4);
    a.record(0, score(0));
    a.close();
    writeFileSync(file, `${readFileSync(file, "utf8")}{"i":1,"s":{"outc`);
    const b = openCheckpoint(file, key, 4);
    expect([...b.done.keys()]).toEqual([0]);
    b.record(3, score(3));
    b.close();
    const lines = readFileSync(file, "utf8").split("\n");
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe("");
    expect(openCheckpoint(file, key, 4).done.size).toBe(2);
  });

  it("starts over when only part of the first line was written", () => {
    const file = tmp();
    openCheckpoint(file, key, 4).close();
    const header = readFileSync(file, "utf8");
    writeFileSync(file, header.slice(0, 20));
    const c = openCheckpoint(file, key, 4);
    c.close();
    expect(readFileSync(file, "utf8")).toBe(header);
  });

  it("refuses another tournament's file or a damaged one, and leaves it as it was", () => {
    const file = tmp();
    const a = openCheckpoint(file, key, 4);
    a.record(0, score(0));
    a.close();
    const before = readFileSync(file, "utf8");
    const other = tournamentKey({ ...spec, seed: "another" }, {});
    expect(() => openCheckpoint(file, other, 4)).toThrow(/checkpoint of another tournament/);
    expect(() =>
      openCheckpoint(file, tournamentKey(spec, { budget: { iterations: 8, depth: 1, horizon: 2 } }), 4),
    ).toThrow(/another tournament/);
    expect(readFileSync(file, "utf8")).toBe(before);
    const bad = (line: string, pattern: RegExp): void => {
      writeFileSync(file, `${before}${line}\n`);
      expect(() => openCheckpoint(file, key, 4)).toThrow(pattern);
      expect(readFileSync(file, "utf8")).toBe(`${before}${line}\n`);
    };
    bad("not json", /line 3: not JSON/);
    bad('{"i":9,"s":{"outcome":"stablePeace","scores":{}}}', /line 3: not a game's score/);
    bad('{"i":1,"s":{"outcome":"won","scores":{}}}', /line 3: not a game's score/);
    bad('{"i":1,"s":{"outcome":"turnLimit","scores":{"a":"12"}}}', /line 3: not a game's score/);
  });
});

describe("npm run tournament -- --checkpoint", () => {
  const cli = (...extra: string[]) =>
    spawnSync(
      process.execPath,
      [
        join(root, "shared/src/cli/tournament.ts"),
        "--scenario",
        "tutorial",
        "--format",
        "duplicate",
        "--games",
        "8",
        "--seed",
        "cpcli",
        "--iterations",
        "8",
        "--bots",
        "hawk,dove:easy,forgiving:hard,reciprocal",
        "--json",
        ...extra,
      ],
      { encoding: "utf8" },
    );

  it("a run stopped part-way continues from its file and prints what an unbroken run prints", () => {
    const unbroken = cli();
    expect(unbroken.status).toBe(0);
    const file = tmp();
    const full = cli("--checkpoint", file, "--workers", "2");
    expect(full.status).toBe(0);
    expect(full.stdout).toBe(unbroken.stdout);
    const lines = readFileSync(file, "utf8").split("\n");
    expect(lines).toHaveLength(8 + 2);
    // As if stopped after three games, in the middle of writing the fourth.
    writeFileSync(file, `${lines.slice(0, 4).join("\n")}\n${(lines[4] ?? "").slice(0, 15)}`);
    const resumed = cli("--checkpoint", file);
    expect(resumed.status).toBe(0);
    expect(resumed.stderr).toContain("3 games from");
    expect(resumed.stdout).toBe(unbroken.stdout);
    expect(readFileSync(file, "utf8").split("\n")).toHaveLength(8 + 2);
    // Every game is in the file now: a third run plays nothing and prints the same.
    expect(cli("--checkpoint", file, "--workers", "3").stdout).toBe(unbroken.stdout);
    const other = cli("--checkpoint", file, "--seed", "other");
    expect(other.status).toBe(1);
    expect(other.stderr).toContain("checkpoint of another tournament");
  }, 180_000);
});
