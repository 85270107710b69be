import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { findScenario } from "../io/scenario-files.ts";

const cli = (name: string): string => fileURLToPath(new URL(`./${name}.ts`, import.meta.url));
const FIXTURE = fileURLToPath(new URL("../../../test/fixtures/trivial-objectives.yaml", import.meta.url));

/** Runs a CLI with the running Node (24, which strips types). */
function run(name: string, ...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [cli(name), ...args], { encoding: "utf8", timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const dir = mkdtempSync(join(tmpdir(), "firebreak-batch-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("npm run simulate --csv and --grid", () => {
  it("writes one CSV row per game, and with --grid a summary per cell printed and beside the CSV", () => {
    const file = join(dir, "games.csv");
    const r = run(
      "simulate",
      "--scenario",
      "tutorial",
      "--games",
      "3",
      "--seed",
      "4",
      "--grid",
      "cbms=hotline",
      "--grid",
      "noCbms",
      "--csv",
      file,
    );
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/4 cells × 3 games/);
    expect(r.out).toMatch(/hotline=on noCbms=off/);
    const lines = readFileSync(file, "utf8").split("\r\n");
    expect(lines.at(-1)).toBe("");
    expect(lines).toHaveLength(1 + 4 * 3 + 1);
    expect(lines[0]).toMatch(/^cell,grid_hotline,grid_noCbms,game,seed,scenario,/);
    const summary = readFileSync(join(dir, "games.summary.csv"), "utf8").split("\r\n");
    expect(summary).toHaveLength(1 + 4 + 1);
    expect(summary[0]).toMatch(/^cell,grid_hotline,grid_noCbms,games,armed_conflict,/);
    expect(summary[4]).toMatch(/^hotline=on noCbms=on,on,on,3,/);
  });

  it("keeps its report and adds the CSV without a grid; the same arguments give the same bytes", () => {
    const a = join(dir, "a.csv");
    const b = join(dir, "b.csv");
    const one = run("simulate", "--scenario", "tutorial", "--games", "4", "--seed", "2", "--csv", a);
    const two = run("simulate", "--scenario", "tutorial", "--games", "4", "--seed", "2", "--csv", b);
    expect(one.code).toBe(0);
    expect(one.out).toMatch(/^Scenario tutorial, 4 games, seed 2, bots rotation\nOutcomes/);
    expect(one.out).toBe(two.out);
    expect(readFileSync(a, "utf8")).toBe(readFileSync(b, "utf8"));
    expect(readFileSync(a, "utf8").split("\r\n")).toHaveLength(1 + 4 + 1);
  });

  it("gives the same report and the same CSV bytes on worker threads as on one", () => {
    const args = ["--scenario", "tutorial", "--games", "3", "--seed", "6", "--grid", "cbms=consultations"];
    const one = run("simulate", ...args, "--csv", join(dir, "one.csv"));
    const two = run("simulate", ...args, "--csv", join(dir, "two.csv"), "--workers", "2");
    expect(two.code).toBe(0);
    expect(two.out).toBe(one.out);
    expect(readFileSync(join(dir, "two.csv"), "utf8")).toBe(readFileSync(join(dir, "one.csv"), "utf8"));
  });

  it("refuses a bad grid, a grid that repeats a flag, and a persona that needs a level, with its usage and exit 2", () => {
    for (const args of [
      ["--grid", "cbms=hotline", "--cbms", "hotline"],
      ["--bots", "opportunist"],
    ]) {
      const r = run("simulate", "--scenario", "tutorial", "--games", "1", ...args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.err).toMatch(/usage: npm run simulate/);
    }
  });
});

describe("npm run objectives", () => {
  it("reports a teacher's scenario file by path and exits 1 with --strict when an objective is flagged", () => {
    const plain = run("objectives", "--scenario", FIXTURE, "--games", "4");
    expect(plain.code).toBe(0);
    expect(plain.out).toMatch(/TRIVIAL/);
    expect(plain.out).toMatch(/IMPOSSIBLE/);
    const strict = run("objectives", "--scenario", FIXTURE, "--games", "4", "--strict", "--json");
    expect(strict.code).toBe(1);
    expect(JSON.parse(strict.out).flagged).toBe(3);
  });

  it("takes a scenario id too, and refuses an unknown scenario and bad flags", () => {
    expect(run("objectives", "--scenario", "tutorial", "--games", "2").code).toBe(0);
    expect(run("objectives", "--scenario", "no-such-scenario").code).toBe(1);
    expect(run("objectives", "--scenario", "tutorial", "--games", "0").code).toBe(2);
    expect(run("objectives").code).toBe(2);
  });
});

describe("npm run replay with a scenario that is not in scenarios/", () => {
  it("replays with --scenario <path>, or with the scenario the record carries", () => {
    const records = join(dir, "records");
    expect(run("simulate", "--scenario", FIXTURE, "--games", "1", "--records", records).code).toBe(0);
    const file = join(records, readdirSync(records)[0] as string);
    expect(run("replay", file).code).toBe(1);
    const named = run("replay", file, "--scenario", FIXTURE);
    expect(named.code).toBe(0);
    expect(named.out).toMatch(/ok, \d+ turns/);
    const carried = join(dir, "carried.json");
    const loaded = findScenario(FIXTURE);
    if (!loaded.ok) throw new Error("fixture invalid");
    const scenarioData = loaded.scenario;
    writeFileSync(carried, JSON.stringify({ ...JSON.parse(readFileSync(file, "utf8")), scenarioData }));
    expect(run("replay", carried).code).toBe(0);
  });
});

describe("npx node shared/src/cli/naming.ts", () => {
  it("reports the named hawks' attacks before and after, split by who named them; refuses a table without a hawk", () => {
    const r = run("naming", "--scenario", "baltic-fog", "--games", "40", "--seed", "1", "--json");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as {
      all: { seats: number; before: number; after: number };
      byVictim: { seats: number };
      byThirdState: { seats: number };
    };
    expect(out.all.seats).toBeGreaterThan(10);
    expect(out.byVictim.seats + out.byThirdState.seats).toBe(out.all.seats);
    expect(out.all.after).toBeLessThan(out.all.before);
    const dove = run("naming", "--scenario", "baltic-fog", "--games", "4", "--bots", "dove,reciprocal");
    expect(dove.code).toBe(2);
    expect(dove.err).toMatch(/--bots needs a hawk at the table/);
  });
});
