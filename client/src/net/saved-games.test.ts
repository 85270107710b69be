import { describe, expect, it } from "vitest";
import { MAX_SAVED_GAMES, parseSavedGames } from "./saved-games.ts";

describe("the games a browser keeps", () => {
  it("reads well-formed entries, one per game, newest first, and drops the rest", () => {
    const raw = JSON.stringify([
      { roomId: "gOld", token: "t".repeat(20), at: 1, name: "Solo: Tutorial" },
      { roomId: "gNew", token: "u".repeat(20), at: 5, who: "facilitator" },
      { roomId: "gNew", token: "v".repeat(20), at: 9 },
      { roomId: "", token: "x".repeat(20) },
      { roomId: "gNoToken" },
      "junk",
      null,
      { roomId: "gBig", token: "w".repeat(20), at: 3, name: "n".repeat(500) },
    ]);
    const list = parseSavedGames(raw);
    expect(list.map((g) => g.roomId)).toEqual(["gNew", "gBig", "gOld"]);
    expect(list[0]?.token).toBe("u".repeat(20));
    expect(list[1]?.name).toBeUndefined();
    expect(list[2]?.name).toBe("Solo: Tutorial");
  });

  it("survives anything stored under its key", () => {
    for (const raw of [null, "", "{", "42", '{"roomId":"g"}', "[[]]"])
      expect(parseSavedGames(raw)).toEqual([]);
  });

  it("keeps at most MAX_SAVED_GAMES", () => {
    const many = Array.from({ length: MAX_SAVED_GAMES + 5 }, (_, i) => ({
      roomId: `g${i}`,
      token: "t".repeat(12),
      at: i,
    }));
    expect(parseSavedGames(JSON.stringify(many))).toHaveLength(MAX_SAVED_GAMES);
  });
});
