/**
 * The norm on assistance (GGE 2015 norm (h)): requests for assistance between adopters, and the answerer's
 * open logs (docs/model.md §4.11).
 */
import { describe, expect, it } from "vitest";
import { checkOrders } from "../game/validate.ts";
import { DEFAULT_PARAMS } from "../model/params.ts";
import type { GameState, Incident } from "../model/types.ts";
import { resolveOk, testGame } from "../testing/game.ts";
import { attributionHazard } from "./attribution.ts";
import type { Ctx } from "./context.ts";

function incident(s: GameState, author: string, target: string): Incident {
  const i = s.incidents.find((x) => x.author === author && x.target === target);
  if (!i) throw new Error("no incident");
  return i;
}

/** North DDoSes south on turn 1, with the given CBMs in force for all from the start; now turn 2. */
function hit(cbms: Array<"normAssistance" | "hotline">): { s: GameState; id: string } {
  const s = resolveOk(testGame({ params: { attributionHazard: 0 }, options: { cbms }, seed: "assist" }), {
    north: [{ type: "ddos", target: "south" }],
  }).state;
  return { s, id: incident(s, "north", "south").id };
}

describe("requests for assistance", () => {
  it("a victim may ask another adopter about the incident without a hotline", () => {
    const { s, id } = hit(["normAssistance"]);
    const r = checkOrders(s, "south", [{ type: "inquire", target: "east", incident: id }]);
    expect(r.ok).toBe(true);
    const { state, events } = resolveOk(s, { south: [{ type: "inquire", target: "east", incident: id }] });
    expect(state.inquiries).toMatchObject([{ from: "south", to: "east", incident: id, status: "open" }]);
    const e = events.find((x) => x.rule === "diplomacy.inquire");
    expect(e?.visibleTo).toEqual(["south", "east"]);
  });

  it("without the norm or a hotline the inquiry is refused and nothing changes", () => {
    const { s, id } = hit([]);
    const r = checkOrders(s, "south", [{ type: "inquire", target: "east", incident: id }]);
    expect(r.ok ? null : r.error.code).toBe("NO_HOTLINE");
  });

  it("an adopter that answers opens its logs to the asker, told to both", () => {
    const { s, id } = hit(["normAssistance"]);
    const asked = resolveOk(s, { south: [{ type: "inquire", target: "east", incident: id }] }).state;
    const q = asked.inquiries[0];
    if (!q) throw new Error("no inquiry");
    const { events } = resolveOk(asked, { east: [{ type: "answer", inquiry: q.id, reply: "deny" }] });
    const help = events.find((x) => x.rule === "attribution.advance" && x.text.includes("assists"));
    expect(help?.visibleTo).toEqual(["south", "east"]);
    expect(help?.incident).toBe(id);
  });

  it("the open logs speed attribution on top of the asker's own investigation", () => {
    const { s, id } = hit(["normAssistance"]);
    const inc = incident(s, "north", "south");
    const key = `south:${id}`;
    const ctx = (investigating: string[], assisted: string[]): Ctx =>
      ({
        s,
        p: DEFAULT_PARAMS,
        investigating: new Set(investigating),
        assisted: new Set(assisted),
        spied: new Set(),
      }) as unknown as Ctx;
    const alone = attributionHazard(ctx([key], []), inc, "south");
    const helped = attributionHazard(ctx([key], [key]), inc, "south");
    expect(helped).toBeCloseTo(Math.min(0.95, alone * DEFAULT_PARAMS.assistanceMultiplier), 9);
    expect(helped).toBeGreaterThan(alone);
  });
});
