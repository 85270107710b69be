/**
 * A careful bot names the attacker of a CERT partner once the evidence shared through the link reaches
 * moderate confidence: a joint public attribution, not a unilateral retaliation.
 */
import { describe, expect, it } from "vitest";
import { rngFromSeed } from "../model/rng.ts";
import { addCbm, addIncident, craftedView } from "./crafted.ts";
import { partnersToName } from "./joint-attribution.ts";
import { chooseOrders } from "./personas.ts";

function sharedCase(confidence: number) {
  const v = craftedView(4);
  addIncident(v, "i1", "south", { north: { confidence: confidence as 0, suspect: "east", shared: true } });
  return v;
}

describe("joint attribution among CERT partners", () => {
  it("names a partner's attacker known at moderate+ through the link, once", () => {
    const v = sharedCase(2);
    addCbm(v, "situationReports", ["north", "south"]);
    expect(partnersToName(v, "north")).toEqual([{ incident: "i1", suspect: "east" }]);
    v.incidents[0]?.publicAttributions.push({ turn: 3, by: "south", accused: "east", confidence: 2 });
    expect(partnersToName(v, "north")).toEqual([]);
  });

  it("names nobody at low confidence, or without a link to the victim", () => {
    const low = sharedCase(1);
    addCbm(low, "situationReports", ["north", "south"]);
    expect(partnersToName(low, "north")).toEqual([]);
    expect(partnersToName(sharedCase(2), "north")).toEqual([]);
  });

  it("the careful doctrines' orders carry the naming; a hawk's and the random bot's do not", () => {
    const v = sharedCase(2);
    addCbm(v, "situationReports", ["north", "south", "east"]);
    const named = (p: "dove" | "reciprocal" | "forgiving" | "hawk" | "random") =>
      chooseOrders(v, p, rngFromSeed("j")).some(
        (o) => o.type === "attribute" && o.incident === "i1" && o.accused === "east",
      );
    for (const p of ["dove", "reciprocal", "forgiving"] as const) expect(named(p), p).toBe(true);
    expect(named("hawk")).toBe(false);
    expect(named("random")).toBe(false);
  });
});
