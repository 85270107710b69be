/**
 * A grievance counts once per incident: the first time the evidence names a state, again only if it names
 * another.
 */
import { describe, expect, it } from "vitest";
import { findScenario } from "../io/scenario-files.ts";
import type { SeatId } from "../model/basics.ts";
import { playBotGame } from "../sim/bot-game.ts";
import type { GameView } from "../view/types.ts";
import { botTurn as botTurnOf } from "./bot.ts";
import { addCbm, addIncident, craftedView } from "./crafted.ts";
import type { BotSpec } from "./doctrines.ts";
import { freshGrievances, grievancesToAnswer, unansweredInquiries } from "./perception.ts";
import { decideOrders } from "./bot.ts";
import { rngFromSeed } from "../model/rng.ts";

/** Per-test timeout (ms): the last test plays bot games. */
const SLOW = 120_000;

/**
 * North's view on `turn` of an incident against it whose track last changed on `turn - 1`, from naming
 * `before` (if any).
 */
function track(turn: number, confidence: 1 | 2 | 3, suspect: SeatId, before?: SeatId): GameView {
  const v = craftedView(turn);
  addIncident(v, "i1", "north", {
    north: { confidence, suspect, changed: turn - 1, since: 1, ...(before ? { before } : {}) },
  });
  return v;
}

describe("grievances", () => {
  it("the first time the evidence names a state is a grievance", () => {
    const v = track(3, 1, "south");
    expect(freshGrievances(v, "north").map((g) => g.suspect)).toEqual(["south"]);
    // An attack openly run is known at high confidence at once: a grievance too.
    const overt = craftedView(3);
    addIncident(
      overt,
      "i2",
      "north",
      { north: { confidence: 3, suspect: "south", changed: 2, since: 2 } },
      { overt: true, author: "south" },
    );
    expect(freshGrievances(overt, "north").map((g) => g.suspect)).toEqual(["south"]);
  });

  it("more confidence in the same state is not a new grievance", () => {
    const moderate = track(5, 2, "south", "south");
    expect(freshGrievances(moderate, "north")).toEqual([]);
    const high = track(7, 3, "south", "south");
    expect(freshGrievances(high, "north")).toEqual([]);
  });

  it("evidence that turns to another state (a false flag or an error seen through) is a grievance against it", () => {
    const v = track(5, 2, "south", "east");
    expect(freshGrievances(v, "north").map((g) => g.suspect)).toEqual(["south"]);
  });

  it("nothing changed last turn, or the evidence points to no state: no grievance", () => {
    const old = craftedView(6);
    addIncident(old, "i1", "north", { north: { confidence: 2, suspect: "south", changed: 3 } });
    expect(freshGrievances(old, "north")).toEqual([]);
    const criminals = track(4, 2, "nonState" as SeatId);
    expect(freshGrievances(criminals, "north")).toEqual([]);
  });

  it("an inquiry its suspect left unanswered is a grievance deferred to the turn after", () => {
    const v = track(6, 1, "south");
    v.inquiries.push({
      id: "q1",
      turn: 4,
      from: "north",
      to: "south",
      incident: "i1",
      status: "unanswered",
      reply: null,
      answeredTurn: null,
    });
    expect(unansweredInquiries(v, "north").map((g) => g.suspect)).toEqual(["south"]);
    v.turn = 7;
    expect(unansweredInquiries(v, "north")).toEqual([]);
  });

  it(
    "in bot games no incident is a grievance more than twice, and nearly all are one",
    () => {
      const r = findScenario("baltic-fog");
      if (!r.ok) throw new Error("baltic-fog");
      const seats = r.scenario.states.map((s) => s.id);
      const counts = new Map<string, number>();
      for (let g = 0; g < 40; g++) {
        const specs: Record<SeatId, BotSpec> = {};
        seats.forEach((s, i) => {
          specs[s] = {
            persona: (["reciprocal", "hawk", "opportunist", "forgiving"] as const)[
              (i + g) % 4
            ] as BotSpec["persona"],
            level: "normal",
          };
        });
        playBotGame(r.scenario, `grievance-${g}`, specs, { noCbms: true }, {}, (view, spec, rng, o) => {
          if (view.viewer.role === "player")
            for (const gr of freshGrievances(view, view.viewer.seat)) {
              const key = `${g}/${gr.incident.id}`;
              counts.set(key, (counts.get(key) ?? 0) + 1);
            }
          return botTurnOf(view, spec, rng, o);
        });
      }
      const values = [...counts.values()];
      expect(values.length).toBeGreaterThan(50);
      expect(Math.max(...values)).toBeLessThanOrEqual(2);
      // Corrections are seen: evidence that first named the wrong state later names the right one.
      expect(values.filter((x) => x === 2).length).toBeGreaterThan(0);
      expect(values.reduce((a, b) => a + b, 0) / values.length).toBeLessThan(1.3);
    },
    SLOW,
  );
});

describe("under a self-defence catalogue", () => {
  it("a tit-for-tat bot answers only evidence that makes a countermeasure lawful, and with the catalogued sanction", () => {
    const low = track(5, 1, "south");
    addCbm(low, "selfDefenceCatalogue", ["north", "south", "east"]);
    expect(freshGrievances(low, "north").map((g) => g.suspect)).toEqual(["south"]);
    expect(grievancesToAnswer(low, "north")).toEqual([]);
    const moderate = craftedView(5);
    addCbm(moderate, "selfDefenceCatalogue", ["north", "south", "east"]);
    addIncident(
      moderate,
      "i1",
      "north",
      { north: { confidence: 2, suspect: "south", changed: 4, since: 1, before: "south", moderateAt: 4 } },
      { kind: "ddos" },
    );
    expect(grievancesToAnswer(moderate, "north").map((g) => g.suspect)).toEqual(["south"]);
    const orders = decideOrders(moderate, { persona: "reciprocal", level: "normal" }, rngFromSeed("cat"));
    expect(orders).toContainEqual({ type: "sanction", target: "south" });
    expect(orders).toContainEqual({ type: "attribute", incident: "i1", accused: "south" });
    expect(orders.some((o) => o.type === "ddos" || o.type === "disrupt")).toBe(false);
  });
});
