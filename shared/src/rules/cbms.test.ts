/**
 * Confidence-building measures: proposal, acceptance, entry into force, decline, lapse (docs/model.md §4.6).
 */
import { describe, expect, it } from "vitest";
import { createGame } from "../game/create.ts";
import { applyStep, type Step } from "../game/steps.ts";
import type { GameEvent } from "../model/events.ts";
import { DEFAULT_PARAMS, type ModelParams } from "../model/params.ts";
import type { GameState } from "../model/types.ts";
import { testScenario } from "../testing/fixtures.ts";

const QUIET: Partial<ModelParams> = { nonStateIncidentChance: 0, exerciseMisreadChance: 0, peaceTurns: 40 };

function newGame(params: Partial<ModelParams> = {}): GameState {
  const r = createGame(testScenario(3, { params: { ...QUIET, ...params } }), "cbm-seed");
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

function apply(s: GameState, step: Step): { state: GameState; events: GameEvent[] } {
  const r = applyStep(s, step);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

const propose = (s: GameState, seat: string, kind: string, parties: string[]): GameState =>
  apply(s, { type: "propose", turn: s.turn, seat, kind, parties }).state;
const respond = (s: GameState, seat: string, proposal: string, accept: boolean, note?: string): GameState =>
  apply(s, { type: "respond", turn: s.turn, seat, proposal, accept, ...(note ? { note } : {}) }).state;
const resolve = (s: GameState): { state: GameState; events: GameEvent[] } =>
  apply(s, { type: "resolve", turn: s.turn });

describe("CBM proposals", () => {
  it("enter into force at resolution once every named party accepted, not before", () => {
    let s = propose(newGame(), "north", "hotline", ["south", "east"]);
    const id = s.proposals[0]?.id ?? "";
    expect(s.proposals[0]).toMatchObject({
      kind: "hotline",
      proposer: "north",
      parties: ["north", "south", "east"],
      accepted: ["north"],
    });
    s = respond(s, "south", id, true);
    expect(s.cbms).toEqual([]);
    // East has not answered yet: resolution leaves it pending.
    s = resolve(s).state;
    expect(s.cbms).toEqual([]);
    expect(s.proposals.map((p) => p.id)).toEqual([id]);
    s = respond(s, "east", id, true);
    expect(s.cbms).toEqual([]);
    const { state, events } = resolve(s);
    expect(state.cbms).toEqual([
      expect.objectContaining({ kind: "hotline", members: ["north", "south", "east"], since: 2 }),
    ]);
    expect(state.proposals).toEqual([]);
    expect(events.some((e) => e.rule === "cbm.inForce" && e.visibleTo === "public")).toBe(true);
  });

  it("a bilateral hotline accepted in the same turn is in force after that turn's resolution", () => {
    let s = propose(newGame(), "north", "hotline", ["south"]);
    s = respond(s, "south", s.proposals[0]?.id ?? "", true);
    const { state: after, events } = resolve(s);
    s = after;
    expect(s.cbms).toEqual([
      expect.objectContaining({ kind: "hotline", members: ["north", "south"], since: 1 }),
    ]);
    expect(events.find((e) => e.rule === "cbm.inForce")?.text).toBe(
      "Hotline is now in force among North, South.",
    );
  });

  it("a unilateral measure is in force at the end of the turn it is proposed", () => {
    const s = propose(newGame(), "south", "publishDoctrine", []);
    expect(s.proposals[0]?.parties).toEqual(["south"]);
    const { state } = resolve(s);
    expect(state.cbms).toEqual([
      expect.objectContaining({ kind: "publishDoctrine", members: ["south"], since: 1 }),
    ]);
    expect(resolve(s).events.find((e) => e.rule === "cbm.inForce")?.text).toBe(
      "Published cyber doctrine is now in force for South.",
    );
  });

  it("a declined proposal does not enter into force and is dropped, with the decliner's note", () => {
    let s = propose(newGame(), "north", "situationReports", ["south", "east"]);
    const id = s.proposals[0]?.id ?? "";
    s = respond(s, "south", id, true);
    s = respond(s, "east", id, false, "Not while you spy on us.");
    const { state, events } = resolve(s);
    expect(state.cbms).toEqual([]);
    expect(state.proposals).toEqual([]);
    const declined = events.find((e) => e.rule === "cbm.declined");
    expect(declined?.visibleTo).toEqual(["north", "south", "east"]);
    expect(declined?.text).toBe(
      'Situation reports (CERT link) among North, South, East was declined by East: "Not while you spy on us."',
    );
  });

  it(`an unanswered proposal lapses after proposalLifetime (${DEFAULT_PARAMS.proposalLifetime}) turns`, () => {
    let s = propose(newGame(), "north", "consultations", ["south"]);
    const id = s.proposals[0]?.id ?? "";
    for (let t = 1; t < DEFAULT_PARAMS.proposalLifetime; t++) {
      s = resolve(s).state;
      expect(
        s.proposals.map((p) => p.id),
        `after turn ${t}`,
      ).toEqual([id]);
    }
    const { state, events } = resolve(s);
    expect(state.proposals).toEqual([]);
    expect(state.cbms).toEqual([]);
    expect(events.find((e) => e.rule === "cbm.expired")?.text).toBe(
      "Regular consultations among North, South lapsed without every party's answer.",
    );
    // Accepting it now is impossible.
    const late = applyStep(state, {
      type: "respond",
      turn: state.turn,
      seat: "south",
      proposal: id,
      accept: true,
    });
    expect(late.ok ? null : late.error.code).toBe("UNKNOWN_PROPOSAL");
  });

  it("a longer proposalLifetime keeps the proposal open longer", () => {
    let s = propose(newGame({ proposalLifetime: 3 }), "north", "consultations", ["south"]);
    s = resolve(resolve(s).state).state;
    expect(s.proposals).toHaveLength(1);
    s = respond(s, "south", s.proposals[0]?.id ?? "", true);
    s = resolve(s).state;
    expect(s.cbms).toEqual([expect.objectContaining({ kind: "consultations", since: 3 })]);
  });
});
