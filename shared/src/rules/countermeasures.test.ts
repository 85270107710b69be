/**
 * Coalition sanctions (docs/model.md §3.3): a third state joining sanctions against a state publicly named at
 * moderate+ pays no reputation.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_PARAMS, type ModelParams } from "../model/params.ts";
import type { GameState } from "../model/types.ts";
import { resolveOk, testGame } from "../testing/game.ts";

const FAST: Partial<ModelParams> = { attributionHazard: 0.95, lowConfidenceError: 0 };
const P = DEFAULT_PARAMS;

/**
 * North's DDoS on south, named by south at the confidence its evidence reached (`tier`), in a game of three.
 */
function named(tier: 1 | 2): GameState {
  let s = resolveOk(testGame({ params: FAST, seed: "coalition-seed" }), {
    north: [{ type: "ddos", target: "south" }],
  }).state;
  const id = s.incidents.find((i) => i.author === "north")?.id as string;
  for (
    let t = 0;
    t < 12 && (s.incidents.find((i) => i.id === id)?.knowledge.south?.confidence ?? 0) < tier;
    t++
  )
    s = resolveOk(s).state;
  if ((s.incidents.find((i) => i.id === id)?.knowledge.south?.confidence ?? 0) !== tier)
    throw new Error(`the seed skipped confidence ${tier}`);
  const frozen = { ...s, params: { ...s.params, attributionHazard: 0 } };
  return resolveOk(frozen, { south: [{ type: "attribute", incident: id, accused: "north" }] }).state;
}

describe("coalition sanctions", () => {
  it("a third state sanctioning a state publicly named at moderate+ pays no reputation, and the event says so", () => {
    const s = named(2);
    const { state, events } = resolveOk(s, { east: [{ type: "sanction", target: "north" }] });
    expect(state.nations.east?.reputation).toBe(s.nations.east?.reputation);
    expect(state.nations.east?.economy).toBeCloseTo((s.nations.east?.economy ?? NaN) - P.sanctionCost, 3);
    const e = events.find((x) => x.rule === "diplomacy.sanction" && x.changes);
    expect(e?.text).not.toMatch(/without a public attribution/);
    expect(e?.changes?.some((c) => c.measure === "reputation")).toBe(false);
  });

  it("after only a low-confidence naming, a third state's sanction still costs reputation", () => {
    const s = named(1);
    const { state } = resolveOk(s, { east: [{ type: "sanction", target: "north" }] });
    expect(state.nations.east?.reputation).toBeCloseTo(
      (s.nations.east?.reputation ?? NaN) - P.unjustifiedSanctionReputation,
      3,
    );
  });
});
