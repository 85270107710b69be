import { describe, expect, it } from "vitest";
import { assignGames, parseHandOver } from "./handover.ts";

describe("assignGames", () => {
  it("sends each game to the least-loaded other process, counting the games assigned so far", () => {
    const loads = [
      { processId: "leaving", roomCount: 0 },
      { processId: "p1", roomCount: 3 },
      { processId: "p2", roomCount: 1 },
    ];
    expect(assignGames(["g1", "g2", "g3", "g4"], loads, "leaving")).toEqual([
      { id: "g1", to: "p2" },
      { id: "g2", to: "p2" },
      { id: "g3", to: "p1" },
      { id: "g4", to: "p2" },
    ]);
  });

  it("assigns nothing when no other process is known", () => {
    expect(assignGames(["g1"], [{ processId: "leaving", roomCount: 0 }], "leaving")).toEqual([]);
  });
});

describe("parseHandOver", () => {
  it("reads a hand-over and refuses anything else", () => {
    const h = { from: "p0", games: [{ id: "g1", to: "p1" }] };
    expect(parseHandOver(h)).toEqual(h);
    expect(parseHandOver(null)).toBeNull();
    expect(parseHandOver({ from: "p0" })).toBeNull();
    expect(parseHandOver({ from: "p0", games: [{ id: 1, to: "p1" }] })).toBeNull();
    expect(parseHandOver({ from: "p0", games: [null] })).toBeNull();
  });
});
