/** Escalation: the firebreak, the inversion, hotlines, capability fear and decay (docs/model.md §4.4). */
import { describe, expect, it } from "vitest";

import type { GameEvent } from "../model/events.ts";
import type { Order } from "../model/orders.ts";
import { pairKey } from "../model/pairs.ts";
import { DEFAULT_PARAMS, type ModelParams } from "../model/params.ts";
import type { GameState } from "../model/types.ts";
import type { Scenario } from "../scenario/schema.ts";
import { resolveOk, testGame } from "../testing/game.ts";

const NEVER_DETECTED = [100000, 100000, 100000, 100000, 100000];
const P = DEFAULT_PARAMS;

function newGame(
  params: Partial<ModelParams> = {},
  extra: Partial<Scenario> = {},
  seed = "esc-seed",
  n = 3,
): GameState {
  return testGame({ params, scenario: extra, seed, states: n });
}

const resolve = resolveOk;

/** The tension changes events report for a pair, optionally of one rule. */
function deltas(events: GameEvent[], a: string, b: string, rule?: string): number[] {
  return events
    .filter((e) => e.tension?.pair === pairKey(a, b) && (rule === undefined || e.rule === rule))
    .map((e) => e.tension?.delta ?? 0);
}

describe("overt operations", () => {
  it("the victim knows the author at high confidence at once", () => {
    const { state } = resolve(newGame({ dwellDays: NEVER_DETECTED }), {
      north: [{ type: "espionage", target: "south", overt: true }],
    });
    const inc = state.incidents.find((i) => i.author === "north");
    expect(inc?.overt).toBe(true);
    expect(inc?.public).toBe(true);
    expect(inc?.knowledge.south).toMatchObject({ confidence: 3, suspect: "north" });
  });

  it("below the inversion threshold tension rises by severity x cyberWeight (the firebreak)", () => {
    for (const kind of ["espionage", "ddos", "influence"] as const) {
      const { events } = resolve(newGame({ dwellDays: NEVER_DETECTED }), {
        north: [{ type: kind, target: "south", overt: true }],
      });
      const d = deltas(events, "north", "south", "escalation.incident");
      expect(d, kind).toHaveLength(1);
      expect(d[0], kind).toBeCloseTo(P.severity[kind] * P.cyberWeight, 3);
      // No other pair is touched by an overt operation.
      expect(
        events.filter(
          (e) => e.tension && e.tension.pair !== pairKey("north", "south") && e.rule !== "escalation.decay",
        ),
        kind,
      ).toEqual([]);
    }
  });

  it("at or above tension 7 cyber counts at full weight (escalation inversion)", () => {
    for (const start of [P.inversionThreshold, 8]) {
      const s = newGame(
        { dwellDays: NEVER_DETECTED },
        { relations: [{ a: "north", b: "south", tension: start }] },
      );
      const { events } = resolve(s, { north: [{ type: "ddos", target: "south", overt: true }] });
      expect(deltas(events, "north", "south", "escalation.inversion")).toEqual([P.severity.ddos]);
    }
    const below = newGame(
      { dwellDays: NEVER_DETECTED },
      { relations: [{ a: "north", b: "south", tension: 6.9 }] },
    );
    const { events } = resolve(below, { north: [{ type: "ddos", target: "south", overt: true }] });
    expect(deltas(events, "north", "south", "escalation.incident")[0]).toBeCloseTo(
      P.severity.ddos * P.cyberWeight,
      3,
    );
  });
});

describe("unattributed incidents and the hotline", () => {
  /** The same game, with or without a north-south hotline (added without touching the PRNG). */
  function twin(hotline: boolean): GameState {
    const s = newGame();
    if (!hotline) return s;
    return {
      ...s,
      cbms: [...s.cbms, { id: "c-test-hotline", kind: "hotline", members: ["north", "south"], since: 0 }],
    };
  }

  it("a hotline halves the tension an unattributed incident adds between its members, same seed", () => {
    const orders = { north: [{ type: "ddos", target: "south" } as Order] };
    const without = resolve(twin(false), orders);
    const withHotline = resolve(twin(true), orders);
    const plain = deltas(without.events, "north", "south", "escalation.incident");
    const halved = deltas(withHotline.events, "north", "south", "escalation.hotline");
    expect(plain).toHaveLength(1);
    expect(halved).toHaveLength(1);
    expect(plain[0]).toBeGreaterThan(0);
    expect(halved[0]).toBeCloseTo((plain[0] ?? NaN) * P.hotlineAmbiguityFactor, 2);
    // The victim's tension with a non-member is unchanged.
    expect(deltas(withHotline.events, "east", "south", "escalation.incident")).toEqual(
      deltas(without.events, "east", "south", "escalation.incident"),
    );
    // Expected value: severity x weight x suspicion / (non-state prior + sum of suspicions).
    const total = P.nonStatePrior + 2 * P.suspicionBaseline;
    expect(plain[0]).toBeCloseTo((P.severity.ddos * P.cyberWeight * P.suspicionBaseline) / total, 3);
  });

  it("an unattributed incident spreads tension over every suspect, not only the author", () => {
    const { events } = resolve(newGame(), { north: [{ type: "ddos", target: "south" }] });
    expect(deltas(events, "north", "south", "escalation.incident")[0]).toBeGreaterThan(0);
    expect(deltas(events, "east", "south", "escalation.incident")[0]).toBeGreaterThan(0);
  });
});

describe("blame is conserved", () => {
  it("low confidence moves half onto the suspect; moderate takes it back from innocents and tops the author up to the weight, once", () => {
    // Attribution one tier a month, the low tier always wrong: the victim first suspects east, then finds north.
    let s = newGame({ attributionHazard: 1, lowConfidenceError: 1, firstMonthAttribution: 0 }, {}, "blame-1");
    s = resolve(s, { north: [{ type: "ddos", target: "south" }] }).state;
    const ledger = () => s.incidents.find((i) => i.author === "north")?.blame ?? {};
    const weight = P.severity.ddos * P.cyberWeight;
    // Noticed: spread over both suspects in proportion to suspicion.
    expect(ledger().north).toBeGreaterThan(0);
    expect(ledger().north).toBeCloseTo(ledger().east ?? NaN, 6);
    s = resolve(s, {}).state;
    // Low confidence, wrongly on east: half the weight on east, part of north's taken back.
    expect(ledger().east).toBeCloseTo(weight * P.lowConfidenceBlame, 2);
    expect(ledger().north ?? 0).toBeLessThan(ledger().east ?? 0);
    s = resolve(s, {}).state;
    // Moderate, on north: nothing left on the innocent, the author's pair at the incident's full weight.
    expect(ledger().east).toBe(0);
    expect(ledger().north).toBeCloseTo(weight, 2);
    s = resolve(s, {}).state;
    // High: nothing added twice.
    expect(ledger().north).toBeCloseTo(weight, 2);
    expect(ledger().east).toBe(0);
  });
});

describe("capability growth and decay", () => {
  it("develop: cyber +1 from next turn and capabilityFear tension with every other state", () => {
    const s = newGame({ dwellDays: NEVER_DETECTED }, {}, "esc-seed", 4);
    const { state, events } = resolve(s, {
      north: [{ type: "develop" }],
      south: [{ type: "espionage", target: "north" }],
    });
    // South's spy saw the capability of this turn, before growth took effect.
    expect(state.intel.south?.[0]?.cyber).toBe(3);
    expect(state.nations.north?.cyber).toBe(4);
    expect(state.nations.north?.pendingCyber).toBe(0);
    for (const other of ["south", "east", "west"])
      expect(deltas(events, "north", other, "op.develop"), other).toEqual([P.capabilityFear]);
    expect(deltas(events, "south", "east", "op.develop")).toEqual([]);
  });

  it("a published doctrine halves the fear of the publisher's growth, and joint observation halves it again", () => {
    const grow = (cbms: Array<"publishDoctrine" | "jointObservation">) =>
      resolve(
        testGame({ params: { dwellDays: NEVER_DETECTED }, options: { cbms }, seed: "fear", states: 3 }),
        {
          north: [{ type: "develop" }],
        },
      ).events;
    const halved = deltas(grow(["publishDoctrine"]), "north", "south", "op.develop");
    const quartered = deltas(grow(["publishDoctrine", "jointObservation"]), "north", "south", "op.develop");
    expect(halved).toHaveLength(1);
    expect(halved[0]).toBeCloseTo(P.capabilityFear / 2, 2);
    expect(quartered).toHaveLength(1);
    expect(quartered[0]).toBeCloseTo(P.capabilityFear / 4, 2);
  });

  it("quiet pairs decay by fatigue plus tensionDecay; pairs whose tension rose only by fatigue", () => {
    const s = newGame({}, { relations: [{ a: "north", b: "south", tension: 5 }] });
    const { state } = resolve(s, { north: [{ type: "mobilize", target: "east" }] });
    const quiet = 5 - P.tensionFatigue * 5 - P.tensionDecay;
    expect(state.tension[pairKey("north", "south")]).toBeCloseTo(quiet, 3);
    expect(state.tension[pairKey("south", "east")]).toBeCloseTo(1 - P.tensionFatigue * 1 - P.tensionDecay, 3);
    const touched = 1 + P.mobilizeTension;
    expect(state.tension[pairKey("north", "east")]).toBeCloseTo(touched - P.tensionFatigue * touched, 3);
    expect(state.tensionHistory[pairKey("north", "south")]).toEqual([
      5,
      state.tension[pairKey("north", "south")],
    ]);
  });

  it("consultations add to the decay of their members", () => {
    const base = newGame({}, { relations: [{ a: "north", b: "south", tension: 5 }] });
    const consult = {
      ...base,
      cbms: [{ id: "c-test", kind: "consultations" as const, members: ["north", "south"], since: 0 }],
    };
    const a = resolve(base).state.tension[pairKey("north", "south")] ?? NaN;
    const b = resolve(consult).state.tension[pairKey("north", "south")] ?? NaN;
    expect(a - b).toBeCloseTo(P.consultationsDecay, 3);
  });

  it("tension never leaves 0-10", () => {
    const s = newGame({}, { relations: [{ a: "north", b: "south", tension: 0 }] });
    const { state } = resolve(s, { north: [{ type: "statement", tone: "reassure", target: "south" }] });
    expect(state.tension[pairKey("north", "south")]).toBe(0);
  });
});
