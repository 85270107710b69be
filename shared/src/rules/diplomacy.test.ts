/** Overt diplomacy: public attribution, hotline inquiries, denials, sanctions (docs/model.md §3.3). */
import { describe, expect, it } from "vitest";

import type { GameEvent } from "../model/events.ts";

import { pairKey } from "../model/pairs.ts";
import { DEFAULT_PARAMS, type ModelParams } from "../model/params.ts";
import type { GameOptions, GameState, Incident } from "../model/types.ts";
import type { Scenario } from "../scenario/schema.ts";
import { resolveOk, testGame } from "../testing/game.ts";

const FAST: Partial<ModelParams> = { attributionHazard: 0.95, lowConfidenceError: 0 };
const P = DEFAULT_PARAMS;

function newGame(
  params: Partial<ModelParams> = {},
  options: Partial<GameOptions> = {},
  relations: Scenario["relations"] = [],
): GameState {
  return testGame({ params, options, scenario: { relations }, seed: "dip-seed" });
}

const resolve = resolveOk;

function incident(s: GameState, author: string, target: string): Incident {
  const i = s.incidents.find((x) => x.author === author && x.target === target);
  if (!i) throw new Error("no incident");
  return i;
}

/** Resolves empty turns until the victim's confidence in the incident reaches `tier`. */
function untilConfidence(s: GameState, id: string, victim: string, tier: number): GameState {
  for (let t = 0; t < 12; t++) {
    if ((s.incidents.find((i) => i.id === id)?.knowledge[victim]?.confidence ?? 0) >= tier) return s;
    s = resolve(s).state;
  }
  throw new Error(`confidence ${tier} never reached`);
}

function deltas(events: GameEvent[], a: string, b: string, rule: string): number[] {
  return events
    .filter((e) => e.tension?.pair === pairKey(a, b) && e.rule === rule)
    .map((e) => e.tension?.delta ?? 0);
}

describe("public attribution", () => {
  it("naming the wrong state costs wrongAttributionReputation and adds tension with the accused", () => {
    const s2 = resolve(newGame(), { north: [{ type: "ddos", target: "south" }] }).state;
    const id = incident(s2, "north", "south").id;
    const { state, events } = resolve(s2, { south: [{ type: "attribute", incident: id, accused: "east" }] });
    expect(state.nations.south?.reputation).toBeCloseTo(
      (s2.nations.south?.reputation ?? NaN) - P.wrongAttributionReputation,
      3,
    );
    expect(state.nations.east?.reputation).toBe(s2.nations.east?.reputation);
    expect(deltas(events, "south", "east", "attribution.public")).toEqual([P.wrongAttributionTension]);
    expect(events.find((e) => e.rule === "attribution.public" && e.tension === undefined)?.text).toBe(
      "South publicly attributes the incident against its own networks to East (no evidence).",
    );
    expect(incident(state, "north", "south").publicAttributions).toEqual([
      { turn: 2, by: "south", accused: "east", confidence: 0 },
    ]);
  });

  it("naming the right state at moderate+ costs the accused accusedReputation and credits the accuser", () => {
    let s = resolve(newGame(FAST), { north: [{ type: "ddos", target: "south" }] }).state;
    const id = incident(s, "north", "south").id;
    s = untilConfidence(s, id, "south", 2);
    const { state, events } = resolve(s, { south: [{ type: "attribute", incident: id, accused: "north" }] });
    // A response, not an escalation: the public naming adds no tension.
    expect(events.filter((e) => e.rule === "attribution.public" && (e.tension?.delta ?? 0) > 0)).toEqual([]);
    expect(state.nations.north?.reputation).toBeCloseTo(
      (s.nations.north?.reputation ?? NaN) - P.accusedReputation,
      3,
    );
    expect(state.nations.south?.reputation).toBeCloseTo(
      (s.nations.south?.reputation ?? NaN) + P.correctAttributionReputation,
      3,
    );
  });
});

describe("hotline inquiries", () => {
  /**
   * Hotline among all, north-south at tension 5; north DDoSed south on turn 1; south inquires of north on
   * turn 2. Now turn 3.
   */
  function inquired(): { s: GameState; inquiry: string; incident: string } {
    const s1 = newGame({ attributionHazard: 0 }, { cbms: ["hotline"] }, [
      { a: "north", b: "south", tension: 5 },
    ]);
    const s2 = resolve(s1, { north: [{ type: "ddos", target: "south" }] }).state;
    const id = incident(s2, "north", "south").id;
    const { state: s3, events } = resolve(s2, {
      south: [{ type: "inquire", target: "north", incident: id }],
    });
    const q = s3.inquiries[0];
    if (!q) throw new Error("no inquiry");
    expect(q).toMatchObject({ from: "south", to: "north", incident: id, status: "open", turn: 2 });
    expect(
      events.some(
        (e) => e.rule === "diplomacy.inquire" && Array.isArray(e.visibleTo) && e.visibleTo.includes("north"),
      ),
    ).toBe(true);
    return { s: s3, inquiry: q.id, incident: id };
  }

  it("an answer relieves tension between inquirer and suspect (deny < explain < acknowledge)", () => {
    const { s, inquiry } = inquired();
    const relief = {
      deny: P.denyRelief,
      explain: P.explainRelief,
      acknowledge: P.acknowledgeRelief,
    } as const;
    for (const reply of ["deny", "explain", "acknowledge"] as const) {
      const { state, events } = resolve(s, { north: [{ type: "answer", inquiry, reply }] });
      expect(deltas(events, "north", "south", "diplomacy.inquire"), reply).toEqual([-relief[reply]]);
      expect(deltas(events, "north", "south", "diplomacy.unanswered"), reply).toEqual([]);
      expect(state.inquiries[0]).toMatchObject({ status: "answered", reply, answeredTurn: 3 });
    }
  });

  it("acknowledging gives the inquirer high confidence in the author", () => {
    const { s, inquiry, incident: id } = inquired();
    const { state } = resolve(s, { north: [{ type: "answer", inquiry, reply: "acknowledge" }] });
    const inc = state.incidents.find((i) => i.id === id);
    expect(inc?.acknowledged).toBe(true);
    expect(inc?.knowledge.south).toMatchObject({ confidence: 3, suspect: "north" });
  });

  it("acknowledging takes back what the incident spread onto innocent states, and adds nothing onto the author", () => {
    const { s, inquiry, incident: id } = inquired();
    const before = s.incidents.find((i) => i.id === id);
    const { state, events } = resolve(s, { north: [{ type: "answer", inquiry, reply: "acknowledge" }] });
    const inc = state.incidents.find((i) => i.id === id);
    expect(before?.blame.east ?? 0).toBeGreaterThan(0);
    expect(inc?.blame.east).toBe(0);
    expect(deltas(events, "east", "south", "attribution.advance").every((d) => d < 0)).toBe(true);
    expect(inc?.blame.north).toBe(before?.blame.north);
  });

  it("an unanswered inquiry adds unansweredInquiryTension", () => {
    const { s } = inquired();
    const { state, events } = resolve(s);
    expect(deltas(events, "north", "south", "diplomacy.unanswered")).toEqual([P.unansweredInquiryTension]);
    expect(state.inquiries[0]?.status).toBe("unanswered");
    const answered = resolve(s, {
      north: [{ type: "answer", inquiry: state.inquiries[0]?.id ?? "", reply: "explain" }],
    }).state;
    expect(state.tension[pairKey("north", "south")]).toBeGreaterThan(
      answered.tension[pairKey("north", "south")] ?? Infinity,
    );
  });

  it("a denial later exposed by an attribution at moderate+ costs exposedDenialReputation", () => {
    const { s, inquiry, incident: id } = inquired();
    let cur = resolve(s, { north: [{ type: "answer", inquiry, reply: "deny" }] }).state;
    expect(cur.incidents.find((i) => i.id === id)?.deniedBy).toEqual(["north"]);
    // From now on attribution runs fast (the denial was made with none of it).
    cur = { ...cur, params: { ...cur.params, ...FAST } };
    let exposed = 0;
    for (let t = 0; t < 10 && exposed === 0; t++) {
      const before = cur.nations.north?.reputation ?? NaN;
      const { state, events } = resolve(cur);
      const conf = state.incidents.find((i) => i.id === id)?.knowledge.south?.confidence ?? 0;
      if (conf < 2) expect(state.nations.north?.reputation).toBe(before);
      else {
        exposed++;
        expect(state.nations.north?.reputation).toBeCloseTo(before - P.exposedDenialReputation, 3);
        expect(events.some((e) => e.visibleTo === "public" && /denial/.test(e.text))).toBe(true);
      }
      cur = state;
    }
    expect(exposed).toBe(1);
    // Exposure happens once.
    const later = resolve(cur);
    expect(later.state.nations.north?.reputation).toBe(cur.nations.north?.reputation);
  });

  // BUG: exposure is only checked when the victim's private attribution *advances* to moderate+
  // (escalation.ts onAttributionChanged). A lie told to a victim that already holds high
  // confidence is never exposed, even by the victim's later public attribution at high
  // confidence, contrary to params.ts: "Reputation lost when a denial is exposed by a later
  // attribution at moderate+".
  it("a denial to a victim already at high confidence is exposed at once, and not charged twice by a later attribution", () => {
    const s1 = newGame(FAST, { cbms: ["hotline"] }, [{ a: "north", b: "south", tension: 5 }]);
    let s = resolve(s1, { north: [{ type: "ddos", target: "south" }] }).state;
    const id = incident(s, "north", "south").id;
    s = untilConfidence(s, id, "south", 3);
    s = resolve(s, { south: [{ type: "inquire", target: "north", incident: id }] }).state;
    const q = s.inquiries[0]?.id ?? "";
    const beforeDeny = s.nations.north?.reputation ?? NaN;
    s = resolve(s, { north: [{ type: "answer", inquiry: q, reply: "deny" }] }).state;
    expect(s.nations.north?.reputation).toBeCloseTo(beforeDeny - P.exposedDenialReputation, 3);
    const before = s.nations.north?.reputation ?? NaN;
    const { state } = resolve(s, { south: [{ type: "attribute", incident: id, accused: "north" }] });
    expect(state.nations.north?.reputation).toBeCloseTo(before - P.accusedReputation, 3);
  });

  it("an explanation is not exposed later", () => {
    const { s, inquiry, incident: id } = inquired();
    let cur = resolve(s, { north: [{ type: "answer", inquiry, reply: "explain" }] }).state;
    cur = { ...cur, params: { ...cur.params, ...FAST } };
    const rep = cur.nations.north?.reputation;
    cur = untilConfidence(cur, id, "south", 3);
    expect(cur.nations.north?.reputation).toBe(rep);
  });
});

describe("sanctions", () => {
  it("an unjustified sanction costs the sanctioner unjustifiedSanctionReputation", () => {
    const s = newGame();
    const { state } = resolve(s, { south: [{ type: "sanction", target: "north" }] });
    expect(state.nations.south?.reputation).toBeCloseTo(
      (s.nations.south?.reputation ?? NaN) - P.unjustifiedSanctionReputation,
      3,
    );
    expect(state.nations.north?.economy).toBeCloseTo((s.nations.north?.economy ?? NaN) - P.sanctionDamage, 3);
    expect(state.nations.south?.economy).toBeCloseTo((s.nations.south?.economy ?? NaN) - P.sanctionCost, 3);
  });

  it("a sanction after a public attribution at moderate+ of an attack on you costs no reputation", () => {
    let s = resolve(newGame(FAST), { north: [{ type: "ddos", target: "south" }] }).state;
    const id = incident(s, "north", "south").id;
    s = untilConfidence(s, id, "south", 2);
    s = resolve(s, { south: [{ type: "attribute", incident: id, accused: "north" }] }).state;
    const { state } = resolve(s, { south: [{ type: "sanction", target: "north" }] });
    expect(state.nations.south?.reputation).toBe(s.nations.south?.reputation);
    expect(state.nations.north?.economy).toBeCloseTo((s.nations.north?.economy ?? NaN) - P.sanctionDamage, 3);
  });

  // BUG: `attribute` records the accuser's confidence in the incident whoever it names, and
  // `isJustified` trusts that record, so naming an innocent state "at moderate" makes
  // sanctions against it justified (no reputation cost; no tension under the catalogue).
  it("a sanction against a wrongly accused state is unjustified even if the accuser held moderate confidence", () => {
    let s = resolve(newGame(FAST), { north: [{ type: "ddos", target: "south" }] }).state;
    const id = incident(s, "north", "south").id;
    s = untilConfidence(s, id, "south", 2);
    expect(incident(s, "north", "south").knowledge.south?.suspect).toBe("north");
    s = resolve(s, { south: [{ type: "attribute", incident: id, accused: "east" }] }).state;
    const { state } = resolve(s, { south: [{ type: "sanction", target: "east" }] });
    expect(state.nations.south?.reputation).toBeCloseTo(
      (s.nations.south?.reputation ?? NaN) - P.unjustifiedSanctionReputation,
      3,
    );
  });

  it("a sanction after only a low-confidence attribution is still unjustified", () => {
    let s = resolve(newGame(FAST), { north: [{ type: "ddos", target: "south" }] }).state;
    const id = incident(s, "north", "south").id;
    s = untilConfidence(s, id, "south", 1);
    if ((incident(s, "north", "south").knowledge.south?.confidence ?? 0) !== 1)
      throw new Error("seed skipped low");
    const { state } = resolve(
      { ...s, params: { ...s.params, attributionHazard: 0 } },
      {
        south: [
          { type: "attribute", incident: id, accused: "north" },
          { type: "sanction", target: "north" },
        ],
      },
    );
    expect(state.nations.south?.reputation).toBeCloseTo(
      (s.nations.south?.reputation ?? NaN) - P.unjustifiedSanctionReputation,
      3,
    );
  });
});

describe("fixes found by the model card review", () => {
  it("repeating a correct accusation gains no further credibility and costs the accused nothing more", () => {
    let s = resolve(newGame(FAST), { north: [{ type: "ddos", target: "south" }] }).state;
    const id = incident(s, "north", "south").id;
    s = untilConfidence(s, id, "south", 2);
    s = resolve(s, { south: [{ type: "attribute", incident: id, accused: "north" }] }).state;
    const { state } = resolve(s, { south: [{ type: "attribute", incident: id, accused: "north" }] });
    expect(state.nations.south?.reputation).toBe(s.nations.south?.reputation);
    expect(state.nations.north?.reputation).toBe(s.nations.north?.reputation);
  });

  it("an innocent state that 'acknowledges' does not become the inquirer's high-confidence suspect", () => {
    let s = resolve(newGame({ dwellDays: [1, 1, 1, 1, 1] }, { cbms: ["hotline"] }), {
      north: [{ type: "espionage", target: "south" }],
    }).state;
    const id = incident(s, "north", "south").id;
    s = resolve(s, { south: [{ type: "inquire", target: "east", incident: id }] }).state;
    const q = s.inquiries[0]?.id ?? "";
    const { state } = resolve(s, { east: [{ type: "answer", inquiry: q, reply: "acknowledge" }] });
    const k = state.incidents.find((i) => i.id === id)?.knowledge.south;
    expect(k?.suspect === "east" && k.confidence === 3).toBe(false);
    expect(state.incidents.find((i) => i.id === id)?.acknowledged).toBe(false);
  });
});

describe("public statements", () => {
  it("the event carries the statement's words, so the feed and the debrief show what was said", () => {
    const { events } = resolve(newGame(), {
      north: [{ type: "statement", tone: "reassure", target: "south", text: "We seek no quarrel." }],
      east: [{ type: "statement", tone: "warn" }],
    });
    const said = events
      .filter((e) => e.rule === "diplomacy.statement" && e.tension === undefined)
      .map((e) => e.text);
    expect(said).toContain('North offers reassurance to South: "We seek no quarrel."');
    expect(said).toContain("East issues a warning.");
  });
});
