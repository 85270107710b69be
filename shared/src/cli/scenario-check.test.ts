import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const CLI = fileURLToPath(new URL("./scenario-check.ts", import.meta.url));
const GOOD_SOURCE = fileURLToPath(new URL("../../../scenarios/baltic-fog.yaml", import.meta.url));

/** Runs the CLI with the running Node (24, which strips types) and returns its exit code and output. */
function run(...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const BAD = `
id: bad
title: Bad
summary: Broken on purpose.
briefing: Two states.
turns: 6
states:
  - { id: a, name: A, summary: s, briefing: b, position: { x: 1, y: 1 }, cyber: 1, defense: 9, dependence: 1, economy: 10, stability: 10, reputation: 5, objectives: [] }
  - { id: b, name: B, summary: s, briefing: b, position: { x: 2, y: 2 }, cyber: 1, defense: 2, dependence: 1, economy: 10, stability: 10, reputation: 5, objectives: [] }
`;

const BAD_REFS = `{
  "id": "refs", "title": "Refs", "summary": "s", "briefing": "b", "turns": 6,
  "states": [
    { "id": "a", "name": "A", "summary": "s", "briefing": "b", "position": { "x": 1, "y": 1 }, "cyber": 1, "defense": 2, "dependence": 1, "economy": 10, "stability": 10, "reputation": 5, "objectives": [] },
    { "id": "b", "name": "B", "summary": "s", "briefing": "b", "position": { "x": 2, "y": 2 }, "cyber": 1, "defense": 2, "dependence": 1, "economy": 10, "stability": 10, "reputation": 5, "objectives": [] }
  ],
  "relations": [{ "a": "a", "b": "c" }],
  "hints": [{ "turn": 7, "text": "Too late." }]
}`;

describe("scenario:check CLI", () => {
  let dir: string;
  let good: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "scenario-check-"));
    good = join(dir, "baltic-fog.yaml");
    copyFileSync(GOOD_SOURCE, good);
    writeFileSync(join(dir, "bad.yaml"), BAD);
    writeFileSync(join(dir, "refs.json"), BAD_REFS);
    writeFileSync(join(dir, "broken.yml"), "id: broken\nstates: [\n");
    writeFileSync(join(dir, "other-name.yaml"), BAD.replace("defense: 9", "defense: 3"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("prints ok with title, states and turns for a valid file, exit 0", () => {
    const r = run(good);
    expect(r.code).toBe(0);
    expect(r.out.trim()).toBe(`${good}: ok (Baltic Fog: the memorial crisis, 4 states, 12 turns)`);
  });

  it("prints every problem as <file>: <path>: <message>, exit 1", () => {
    const bad = join(dir, "bad.yaml");
    const r = run(bad);
    expect(r.code).toBe(1);
    expect(r.out.trim().split("\n")).toEqual([`${bad}: states[0].defense: must be between 1 and 5`]);
  });

  it("reads JSON and reports cross-reference problems", () => {
    const refs = join(dir, "refs.json");
    const r = run(refs);
    expect(r.code).toBe(1);
    expect(r.out.trim().split("\n")).toEqual([
      `${refs}: relations[0].b: unknown state "c" (known: a, b)`,
      `${refs}: hints[0].turn: must be at most the scenario's 6 turns`,
    ]);
  });

  it("reports bad YAML without a path", () => {
    const broken = join(dir, "broken.yml");
    const r = run(broken);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(
      new RegExp(
        `^${broken.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: not valid YAML: line \\d+, column \\d+: `,
      ),
    );
  });

  it("requires the id to match the file name", () => {
    const other = join(dir, "other-name.yaml");
    const r = run(other);
    expect(r.code).toBe(1);
    expect(r.out.trim()).toBe(`${other}: id: must match the file name: "other-name" (found "bad")`);
  });

  it("checks several files; exit 1 when any is invalid", () => {
    const r = run(good, join(dir, "bad.yaml"));
    expect(r.code).toBe(1);
    expect(r.out).toContain(`${good}: ok (`);
    expect(r.out).toContain(`${join(dir, "bad.yaml")}: states[0].defense:`);
  });

  it("checks every scenario file in a folder", () => {
    const sub = join(dir, "only-good");
    mkdirSync(sub);
    copyFileSync(GOOD_SOURCE, join(sub, "baltic-fog.yaml"));
    const r = run(sub);
    expect(r.code).toBe(0);
    expect(r.out.trim()).toBe(
      `${join(sub, "baltic-fog.yaml")}: ok (Baltic Fog: the memorial crisis, 4 states, 12 turns)`,
    );
  });

  it("says clearly when a file cannot be read, exit 2", () => {
    const missing = join(dir, "missing.yaml");
    const r = run(missing);
    expect(r.code).toBe(2);
    expect(r.out.trim()).toBe(`${missing}: cannot read: no such file`);
  });

  it("rejects an unknown file type, exit 2", () => {
    const txt = join(dir, "notes.txt");
    writeFileSync(txt, "hello");
    const r = run(txt);
    expect(r.code).toBe(2);
    expect(r.out).toContain("unknown file type");
  });

  it("with no argument checks the repository's scenarios folder", () => {
    const r = run();
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/baltic-fog\.yaml: ok \(/);
  });
});
