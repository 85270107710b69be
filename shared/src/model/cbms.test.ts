/**
 * One row per CBM kind: every kind has its row and what derives from it, and one test of whether a measure is
 * in force.
 */
import { describe, expect, it } from "vitest";
import { checkProposal } from "../rules/cbms.ts";
import { testGame } from "../testing/game.ts";
import {
  CBM_EFFECTS,
  CBM_KINDS,
  CBM_NAMES,
  CBMS,
  cbmInForce,
  cbmInForceAmong,
  hotlineWith,
  isNorm,
  NORM_KINDS,
  UNILATERAL_CBMS,
  type Cbm,
} from "./cbms.ts";

describe("the CBM table", () => {
  it("lists the kinds in table order", () => {
    expect(CBM_KINDS).toEqual([
      "hotline",
      "situationReports",
      "consultations",
      "jointObservation",
      "publishDoctrine",
      "noFirstUse",
      "selfDefenceCatalogue",
      "codeOfConduct",
      "normInfrastructure",
      "normCerts",
      "normDueDiligence",
      "normAssistance",
      "normSupplyChain",
    ]);
    expect(NORM_KINDS).toEqual([
      "normInfrastructure",
      "normCerts",
      "normDueDiligence",
      "normAssistance",
      "normSupplyChain",
    ]);
  });

  it("every kind has a name, an effect and at least one rule it changes, and may be proposed", () => {
    const s = testGame();
    for (const k of CBM_KINDS) {
      expect([CBM_NAMES[k], CBM_EFFECTS[k]], k).toEqual([CBMS[k].name, CBMS[k].effect]);
      expect(CBMS[k].bites.length, k).toBeGreaterThan(0);
      const parties = CBMS[k].members === "one" ? [] : isNorm(k) ? s.seats : ["south"];
      expect(checkProposal(s, "north", k, parties).ok, k).toBe(true);
    }
  });

  it("a doctrine binds its state alone, a no-first-use pledge one or more states, every other measure two or more", () => {
    expect(UNILATERAL_CBMS).toEqual(["publishDoctrine", "noFirstUse"]);
    const s = testGame();
    expect(checkProposal(s, "north", "publishDoctrine", ["south"]).ok).toBe(false);
    expect(checkProposal(s, "north", "noFirstUse", ["south"]).ok).toBe(true);
    expect(checkProposal(s, "north", "hotline", []).ok).toBe(false);
  });
});

describe("cbmInForce", () => {
  const cbms: Cbm[] = [
    { id: "c1", kind: "hotline", members: ["north", "south", "east"], since: 1 },
    { id: "c2", kind: "hotline", members: ["west", "east"], since: 2 },
    { id: "c3", kind: "publishDoctrine", members: ["north"], since: 0 },
  ];

  it("is true when one measure of the kind binds every state named", () => {
    expect([
      cbmInForce({ cbms }, "hotline", "north", "south"),
      cbmInForce({ cbms }, "hotline", "east", "west"),
      cbmInForce({ cbms }, "publishDoctrine", "north"),
    ]).toEqual([true, true, true]);
    expect([
      cbmInForce({ cbms }, "hotline", "north", "west"),
      cbmInForce({ cbms }, "consultations", "north"),
      cbmInForce({ cbms }, "publishDoctrine", "south"),
    ]).toEqual([false, false, false]);
    expect([hotlineWith({ cbms }, "south", "north"), hotlineWith({ cbms }, "south", "west")]).toEqual([
      true,
      false,
    ]);
  });

  it("among several states, one measure must bind them all", () => {
    expect(cbmInForceAmong({ cbms }, "hotline", ["north", "south", "east"])).toBe(true);
    expect(cbmInForceAmong({ cbms }, "hotline", ["north", "east", "west"])).toBe(false);
  });
});
