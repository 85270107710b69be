/**
 * An adopter of the norm on assistance, hit by an incident it cannot yet attribute, asks the other adopters,
 * one a turn.
 */
import { describe, expect, it } from "vitest";
import { chooseOrders } from "./personas.ts";
import { requestAssistance } from "./assistance.ts";
import { addCbm, addIncident, craftedView } from "./crafted.ts";
import { Planner } from "./planner.ts";
import { rngFromSeed } from "../model/rng.ts";
import { candidatePlans } from "./candidates.ts";
import { searchOrders } from "./search.ts";

function asked(v: ReturnType<typeof craftedView>): Array<{ target: string; incident: string }> {
  const plan = new Planner(v, "north");
  requestAssistance(v, "north", plan);
  return plan.orders.flatMap((o) =>
    o.type === "inquire" ? [{ target: o.target, incident: o.incident }] : [],
  );
}

describe("requests for assistance", () => {
  it("asks the next adopter not yet asked about each incident still below moderate confidence", () => {
    const v = craftedView(4);
    addCbm(v, "normAssistance", ["north", "south", "east"]);
    addIncident(v, "i1", "north", { north: { confidence: 1, suspect: "south" } });
    addIncident(v, "i2", "north", { north: { confidence: 2, suspect: "south" } });
    expect(asked(v)).toEqual([{ target: "south", incident: "i1" }]);
    v.inquiries.push({
      id: "q1",
      turn: 3,
      from: "north",
      to: "south",
      incident: "i1",
      status: "answered",
      reply: "deny",
      answeredTurn: 4,
    });
    expect(asked(v)).toEqual([{ target: "east", incident: "i1" }]);
  });

  it("asks nobody when its state did not adopt the norm, or no other state did", () => {
    const v = craftedView(4);
    addIncident(v, "i1", "north", { north: { confidence: 0, suspect: null } });
    expect(asked(v)).toEqual([]);
    addCbm(v, "normAssistance", ["south", "east"]);
    expect(asked(v)).toEqual([]);
  });

  it("a careful persona's orders carry the request; a hawk's do not", () => {
    const v = craftedView(4);
    addCbm(v, "normAssistance", ["north", "south", "east"]);
    addIncident(v, "i1", "north", { north: { confidence: 0, suspect: null } });
    const inquiries = (p: "dove" | "reciprocal" | "forgiving" | "hawk") =>
      chooseOrders(v, p, rngFromSeed("a")).filter((o) => o.type === "inquire").length;
    for (const p of ["dove", "reciprocal", "forgiving"] as const) expect(inquiries(p), p).toBe(1);
    expect(inquiries("hawk")).toBe(0);
  });

  it("every plan a hard (search) bot of a careful doctrine weighs carries the request; a hawk's own do not", () => {
    // The search picks among candidate plans: the request must not be only in the doctrine's own plan, or a
    // searching bot that prefers another plan never asks.
    const v = craftedView(4);
    addCbm(v, "normAssistance", ["north", "south", "east"]);
    addIncident(v, "i1", "north", { north: { confidence: 0, suspect: null } });
    const request = { type: "inquire", target: "south", incident: "i1" };
    for (const p of ["dove", "reciprocal", "forgiving", "normBuilder"] as const) {
      const plans = candidatePlans(v, p, rngFromSeed("c"));
      expect(plans.length, p).toBeGreaterThan(1);
      for (const plan of plans) expect(plan.orders, `${p} ${plan.label}`).toContainEqual(request);
      const chosen = searchOrders(v, p, rngFromSeed("s"), { iterations: 8, depth: 1, horizon: 2 });
      expect(chosen.orders, p).toContainEqual(request);
    }
    // A hawk asks only in the plan that plays the dove's rules (restraint), never by its own doctrine.
    const hawk = candidatePlans(v, "hawk", rngFromSeed("c"));
    for (const plan of hawk.filter((x) => x.label !== "restraint"))
      expect(
        plan.orders.some((o) => o.type === "inquire"),
        plan.label,
      ).toBe(false);
  });
});
