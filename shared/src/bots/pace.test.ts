/** The pace report reads game length, early peace and how each war began off finished games. */
import { describe, expect, it } from "vitest";
import type { Order } from "../model/orders.ts";
import type { GameState, Outcome } from "../model/types.ts";
import { paceReport, warStart, type PlayedForPace } from "./pace.ts";

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
