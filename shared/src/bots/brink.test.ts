/**
 * Bots at the brink: every doctrine's choice, a way down, and no brink ever left without an explicit choice.
 */
import { describe, expect, it } from "vitest";
import { findScenario } from "../io/scenario-files.ts";
import { validateOrders } from "../game/validate.ts";
import type { SeatId } from "../model/basics.ts";
import { pairKey } from "../model/pairs.ts";
import { rngFromSeed } from "../model/rng.ts";
import type { GameState } from "../model/types.ts";
import { resolveOk, testGame } from "../testing/game.ts";
import type { GameView } from "../view/types.ts";
import { viewFor } from "../view/view.ts";
import { botTurn } from "./bot.ts";
import { brinkMove, type BrinkMove } from "./brink.ts";
import { addCbm, addIncident, atBrink, craftedView } from "./crafted.ts";
import { BOT_LEVELS, BOT_PERSONAS, type BotPersona } from "./doctrines.ts";
import { castPace } from "./pace.ts";

/** Per-test timeout (ms): the last tests play bot games. */
const SLOW = 120_000;

const move = (v: GameView, persona: BotPersona, seed = "m"): BrinkMove =>
  brinkMove(v, "north", "south", persona, rngFromSeed(seed));

/**
 * North at the brink with south; north's strength set by its own economy (south's cyber unknown, assumed 5).
 */
function brink(economy = 15): GameView {
  const v = craftedView();
  atBrink(v, "north", "south");
  (v.nations.north as { economy: number }).economy = economy;
  return v;
}

/** South's disruption (or another kind) against north, which north attributes to south at `confidence`. */
function southHitNorth(v: GameView, confidence: 1 | 2 | 3 = 2, kind: "disrupt" | "ddos" = "disrupt"): void {
  addIncident(
    v,
    `i-south-${kind}`,
    "north",
    { north: { confidence, suspect: "south", changed: 2 } },
    { kind },
  );
}

describe("bots at the brink", () => {
  it("doves, forgiving bots and norm builders stand down; a hawk stands firm", () => {
    const v = brink();
    southHitNorth(v);
    for (const p of ["dove", "forgiving", "normBuilder"] as const) expect(move(v, p)).toBe("standDown");
    expect(move(v, "hawk")).toBe("firm");
  });

  it("a reciprocal bot mirrors the harm it attributes: firm only when the other hurt it more than it hurt the other", () => {
    const v = brink();
    expect(move(v, "reciprocal")).toBe("standDown");
    southHitNorth(v, 1);
    expect(move(v, "reciprocal")).toBe("firm");
    addIncident(v, "i-north", "south", { north: { confidence: 3, suspect: "north" } }, { author: "north" });
    expect(move(v, "reciprocal")).toBe("standDown");
  });

  it("an opportunist stands firm only when stronger, and needs to be clearly stronger when a way down exists", () => {
    expect(move(brink(15), "opportunist")).toBe("standDown");
    expect(move(brink(24), "opportunist")).toBe("firm");
    const linked = brink(24);
    addCbm(linked, "hotline", ["north", "south"]);
    expect(move(linked, "opportunist")).toBe("standDown");
    const far = brink(40);
    addCbm(far, "consultations", ["north", "south"]);
    expect(move(far, "opportunist")).toBe("firm");
  });

  it("a hotline or consultations make the hawk and the reciprocal bot readier to stand down", () => {
    const hawk = brink(15);
    addCbm(hawk, "hotline", ["north", "south"]);
    expect(move(hawk, "hawk")).toBe("standDown");
    const tit = brink();
    southHitNorth(tit, 1, "ddos");
    expect(move(tit, "reciprocal")).toBe("firm");
    addCbm(tit, "consultations", ["north", "south"]);
    expect(move(tit, "reciprocal")).toBe("standDown");
  });

  it("a hawk strikes only when clearly stronger and already wronged, with no way down, and then only sometimes", () => {
    const count = (v: GameView): number => {
      let strikes = 0;
      for (let i = 0; i < 300; i++) if (move(v, "hawk", `h${i}`) === "strike") strikes++;
      return strikes;
    };
    expect(count(brink(40))).toBe(0);
    const weak = brink(15);
    southHitNorth(weak);
    expect(count(weak)).toBe(0);
    const strong = brink(40);
    southHitNorth(strong);
    const n = count(strong);
    // 300 draws at HAWK_STRIKE_CHANCE (0.15): mean 45, sd 6.2.
    expect(n).toBeGreaterThan(20);
    expect(n).toBeLessThan(75);
    addCbm(strong, "hotline", ["north", "south"]);
    expect(count(strong)).toBe(0);
  });

  it("random stands down and stands firm at random, and down more often over a hotline", () => {
    const downs = (v: GameView): number => {
      let k = 0;
      for (let i = 0; i < 400; i++) if (move(v, "random", `r${i}`) === "standDown") k++;
      return k;
    };
    const v = brink();
    const plain = downs(v);
    expect(plain).toBeGreaterThan(150);
    expect(plain).toBeLessThan(250);
    addCbm(v, "hotline", ["north", "south"]);
    expect(downs(v)).toBeGreaterThan(plain);
  });

  it(
    "every persona at every level gives a legal, explicit choice at every brink it is at",
    () => {
      // North reaches the brink with south and with east on turn 1 (mobilisation on top of tension 8).
      let s: GameState = testGame({
        states: 3,
        params: { tensionFatigue: 0 },
        scenario: {
          relations: [
            { a: "north", b: "south", tension: 8 },
            { a: "north", b: "east", tension: 8 },
          ],
        },
      });
      s = resolveOk(s, {
        north: [
          { type: "mobilize", target: "south" },
          { type: "mobilize", target: "east" },
        ],
      }).state;
      expect(Object.keys(s.brinks).sort()).toEqual(
        [pairKey("east", "north"), pairKey("north", "south")].sort(),
      );
      for (const persona of BOT_PERSONAS)
        for (const level of BOT_LEVELS)
          for (const seat of ["north", "south", "east"] as SeatId[]) {
            const view = viewFor(s, { role: "player", seat });
            const t = botTurn(view, { persona, level }, rngFromSeed(`${persona}/${level}/${seat}`), {
              budget: { iterations: 8, depth: 1, horizon: 2 },
            });
            expect(validateOrders(s, seat, t.orders).ok).toBe(true);
            const others = seat === "north" ? ["south", "east"] : ["north"];
            for (const o of others)
              expect(
                t.orders.filter((x) => (x.type === "brink" || x.type === "strike") && x.target === o),
                `${persona}:${level} as ${seat} toward ${o}`,
              ).toHaveLength(1);
          }
    },
    SLOW,
  );

  it(
    "in bot games every war begins with a choice: a strike, or both sides standing firm explicitly",
    () => {
      const r = findScenario("collateral");
      if (!r.ok) throw new Error("collateral");
      for (const level of ["easy", "normal"] as const) {
        const pace = castPace(r.scenario, level, 40, "brink-test");
        expect(pace.warStarts.unanswered).toBe(0);
        expect(pace.chosenWars).toBe(1);
      }
    },
    SLOW,
  );
});
