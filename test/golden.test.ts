/**
 * Golden records: replaying each must reproduce every per-turn state hash; a tampered record must fail at the
 * right turn.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { findScenario } from "@firebreak/shared/scenario-files";
import { RULES_VERSION } from "../shared/src/game/create.ts";
import { replayRecord, type GameRecord } from "../shared/src/record/record.ts";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const goldenDir = join(root, "test", "golden");
const goldens = readdirSync(goldenDir)
  .filter((f) => f.endsWith(".json"))
  .sort();
const read = (file: string): GameRecord =>
  JSON.parse(readFileSync(join(goldenDir, file), "utf8")) as GameRecord;
const scenarioOf = (r: GameRecord) => {
  const s = findScenario(r.scenario.id);
  if (!s.ok) throw new Error(`scenario ${r.scenario.id} invalid`);
  return s.scenario;
};
const replayCli = (...args: string[]) =>
  spawnSync(process.execPath, [join(root, "shared/src/cli/replay.ts"), ...args], { encoding: "utf8" });

describe("golden records", () => {
  it("there are at least three, covering armed conflict, stable peace, the turn limit and a facilitator's inject and end", () => {
    expect(goldens.length).toBeGreaterThanOrEqual(3);
    const kinds = new Set<string>();
    for (const f of goldens) {
      const r = replayRecord(read(f), scenarioOf(read(f)));
      if (r.ok) kinds.add(r.state.outcome?.kind ?? "none");
    }
    expect([...kinds].sort()).toEqual(["armedConflict", "facilitatorEnded", "stablePeace", "turnLimit"]);
  });

  for (const file of goldens) {
    it(`${file} replays with every state hash matching`, () => {
      const record = read(file);
      const r = replayRecord(record, scenarioOf(record));
      expect(r.ok ? "ok" : JSON.stringify(r.divergence)).toBe("ok");
    });
  }

  it("a changed order is caught at the turn it was played", () => {
    const record = read("turn-limit.json");
    const i = record.steps.findIndex(
      (s) => s.type === "orders" && s.turn === 5 && Array.isArray(s.orders) && s.orders.length > 0,
    );
    expect(i).toBeGreaterThan(0);
    const tampered = structuredClone(record);
    const step = tampered.steps[i] as { orders: unknown[] };
    step.orders = [];
    const r = replayRecord(tampered, scenarioOf(record));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.divergence.turn).toBe(5);
  });

  it("a record of another rules version is refused before any step, naming both versions", () => {
    const old = { ...read("stable-peace.json"), rulesVersion: RULES_VERSION - 1 };
    const r = replayRecord(old, scenarioOf(old));
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.divergence.reason).toBe(
        `record made with rules v${RULES_VERSION - 1}, engine is v${RULES_VERSION}`,
      );
  });

  it("the replay CLI exits 0 on goldens and non-zero naming the first divergent turn on a tampered record", () => {
    const ok = replayCli(...goldens.map((f) => join(goldenDir, f)));
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain("every state hash matches");
    const record = read("stable-peace.json");
    const resolves = record.steps.map((s, i) => [s, i] as const).filter(([s]) => s.type === "resolve");
    const [, idx] = resolves[2] as readonly [unknown, number];
    const tampered = structuredClone(record);
    (tampered.steps[idx] as { hash?: string }).hash = "0000000000000000";
    const dir = mkdtempSync(join(tmpdir(), "fb-replay-"));
    const path = join(dir, "bad.json");
    writeFileSync(path, JSON.stringify(tampered));
    const bad = replayCli(path);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain("DIVERGES at turn 3");
    writeFileSync(join(dir, "junk.json"), "{ not json");
    const junk = replayCli(join(dir, "junk.json"));
    expect(junk.status).toBe(1);
    expect(junk.stdout).toContain("cannot read record");
    expect(replayCli().status).toBe(2);
  });
});

describe("simulate CLI", () => {
  const simulate = (...args: string[]) =>
    execFileSync(process.execPath, [join(root, "shared/src/cli/simulate.ts"), ...args], { encoding: "utf8" });

  it("is byte-identical for the same arguments and prints the documented JSON keys", () => {
    const args = ["--scenario", "baltic-fog", "--games", "40", "--seed", "3", "--json"];
    const a = simulate(...args);
    expect(simulate(...args)).toBe(a);
    const r = JSON.parse(a) as Record<string, unknown>;
    for (const k of [
      "games",
      "outcomes",
      "meanTurns",
      "attributionLagMedian",
      "detectionRateByDefense",
      "meanScoreByPersona",
    ])
      expect(r).toHaveProperty(k);
    const o = r.outcomes as Record<string, { share: number; ci95: [number, number] }>;
    expect(Object.keys(o).sort()).toEqual(["armedConflict", "stablePeace", "turnLimit"]);
    expect(
      (o.armedConflict?.share ?? 0) + (o.stablePeace?.share ?? 0) + (o.turnLimit?.share ?? 0),
    ).toBeCloseTo(1, 3);
    expect(simulate("--scenario", "baltic-fog", "--games", "40", "--seed", "4", "--json")).not.toBe(a);
  });

  it("writes replayable records with --records", () => {
    const dir = mkdtempSync(join(tmpdir(), "fb-records-"));
    simulate(
      "--scenario",
      "baltic-fog",
      "--games",
      "3",
      "--seed",
      "9",
      "--bots",
      "hawk,dove",
      "--records",
      dir,
    );
    const files = readdirSync(dir).map((f) => join(dir, f));
    expect(files).toHaveLength(3);
    const r = replayCli(...files);
    expect(r.status).toBe(0);
  });

  it("rejects bad arguments with a clear message", () => {
    const bad = (args: string[]) =>
      spawnSync(process.execPath, [join(root, "shared/src/cli/simulate.ts"), ...args], { encoding: "utf8" });
    expect(bad(["--scenario", "baltic-fog", "--bots", "pacifist"]).stderr).toContain(
      'unknown bot persona "pacifist"',
    );
    expect(bad(["--scenario", "baltic-fog", "--cbms", "treaty"]).stderr).toContain('unknown CBM "treaty"');
    expect(bad(["--scenario", "nowhere"]).status).toBe(1);
    expect(bad(["--games", "5"]).status).toBe(2);
  });
});
