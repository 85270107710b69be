/** The pace report reads game length, early peace and how each war began off finished games. */
import { describe, expect, it } from "vitest";
import type { Order } from "../model/orders.ts";
import type { GameState, Outcome } from "../model/types.ts";
import { findScenario } from "../io/scenario-files.ts";
import { SCENARIO_CASTS } from "./casting.ts";
import { castPace, paceReport, warStart, type PlayedForPace } from "./pace.ts";

/**
 * A finished game as the report reads it: its outcome, its last turn, and the belligerents' orders on that
 * turn.
 */
function game(outcome: Outcome | null, turn: number, orders: Record<string, Order[]> = {}): PlayedForPace {
  return {
    state: { outcome, turn } as GameState,
    ordersAt: (t, seat) => (t === outcome?.turn ? (orders[seat] ?? []) : []),
  };
}

const war = (turn: number, cause: "strike" | "brink"): Outcome => ({
  kind: "armedConflict",
  turn,
  belligerents: ["north", "south"],
  initiator: cause === "strike" ? "north" : null,
  cause,
});

describe("pace report", () => {
  it("tells a strike, both sides standing firm by choice, and a brink left unanswered apart", () => {
    expect(warStart(game(war(7, "strike"), 7))).toBe("strike");
    const firm = (target: string): Order[] => [{ type: "brink", target, choice: "firm" }];
    expect(warStart(game(war(8, "brink"), 8, { north: firm("south"), south: firm("north") }))).toBe(
      "bothFirm",
    );
    expect(warStart(game(war(8, "brink"), 8, { north: firm("south") }))).toBe("unanswered");
    expect(warStart(game(null, 12))).toBeNull();
  });

  it("counts shares, the median game length, early peace and the share of wars begun by a choice", () => {
    const peace = (turn: number): Outcome => ({
      kind: "stablePeace",
      turn,
      belligerents: [],
      initiator: null,
    });
    const r = paceReport([
      game(peace(5), 5),
      game(peace(8), 8),
      game(war(9, "strike"), 9),
      game(war(10, "brink"), 10),
      game(null, 12),
    ]);
    expect(r).toMatchObject({ games: 5, war: 0.4, peace: 0.4, peaceBefore6: 0.2, medianTurns: 9 });
    expect(r.warStarts).toEqual({ strike: 1, bothFirm: 0, unanswered: 1 });
    expect(r.chosenWars).toBe(0.5);
  });
});

describe("games worth a class period", () => {
  it("every shipped scenario's cast at easy and normal plays a median of 8 or more of 12 turns, with no peace before turn 6", () => {
    // docs/bots.md section 7 measures 500 games a cast (and the hard casts, which are slow); 30 here.
    for (const id of Object.keys(SCENARIO_CASTS)) {
      const r = findScenario(id);
      if (!r.ok) throw new Error(id);
      for (const level of ["easy", "normal"] as const) {
        const pace = castPace(r.scenario, level, 30, "class-period");
        const turns = r.scenario.turns ?? 12;
        // The six-turn tutorial: the median is its length.
        expect(pace.medianTurns, `${id} ${level}`).toBeGreaterThanOrEqual(Math.min(8, turns));
        expect(pace.peaceBefore6, `${id} ${level}`).toBe(0);
      }
    }
  }, 120_000);
});
