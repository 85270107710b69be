import { describe, expect, it } from "vitest";
import { testGame } from "../testing/game.ts";
import { viewFor } from "../view/view.ts";
import { isReservedId, isSeat, own, RESERVED_IDS } from "./ids.ts";

const PROTO_KEYS = Object.getOwnPropertyNames(Object.prototype);

describe("reserved ids", () => {
  it("are every name of Object.prototype, and __proto__", () => {
    expect(new Set(RESERVED_IDS)).toEqual(new Set([...PROTO_KEYS, "__proto__"]));
    for (const k of [
      ...PROTO_KEYS,
      "__proto__",
      "constructor",
      "toString",
      "hasOwnProperty",
      "valueOf",
      "isPrototypeOf",
    ])
      expect(isReservedId(k), k).toBe(true);
  });

  it("leave ordinary ids, other spellings and non-strings alone", () => {
    for (const k of [
      "north",
      "",
      "Constructor",
      "constructor ",
      "prototype",
      "__proto",
      7,
      null,
      undefined,
      {},
      ["constructor"],
    ])
      expect(isReservedId(k), String(k)).toBe(false);
  });
});

describe("isSeat", () => {
  const s = testGame({ states: 4 });

  it("is true for exactly the game's seats, in a state and in a view", () => {
    for (const seat of s.seats) {
      expect(isSeat(s, seat)).toBe(true);
      expect(isSeat(viewFor(s, { role: "observer" }), seat)).toBe(true);
    }
    expect(isSeat(s, "alpha")).toBe(false);
    expect(isSeat(s, "North")).toBe(false);
  });

  it("is false for every prototype name and for anything that is not a string", () => {
    for (const k of [...RESERVED_IDS, "", 0, null, undefined, {}, ["north"], { toString: () => "north" }])
      expect(isSeat(s, k), String(k)).toBe(false);
  });
});

describe("own", () => {
  const record: Record<string, number> = { north: 1, south: 2 };

  it("finds own entries only, never an inherited property", () => {
    expect(own(record, "north")).toBe(1);
    expect(own(record, "east")).toBeUndefined();
    for (const k of RESERVED_IDS) expect(own(record, k), k).toBeUndefined();
  });

  it("finds an own entry even under a prototype name (as JSON.parse makes it), and nothing under a non-string key", () => {
    const parsed = JSON.parse('{"__proto__": 3, "constructor": 4}') as Record<string, number>;
    expect(own(parsed, "__proto__")).toBe(3);
    expect(own(parsed, "constructor")).toBe(4);
    expect(own(record, 1)).toBeUndefined();
    expect(own(record, { toString: () => "north" })).toBeUndefined();
  });
});
