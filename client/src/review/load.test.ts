import { describe, expect, it } from "vitest";
import { RULES_VERSION, type GameRecord } from "@firebreak/shared";
import { playGame } from "@firebreak/shared/testing";
import { testScenario } from "@firebreak/shared/testing";
import { parseRecordText, prepareRecord } from "./load.ts";

const scenario = testScenario(3);
const played = playGame(scenario, "replay-load", {}, {}, true);
if (!played.record) throw new Error("no record");
const record: GameRecord = { ...played.record, scenarioData: scenario };

describe("prepareRecord", () => {
  it("rebuilds every turn from the record alone: one frame per turn, then the end", () => {
    const p = prepareRecord(JSON.parse(JSON.stringify(record)));
    if (!p.ok) throw new Error(p.reason);
    expect(p.frames.length).toBe(
      played.state.tensionHistory[Object.keys(played.state.tension)[0] ?? ""]?.length,
    );
    p.frames.slice(0, -1).forEach((f, k) => {
      expect(f.turn).toBe(k + 1);
      expect(f.label).toBe(`Turn ${k + 1}`);
      expect(f.state.phase).toBe("planning");
    });
    const end = p.frames.at(-1);
    expect(end?.label).toMatch(/^End \(turn \d+\)$/);
    expect(end?.state.phase).toBe("ended");
    expect(p.seats).toEqual(played.state.seats);
  });

  it("says in plain words why a record cannot be replayed, and keeps its final state to show", () => {
    const older = prepareRecord({ ...record, rulesVersion: RULES_VERSION - 1, finalState: played.state });
    expect(older.ok).toBe(false);
    if (older.ok) return;
    expect(older.reason).toContain(`rules version ${RULES_VERSION - 1}`);
    expect(older.reason).toContain("how the game ended");
    expect(older.final?.phase).toBe("ended");

    const bare = prepareRecord({ ...record, scenarioData: undefined });
    expect(bare.ok === false && bare.reason).toContain("does not carry its scenario");
    expect(bare.ok === false && bare.final).toBeNull();

    const edited = prepareRecord({ ...record, seed: "another" });
    expect(edited.ok === false && edited.reason).toContain("does not replay");

    expect(parseRecordText("not json")).toMatchObject({
      ok: false,
      reason: expect.stringContaining("not JSON"),
    });
    expect(parseRecordText('{"a":1}')).toMatchObject({
      ok: false,
      reason: expect.stringContaining("not a Firebreak game record"),
    });
  });
});
