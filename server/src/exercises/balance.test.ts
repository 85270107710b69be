import { describe, expect, it } from "vitest";
import { Handouts, pickTable, type TableLoad } from "./balance.ts";

const table = (id: string, players: number[], open = true): TableLoad => ({
  id,
  open,
  seats: players.map((p, i) => ({ seat: `s${i}`, players: p })),
});

describe("balancing students over tables", () => {
  it("the table with most empty seats, then fewest players; ties to the earlier table", () => {
    expect(pickTable([table("a", [1, 0]), table("b", [0, 0])])).toEqual({ table: "b", seat: "s0" });
    expect(pickTable([table("a", [2, 1]), table("b", [1, 1])])).toEqual({ table: "b", seat: "s0" });
    expect(pickTable([table("a", [0, 0]), table("b", [0, 0])])).toEqual({ table: "a", seat: "s0" });
  });

  it("the seat with fewest players: teams fill evenly", () => {
    expect(pickTable([table("a", [2, 1, 2])])).toEqual({ table: "a", seat: "s1" });
  });

  it("closed tables and tables without seats are skipped; none open: null", () => {
    expect(pickTable([table("a", [0, 0], false), table("b", [3, 3])])?.table).toBe("b");
    expect(pickTable([table("a", [0], false), table("b", [])])).toBeNull();
  });

  it("six students one after the other over three two-seat tables: one per seat", () => {
    const seats = [
      [0, 0],
      [0, 0],
      [0, 0],
    ];
    for (let i = 0; i < 6; i++) {
      const pick = pickTable(seats.map((s, k) => table(String(k), s)));
      const k = Number(pick?.table);
      const s = Number(pick?.seat.slice(1));
      (seats[k] as number[])[s] = ((seats[k] as number[])[s] as number) + 1;
    }
    expect(seats).toEqual([
      [1, 1],
      [1, 1],
      [1, 1],
    ]);
  });

  it("handouts count for their hold, then lapse", () => {
    const h = new Handouts(1000);
    h.add("a", "s0", 0);
    h.add("a", "s0", 500);
    expect(h.pending("a", "s0", 600)).toBe(2);
    expect(h.pending("a", "s1", 600)).toBe(0);
    expect(h.pending("a", "s0", 1200)).toBe(1);
    expect(h.pending("a", "s0", 2000)).toBe(0);
  });
});
