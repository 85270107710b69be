/**
 * The brink: reaching the threshold is a warning and a turn to choose; war needs a strike or both sides
 * standing firm.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_PARAMS as P } from "../model/params.ts";
import { pairKey } from "../model/pairs.ts";
import type { Order } from "../model/orders.ts";
import type { GameOptions, GameState } from "../model/types.ts";
import { validateOrders } from "../game/validate.ts";
import { resolveOk, testGame } from "../testing/game.ts";

const NS = pairKey("north", "south");

/** A game whose north–south pair went to the brink on turn 1 (tension 9). */
function atBrink(
  params: Partial<typeof P> = {},
  options: Partial<GameOptions> = {},
  seed?: string,
): GameState {
  const s = testGame({
    params: { tensionFatigue: 0, ...params },
    scenario: { relations: [{ a: "north", b: "south", tension: 8 }] },
    options,
    ...(seed ? { seed } : {}),
  });
  const { state } = resolveOk(s, { north: [{ type: "mobilize", target: "south" }] });
  expect(state.brinks).toEqual({ [NS]: 1 });
  return state;
}

const choose = (
  north: "firm" | "standDown" | null,
  south: "firm" | "standDown" | null,
): Record<string, Order[]> => ({
  north: north ? [{ type: "brink", target: "south", choice: north }] : [],
  south: south ? [{ type: "brink", target: "north", choice: south }] : [],
});

describe("the brink", () => {
  it("a brink order is legal only for a pair at the brink, and costs nothing", () => {
    const calm = testGame();
    const r = validateOrders(calm, "north", [{ type: "brink", target: "south", choice: "firm" }]);
    expect(r.ok ? null : r.error.code).toBe("NOT_AT_BRINK");
    const s = atBrink();
    expect(validateOrders(s, "north", [{ type: "brink", target: "south", choice: "firm" }]).ok).toBe(true);
    expect(validateOrders(s, "north", [{ type: "brink", target: "east", choice: "firm" }]).ok).toBe(false);
    const bad = validateOrders(s, "north", [{ type: "brink", target: "south", choice: "maybe" }]);
    expect(bad.ok ? null : bad.error.code).toBe("INVALID_ORDER");
  });

  it("both standing down brings the pair down to the exit tension and lifts the brink", () => {
    const { state } = resolveOk(atBrink(), choose("standDown", "standDown"));
    expect(state.brinks).toEqual({});
    expect(state.tension[NS]).toBeLessThanOrEqual(P.brinkExitTension);
    expect(state.outcome).toBeNull();
  });

  it("one side standing down alone lowers tension and costs it face; over a hotline it brings both down free", () => {
    const before = atBrink();
    const alone = resolveOk(before, choose("standDown", "firm")).state;
    expect(alone.tension[NS]).toBeCloseTo(9 - P.brinkStandDownRelief, 3);
    expect(alone.outcome).toBeNull();
    expect(alone.nations.north?.stability).toBeCloseTo(
      (before.nations.north?.stability ?? 0) - P.brinkBackDownStability,
      3,
    );
    expect(alone.brinks).toEqual({});
    const linked = atBrink({}, { cbms: ["hotline"] });
    const withHotline = resolveOk(linked, choose("standDown", "firm")).state;
    expect(withHotline.tension[NS]).toBeLessThanOrEqual(P.brinkExitTension);
    expect(withHotline.nations.north?.stability).toBe(linked.nations.north?.stability);
  });

  it("a strike at the brink is war, started by the striker", () => {
    const { state } = resolveOk(atBrink(), { north: [{ type: "strike", target: "south" }] });
    expect(state.outcome).toMatchObject({ kind: "armedConflict", initiator: "north", cause: "strike" });
  });

  it("if both stand firm the standoff turns into war with chance brinkWarChance, never before the pair had a turn to choose", () => {
    let wars = 0;
    const n = 400;
    for (let i = 0; i < n; i++) {
      const s = atBrink({}, {}, `firm-${i}`);
      const { state } = resolveOk(s, choose("firm", "firm"));
      if (state.outcome) {
        wars++;
        expect(state.outcome).toMatchObject({ kind: "armedConflict", cause: "brink", initiator: null });
      } else expect(state.brinks[NS]).toBe(1);
    }
    // 400 draws at p = 0.2: mean 80, sd 8; the band is about five sd wide on each side.
    expect(wars).toBeGreaterThan(40);
    expect(wars).toBeLessThan(120);
  });

  it("a hotline halves the chance that a standoff turns into war", () => {
    let wars = 0;
    for (let i = 0; i < 400; i++) {
      const { state } = resolveOk(atBrink({}, { cbms: ["hotline"] }, `firm-${i}`), choose("firm", "firm"));
      if (state.outcome) wars++;
    }
    // p = 0.1: mean 40, sd 6.
    expect(wars).toBeGreaterThan(15);
    expect(wars).toBeLessThan(70);
  });

  it("a standoff does not ease by itself: a pair at the brink keeps its tension while nobody stands down", () => {
    const s = atBrink({ tensionFatigue: 0.08, brinkWarChance: 0 });
    const { state } = resolveOk(s, choose(null, "firm"));
    expect(state.tension[NS]).toBe(s.tension[NS]);
    expect(state.brinks[NS]).toBe(1);
  });

  it("a pair at the brink whose tension words bring below the threshold leaves it", () => {
    const s = atBrink({ brinkWarChance: 0 });
    const { state, events } = resolveOk(s, {
      north: [{ type: "statement", tone: "reassure", target: "south" }],
    });
    expect(state.tension[NS]).toBeLessThan(P.armedConflictTension);
    expect(state.brinks).toEqual({});
    expect(events.some((e) => e.rule === "escalation.brink" && e.text.includes("left the brink"))).toBe(true);
  });

  it("standing down is not reaching the brink again in the same turn, even after a warning pushed tension higher", () => {
    const s = atBrink();
    const { state } = resolveOk(s, {
      north: [
        { type: "brink", target: "south", choice: "standDown" },
        { type: "statement", tone: "warn", target: "south" },
      ],
      south: [{ type: "brink", target: "north", choice: "standDown" }],
    });
    expect(state.brinks).toEqual({});
  });

  it("a standoff that words brought below the threshold this turn cannot turn into war", () => {
    const s = atBrink({ brinkWarChance: 1 });
    const { state } = resolveOk(s, {
      north: [
        { type: "brink", target: "south", choice: "firm" },
        { type: "statement", tone: "reassure", target: "south" },
      ],
      south: [{ type: "brink", target: "north", choice: "firm" }],
    });
    expect(state.outcome).toBeNull();
    expect(state.brinks).toEqual({});
  });
});
