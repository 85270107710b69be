import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { hashValue } from "../model/hash.ts";
import type { GameRecord } from "../record/record.ts";
import { findScenario } from "../io/scenario-files.ts";
import type { Scenario } from "../scenario/schema.ts";
import { replayTimeline, stateAtTurn } from "./timeline.ts";

const golden = new URL("../../../test/golden/", import.meta.url);
const records = readdirSync(golden).filter((f) => f.endsWith(".json"));

/** The scenario a record was played in. */
function scenarioOf(record: GameRecord): Scenario {
  const sc = findScenario(record.scenario.id);
  if (!sc.ok) throw new Error(sc.problems.map((p) => p.message).join("; "));
  return sc.scenario;
}

describe("replayTimeline", () => {
  it("gives one start per turn, each a distinct state of that turn, and the record's final state", () => {
    expect(records.length).toBeGreaterThan(0);
    for (const f of records) {
      const record = JSON.parse(readFileSync(new URL(f, golden), "utf8")) as GameRecord;
      const t = replayTimeline(record, scenarioOf(record));
      if (!t.ok) throw new Error(t.error.message);
      const { starts, final, stepAt } = t.value;
      expect(starts[0]?.turn).toBe(1);
      starts.forEach((s, k) => {
        expect(s.turn).toBe(k + 1);
        expect(s.phase).toBe("planning");
      });
      expect(hashValue(final)).toBe(record.finalHash);
      // Snapshots are not aliases of one mutated object: turn 1's tension history is shorter than the last
      // turn's.
      expect(starts[0]?.tensionHistory).not.toBe(final.tensionHistory);
      expect(stepAt[0]).toBe(0);
      for (let k = 1; k < stepAt.length; k++) {
        const prev = record.steps[(stepAt[k] ?? 0) - 1];
        expect(prev?.type).toBe("resolve");
        expect(prev?.turn).toBe(k);
      }
      expect(stateAtTurn(t.value, 1)).toBe(starts[0]);
      expect(stateAtTurn(t.value, 0)).toBeNull();
      expect(stateAtTurn(t.value, starts.length + 2)).toBeNull();
    }
  });

  it("says where a tampered record diverges and returns no timeline", () => {
    const f = records[0] as string;
    const record = JSON.parse(readFileSync(new URL(f, golden), "utf8")) as GameRecord;
    const t = replayTimeline({ ...record, seed: `${record.seed}x` }, scenarioOf(record));
    expect(t.ok).toBe(false);
    if (!t.ok) expect(t.error.message).toMatch(/cannot be replayed: turn 0/);
  });
});
