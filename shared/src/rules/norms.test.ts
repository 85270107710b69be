/**
 * Norms and pledges: no-first-use breaches and the code of conduct (docs/model.md §4.5; UN GGE 2013, 2015).
 */
import { describe, expect, it } from "vitest";

import { pairKey } from "../model/pairs.ts";
import { DEFAULT_PARAMS, type ModelParams } from "../model/params.ts";
import type { GameState, Incident } from "../model/types.ts";
import type { Scenario } from "../scenario/schema.ts";
import { resolveOk, testGame } from "../testing/game.ts";

/** Noise off; stable peace out of reach (pledges count as CBMs and tension stays low). */
const FAST: Partial<ModelParams> = { attributionHazard: 0.95, lowConfidenceError: 0 };
const NEVER_DETECTED = [100000, 100000, 100000, 100000, 100000];
const P = DEFAULT_PARAMS;

function newGame(
  params: Partial<ModelParams> = {},
  extra: Partial<Scenario> = {},
  seed = "norm-seed",
): GameState {
  return testGame({
    params: { peaceTurns: 40, dwellDays: NEVER_DETECTED, ...params },
    scenario: extra,
    seed,
  });
}

const resolve = resolveOk;

function incident(s: GameState, author: string, target: string, kind: Incident["kind"]): Incident {
  const i = s.incidents.find((x) => x.author === author && x.target === target && x.kind === kind);
  if (!i) throw new Error("no incident");
  return i;
}

/** North pre-positions in south on turn 1 and disrupts it on turn 2 (optionally overtly). Now turn 3. */
function disrupted(s1: GameState, overt = false): GameState {
  const s2 = resolve(s1, { north: [{ type: "preposition", target: "south" }] }).state;
  return resolve(s2, { north: [{ type: "disrupt", target: "south", ...(overt ? { overt: true } : {}) }] })
    .state;
}

/** Resolves empty turns until south's confidence in the incident is `tier`. */
function untilConfidence(s: GameState, id: string, tier: number): GameState {
  for (let t = 0; t < 12; t++) {
    if ((s.incidents.find((i) => i.id === id)?.knowledge.south?.confidence ?? 0) >= tier) return s;
    s = resolve(s).state;
  }
  throw new Error(`confidence ${tier} never reached`);
}

describe("no-first-use pledges", () => {
  // North and east have pledged (unilaterally); south has not.
  const pledges: Partial<Scenario> = {
    cbms: [
      { kind: "noFirstUse", members: ["north"] },
      { kind: "noFirstUse", members: ["east"] },
    ],
  };

  it("a breach publicly attributed at moderate confidence costs pledgeBreachReputation and raises tension with every other pledger", () => {
    let s = disrupted(newGame(FAST, pledges));
    const id = incident(s, "north", "south", "disrupt").id;
    s = untilConfidence(s, id, 2);
    const before = s.nations.north?.reputation ?? NaN;
    const { state, events } = resolve(s, { south: [{ type: "attribute", incident: id, accused: "north" }] });
    // The breach, and the coalition's measures.
    expect(
      events.filter(
        (e) => e.rule === "norm.pledgeBreach" && e.tension === undefined && e.visibleTo === "public",
      ),
    ).toHaveLength(2);
    expect(state.nations.north?.economy).toBeCloseTo(
      (s.nations.north?.economy ?? NaN) - P.coalitionSanction * (s.seats.length - 1),
      3,
    );
    // Accused (1) + norm (f) (2) + broken pledge (3).
    expect(state.nations.north?.reputation).toBeCloseTo(
      before - P.accusedReputation - P.normViolationReputation - P.pledgeBreachReputation,
      3,
    );
    const breach = events.filter((e) => e.rule === "norm.pledgeBreach" && e.tension).map((e) => e.tension);
    expect(breach).toEqual([{ pair: pairKey("north", "east"), delta: P.pledgeBreachTension }]);
    expect(state.lastNormViolation).toBe(s.turn);
    // Applied once: a second accusation costs nothing more.
    const again = resolve(state, { east: [{ type: "attribute", incident: id, accused: "north" }] });
    expect(again.events.some((e) => e.rule === "norm.pledgeBreach")).toBe(false);
  });

  it("an attribution at low confidence costs no pledge breach", () => {
    let s = disrupted(newGame(FAST, pledges));
    const id = incident(s, "north", "south", "disrupt").id;
    s = untilConfidence(s, id, 1);
    expect(s.incidents.find((i) => i.id === id)?.knowledge.south?.confidence).toBe(1);
    const frozen = { ...s, params: { ...s.params, attributionHazard: 0 } };
    const { state, events } = resolve(frozen, {
      south: [{ type: "attribute", incident: id, accused: "north" }],
    });
    expect(events.some((e) => e.rule === "norm.pledgeBreach" || e.rule === "norm.violation")).toBe(false);
    expect(state.nations.north?.reputation).toBe(s.nations.north?.reputation);
  });

  it("a state without a pledge pays the norm cost but no pledge cost", () => {
    const s = disrupted(newGame(), true);
    const inc = incident(s, "north", "south", "disrupt");
    expect(inc.normCostApplied).toBe(true);
    expect(s.events.some((e) => e.rule === "norm.pledgeBreach")).toBe(false);
    expect(s.events.filter((e) => e.rule === "norm.violation")).toHaveLength(1);
  });
});

describe("code of conduct", () => {
  const members = (s: GameState, seats: string[]): GameState => ({
    ...s,
    cbms: [{ id: "c-test-coc", kind: "codeOfConduct" as const, members: seats, since: 0 }],
  });

  it("a member caught breaking an article pays per article, and each other member imposes coalition measures", () => {
    const base = newGame();
    const cost = (s1: GameState): { rep: number; econ: number; events: string[] } => {
      const s2 = resolve(s1, { north: [{ type: "preposition", target: "south" }] }).state;
      const { state, events } = resolve(s2, { north: [{ type: "disrupt", target: "south", overt: true }] });
      return {
        rep: (s2.nations.north?.reputation ?? NaN) - (state.nations.north?.reputation ?? NaN),
        econ: (s2.nations.north?.economy ?? NaN) - (state.nations.north?.economy ?? NaN),
        events: events.filter((e) => e.rule === "norm.codeOfConduct").map((e) => e.text),
      };
    };
    const outside = cost(base);
    expect(outside.rep).toBeCloseTo(P.normViolationReputation, 3);
    expect(outside.events).toEqual([]);
    const inside = cost(members(base, ["north", "south", "east"]));
    // Norm (f), then article 2 of the code (critical infrastructure).
    expect(inside.rep).toBeCloseTo(P.normViolationReputation + P.codeBreachReputation, 3);
    expect(inside.econ - outside.econ).toBeCloseTo(2 * P.coalitionSanction, 3);
    expect(inside.events).toHaveLength(1);
    expect(inside.events[0]).toContain("article 2, protection of critical infrastructure");
  });

  it("an overt influence operation by a member breaks article 1 (non-interference)", () => {
    const s = members(newGame(), ["north", "south"]);
    const { events } = resolve(s, { north: [{ type: "influence", target: "south", overt: true }] });
    const breach = events.filter((e) => e.rule === "norm.codeOfConduct");
    expect(breach).toHaveLength(1);
    expect(breach[0]?.text).toContain("article 1, non-interference");
    expect(breach[0]?.visibleTo).toBe("public");
  });

  it("an inquiry between members left unanswered breaks article 5, told to the members only", () => {
    const base = newGame();
    let s: GameState = {
      ...base,
      cbms: [
        { id: "c-hot", kind: "hotline" as const, members: ["north", "south"], since: 0 },
        { id: "c-coc", kind: "codeOfConduct" as const, members: ["north", "south"], since: 0 },
      ],
    };
    s = resolve(s, { north: [{ type: "ddos", target: "south" }] }).state;
    const id = incident(s, "north", "south", "ddos").id;
    s = resolve(s, { south: [{ type: "inquire", target: "north", incident: id }] }).state;
    const { events } = resolve(s);
    const breach = events.filter((e) => e.rule === "norm.codeOfConduct");
    expect(breach).toHaveLength(1);
    expect(breach[0]?.text).toContain("article 5");
    expect(breach[0]?.visibleTo).toEqual(["north", "south"]);
  });

  it("a proxy operation attributed at moderate breaks the no-proxies norm too (two norms)", () => {
    let s = newGame({ ...FAST, proxyAttributionMultiplier: 1 });
    s = resolve(s, { north: [{ type: "preposition", target: "south" }] }).state;
    s = resolve(s, { north: [{ type: "disrupt", target: "south", proxy: true }] }).state;
    const id = incident(s, "north", "south", "disrupt").id;
    s = untilConfidence(s, id, 2);
    const before = s.nations.north?.reputation ?? NaN;
    const { state } = resolve(s, { south: [{ type: "attribute", incident: id, accused: "north" }] });
    expect(state.nations.north?.reputation).toBeCloseTo(
      before - P.accusedReputation - 2 * P.normViolationReputation,
      3,
    );
  });
});
