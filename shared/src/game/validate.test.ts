import { describe, expect, it } from "vitest";
import type { Order } from "../model/orders.ts";
import { MAX_ORDERS } from "../model/orders.ts";
import { afterDdos, newGame, orders, rejects, step } from "../testing/validate-cases.ts";
import { resolveTurn } from "./resolve.ts";
import { checkOrders } from "./validate.ts";

// Fixture states (testScenario): north (def 1, AP 3), south (def 2), east (def 3), west (def 4).

describe("error codes of turns, seats and order lists; a rejected step changes nothing", () => {
  it("GAME_OVER: any step after the game ended", () => {
    const s = step(newGame(), { type: "end", turn: 1 });
    expect(s.phase).toBe("ended");
    rejects(s, orders(s, "north", []), "GAME_OVER", /over/i);
    rejects(
      s,
      { type: "propose", turn: 1, seat: "north", kind: "hotline", parties: ["south"] },
      "GAME_OVER",
      /over/i,
    );
    rejects(s, { type: "resolve", turn: 1 }, "GAME_OVER", /over/i);
    const r = resolveTurn(s, {});
    expect(r.ok ? null : r.error.code).toBe("GAME_OVER");
  });

  it("WRONG_TURN: a step meant for another turn", () => {
    const s = newGame();
    rejects(s, { type: "orders", turn: 2, seat: "north", orders: [] }, "WRONG_TURN", /turn 1/, /turn 2/);
    rejects(s, { type: "resolve", turn: 0 }, "WRONG_TURN", /turn 1/, /turn 0/);
  });

  it("UNKNOWN_SEAT: orders or a proposal from a seat that is not in the game", () => {
    const s = newGame();
    rejects(s, orders(s, "atlantis", []), "UNKNOWN_SEAT", /atlantis/);
    rejects(
      s,
      { type: "propose", turn: 1, seat: "atlantis", kind: "hotline", parties: ["south"] },
      "UNKNOWN_SEAT",
      /atlantis/,
    );
    const r = resolveTurn(s, { atlantis: [] });
    expect(r.ok ? null : r.error.code).toBe("UNKNOWN_SEAT");
    expect(r.ok ? "" : r.error.message).toMatch(/atlantis/);
  });

  describe("INVALID_ORDER: malformed shapes", () => {
    it("an unknown order type", () => {
      const s = newGame();
      rejects(s, orders(s, "north", [{ type: "nuke", target: "south" }]), "INVALID_ORDER", /\[0\]\.type/);
    });
    it("an extra field", () => {
      const s = newGame();
      rejects(
        s,
        orders(s, "north", [{ type: "hunt" }, { type: "espionage", target: "south", stealth: 11 }]),
        "INVALID_ORDER",
        /\[1\]/,
        /stealth/,
      );
    });
    it("a field of the wrong type", () => {
      const s = newGame();
      rejects(
        s,
        orders(s, "north", [{ type: "espionage", target: 5 }]),
        "INVALID_ORDER",
        /\[0\]\.target/,
        /string/,
      );
      rejects(
        s,
        orders(s, "north", [{ type: "espionage", target: "south", overt: "yes" }]),
        "INVALID_ORDER",
        /\[0\]\.overt/,
      );
      rejects(
        s,
        orders(s, "north", [{ type: "answer", inquiry: "q1", reply: "maybe" }]),
        "INVALID_ORDER",
        /\[0\]\.reply/,
      );
    });
    it("a missing required field", () => {
      const s = newGame();
      rejects(s, orders(s, "north", [{ type: "espionage" }]), "INVALID_ORDER", /\[0\]\.target/);
    });
    it("orders that are not an array", () => {
      const s = newGame();
      rejects(s, orders(s, "north", { type: "hunt" }), "INVALID_ORDER", /array/);
      rejects(s, orders(s, "north", "hunt"), "INVALID_ORDER", /array/);
      rejects(s, orders(s, "north", null), "INVALID_ORDER", /array/);
    });
    it("an overt operation with a proxy or a false flag", () => {
      const s = newGame();
      const e = rejects(
        s,
        orders(s, "north", [{ type: "espionage", target: "south", overt: true, proxy: true }]),
        "INVALID_ORDER",
        /overt/,
        /proxy/,
      );
      expect(e.index).toBe(0);
      rejects(
        s,
        orders(s, "north", [{ type: "influence", target: "south", overt: true, falseFlag: "east" }]),
        "INVALID_ORDER",
        /overt/,
        /false flag/,
      );
    });
  });

  it("TOO_MANY_ORDERS: more than MAX_ORDERS orders", () => {
    const s = newGame();
    const many = Array.from({ length: MAX_ORDERS + 1 }, () => ({ type: "statement", tone: "reassure" }));
    rejects(s, orders(s, "north", many), "TOO_MANY_ORDERS", new RegExp(String(MAX_ORDERS)));
    const r = checkOrders(s, "north", many as Order[]);
    expect(r.ok ? null : r.error.code).toBe("TOO_MANY_ORDERS");
  });

  it("NOT_ENOUGH_AP: orders costing more than the state's action points", () => {
    const s = newGame();
    const e = rejects(
      s,
      orders(s, "north", [
        { type: "hunt" },
        { type: "harden" },
        { type: "develop" },
        { type: "espionage", target: "south" },
      ]),
      "NOT_ENOUGH_AP",
      /4 action points/,
      /3/,
    );
    expect(e.index).toBe(3);
    // A false flag costs one more action point: espionage 1 + flag 1 + hunt 1 + harden 1.
    rejects(
      s,
      orders(s, "north", [
        { type: "espionage", target: "south", falseFlag: "east" },
        { type: "hunt" },
        { type: "harden" },
      ]),
      "NOT_ENOUGH_AP",
      /4 action points/,
    );
  });

  it("UNKNOWN_TARGET: a target or an accused state that does not exist", () => {
    const s = newGame();
    rejects(s, orders(s, "north", [{ type: "espionage", target: "atlantis" }]), "UNKNOWN_TARGET", /atlantis/);
    rejects(s, orders(s, "north", [{ type: "sanction", target: "atlantis" }]), "UNKNOWN_TARGET", /atlantis/);
    const { s: s2, incident } = afterDdos();
    rejects(
      s2,
      orders(s2, "south", [{ type: "attribute", incident, accused: "atlantis" }]),
      "UNKNOWN_TARGET",
      /atlantis/,
    );
    rejects(
      s2,
      { type: "propose", turn: 2, seat: "north", kind: "hotline", parties: ["atlantis"] },
      "UNKNOWN_TARGET",
      /atlantis/,
    );
  });

  it("SELF_TARGET: an order against one's own state", () => {
    const s = newGame();
    rejects(
      s,
      orders(s, "north", [{ type: "espionage", target: "north" }]),
      "SELF_TARGET",
      /espionage/,
      /own state/,
    );
    rejects(s, orders(s, "north", [{ type: "strike", target: "north" }]), "SELF_TARGET", /strike/);
    const { s: s2, incident } = afterDdos();
    rejects(
      s2,
      orders(s2, "south", [{ type: "attribute", incident, accused: "south" }]),
      "SELF_TARGET",
      /accuse yourself/,
    );
  });

  it("DUPLICATE_ORDER: the same order twice", () => {
    const s = newGame();
    const e = rejects(
      s,
      orders(s, "north", [
        { type: "espionage", target: "south" },
        { type: "espionage", target: "south" },
      ]),
      "DUPLICATE_ORDER",
      /Order 2/,
      /espionage/,
    );
    expect(e.index).toBe(1);
    rejects(s, orders(s, "north", [{ type: "hunt" }, { type: "hunt" }]), "DUPLICATE_ORDER", /hunt/);
    rejects(
      s,
      orders(s, "north", [
        { type: "statement", tone: "warn" },
        { type: "statement", tone: "reassure" },
      ]),
      "DUPLICATE_ORDER",
      /statement/,
    );
  });
});
