import { createGame, newRecord, type GameRecord, type Scenario } from "@firebreak/shared";
import { describe, expect, it } from "vitest";
import { scenario } from "../testing/fixtures.ts";
import { checkFork, type ParentAnswer } from "./forking.ts";
import type { CreateOptions } from "./types.ts";

/** A parent's record: a game of the fixture scenario in its first turn. */
function parentRecord(): GameRecord {
  const g = createGame(scenario, "parent-seed");
  if (!g.ok) throw new Error(g.error.message);
  return newRecord(scenario, "parent-seed", g.value.options, [], g.value);
}

const options: CreateOptions = {
  scenario: scenario.id,
  seed: "parent-seed",
  name: "Parent",
  turnSeconds: 0,
  botLevel: "normal",
  solo: null,
  takeoverSeconds: 0,
  cbms: [],
};

/**
 * checkFork's code (or "ok") for a fork of turn `turn`, the parent answering `answer`, the catalogue holding
 * `held`.
 */
function codeOf(answer: ParentAnswer, turn = 1, held: Scenario | null = scenario): string {
  const r = checkFork(
    { game: "gParent", turn, token: "a-member-token" },
    () => answer,
    () => held,
    (s) => s,
  );
  return r.ok ? "ok" : `${r.error.code}: ${r.error.message}`;
}

describe("checkFork", () => {
  it("answers for the parent as the server found it: no such game or token, still played, unreadable", () => {
    expect(codeOf({ status: 401 })).toMatch(/^BAD_TOKEN: /);
    expect(codeOf({ status: 409 })).toMatch(/^NOT_PLAYING: /);
    expect(codeOf({ status: 500 })).toMatch(/^STORE_FAILED: /);
  });

  it("refuses a parent played under other rules, closed, or in a scenario that has changed or is gone", () => {
    const replayable = parentRecord();
    expect(codeOf({ status: 200, record: { ...replayable, rulesVersion: 2 }, options })).toMatch(
      /^RULES_CHANGED: That game was played under rules v2 and this server runs v\d+/,
    );
    const closed = { reason: "rulesChanged" as const, engineRulesVersion: 9, at: 0, message: "closed" };
    expect(codeOf({ status: 200, record: { ...replayable, closed }, options })).toMatch(/^RULES_CHANGED: /);
    const changed = { ...scenario, title: `${scenario.title} (revised)` };
    expect(codeOf({ status: 200, record: replayable, options }, 1, changed)).toMatch(
      /^RULES_CHANGED: The scenario ".*" has changed since that game was played/,
    );
    expect(codeOf({ status: 200, record: replayable, options }, 1, null)).toMatch(/^RULES_CHANGED: /);
  });

  it("forks a turn the parent played, keeping the parent's game options and parameter overrides", () => {
    const record = parentRecord();
    const params = { attributionNoise: 0.2 } as unknown as NonNullable<Scenario["params"]>;
    const r = checkFork(
      { game: "gParent", turn: 1, token: "a-member-token", play: ["north", "north"] },
      () => ({ status: 200, record, options: { ...options, cbms: ["hotline"], params } as CreateOptions }),
      () => scenario,
      (s) => s,
    );
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.origin).toMatchObject({
      parent: { game: "gParent", turn: 1 },
      steps: [],
      play: ["north"],
    });
    expect(r.value.copied).toEqual({ cbms: ["hotline"], params });
    expect(codeOf({ status: 200, record, options }, 2)).toMatch(/^WRONG_TURN: That game played turns 1 to 1/);
  });
});
