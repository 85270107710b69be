/**
 * Bots pace their proposals: a measure at a time, each called for by an objective, an incident, a crisis or
 * trust built.
 */
import { describe, expect, it } from "vitest";
import { findScenario } from "../io/scenario-files.ts";
import { createGame } from "../game/create.ts";
import { rngFromSeed } from "../model/rng.ts";
import type { GameView } from "../view/types.ts";
import { viewFor } from "../view/view.ts";
import { decideProposals } from "./bot.ts";
import { addCbm, addIncident, craftedView, setTension } from "./crafted.ts";
import { BOT_LEVELS, DOCTRINAL_PERSONAS, type BotPersona, type BotSpec } from "./doctrines.ts";
import { LADDER_TURNS } from "./pacing.ts";
import type { BotProposal } from "./intents.ts";

const propose = (v: GameView, persona: BotPersona, level: BotSpec["level"] = "normal"): BotProposal[] =>
  decideProposals(v, { persona, level }, rngFromSeed("p"));

const withSouth = (list: readonly BotProposal[]): boolean =>
  list.length === 1 && (list[0] as BotProposal).parties.includes("south");

describe("pacing proposals", () => {
  it("on the first turn of every shipped scenario, every bot offers at most one measure", () => {
    for (const id of [
      "baltic-fog",
      "collateral",
      "dark-winter",
      "halden-measures",
      "open-secrets",
      "tutorial",
    ]) {
      const r = findScenario(id);
      if (!r.ok) throw new Error(id);
      const created = createGame(r.scenario, "pace");
      if (!created.ok) throw new Error(created.error.message);
      for (const seat of created.value.seats)
        for (const persona of DOCTRINAL_PERSONAS)
          for (const level of BOT_LEVELS)
            expect(
              propose(viewFor(created.value, { role: "player", seat }), persona, level).length,
            ).toBeLessThanOrEqual(1);
    }
  });

  it("when nothing calls for a measure, no bot proposes one, at any level; a dove reaches out with one hotline", () => {
    const calm = craftedView();
    for (const persona of ["reciprocal", "forgiving", "normBuilder", "opportunist", "hawk"] as const)
      for (const level of BOT_LEVELS)
        expect(propose(calm, persona, level), `${persona}:${level}`).toEqual([]);
    for (const level of ["normal", "hard"] as const) {
      const p = propose(calm, "dove", level);
      expect(p).toHaveLength(1);
      expect(p[0]?.kind).toBe("hotline");
    }
  });

  it("a crisis (a pair above calm) calls for a channel with the tense state", () => {
    const v = craftedView();
    setTension(v, "north", "south", 3.5);
    for (const persona of ["dove", "reciprocal", "opportunist", "normBuilder"] as const) {
      const p = propose(v, persona);
      expect(withSouth(p), persona).toBe(true);
      expect(["hotline", "consultations"]).toContain(p[0]?.kind);
    }
  });

  it("a recent incident calls for measures with its suspect, and an unexplained one for a CERT link", () => {
    const v = craftedView(4);
    addIncident(v, "i1", "north", { north: { confidence: 1, suspect: "south", since: 3, changed: 3 } });
    expect(withSouth(propose(v, "reciprocal"))).toBe(true);
    const unknown = craftedView(4);
    addIncident(unknown, "i2", "north", { north: { since: 3 } });
    expect(propose(unknown, "reciprocal")[0]?.kind).toBe("situationReports");
    // An incident long past calls for nothing.
    const old = craftedView(8);
    addIncident(old, "i3", "north", { north: { confidence: 1, suspect: "south", since: 2 } });
    expect(propose(old, "reciprocal")).toEqual([]);
  });

  it("a secret objective calls for its measure before anything else", () => {
    const v = craftedView();
    setTension(v, "north", "east", 5);
    v.private.north?.objectives.push({
      kind: "cbmInForce",
      text: "A CERT link with South.",
      points: 3,
      cbm: "situationReports",
      with: "south",
      met: false,
    });
    expect(propose(v, "dove")).toEqual([{ kind: "situationReports", parties: ["north", "south"] }]);
  });

  it(`trust is built a step at a time: the next measure once one has lasted ${LADDER_TURNS} turns`, () => {
    const fresh = craftedView(6);
    addCbm(fresh, "hotline", ["north", "south"], 5);
    expect(propose(fresh, "normBuilder")).toEqual([]);
    const built = craftedView(6);
    addCbm(built, "hotline", ["north", "south"], 6 - LADDER_TURNS);
    const next = propose(built, "normBuilder");
    expect(next).toHaveLength(1);
    expect(next[0]?.kind).not.toBe("hotline");
  });

  it("a bot offers nothing more to a state its own proposal still waits on, and nothing while its own pledge waits", () => {
    const v = craftedView();
    setTension(v, "north", "south", 5);
    const pending = (kind: "consultations" | "publishDoctrine", parties: string[]) =>
      v.proposals.push({
        id: `p-${kind}`,
        kind,
        proposer: "north",
        parties,
        accepted: ["north"],
        declined: [],
        turn: v.turn,
        note: "",
      });
    expect(withSouth(propose(v, "reciprocal"))).toBe(true);
    pending("consultations", ["north", "south"]);
    for (const level of BOT_LEVELS) expect(propose(v, "reciprocal", level)).toEqual([]);
    // The dove still reaches out to east, a state it waits on for nothing.
    expect(propose(v, "dove")).toEqual([{ kind: "hotline", parties: ["north", "east"] }]);
    pending("publishDoctrine", ["north"]);
    expect(propose(v, "dove")).toEqual([]);
  });

  it("measures called for equally strongly are offered in turn, so that one kept declined does not block the rest", () => {
    const kinds = new Set<string>();
    for (let turn = 6; turn < 12; turn++) {
      const v = craftedView(turn);
      addCbm(v, "hotline", ["north", "south"], 1);
      for (const p of propose(v, "normBuilder")) kinds.add(p.kind);
    }
    expect(kinds.size).toBeGreaterThan(2);
  });
});
