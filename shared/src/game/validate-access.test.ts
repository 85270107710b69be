import { describe, expect, it } from "vitest";
import type { GameState } from "../model/types.ts";
import { afterDdos, newGame, orders, rejects, resolve, withInquiry } from "../testing/validate-cases.ts";
import { applyStep } from "./steps.ts";

// Fixture states (testScenario): north (def 1, AP 3), south (def 2), east (def 3), west (def 4).

describe("error codes of accesses, false flags, incidents and inquiries; a rejected step changes nothing", () => {
  it("NO_ACCESS: disrupt or destroy without an access in the target", () => {
    const s = newGame();
    rejects(
      s,
      orders(s, "north", [{ type: "disrupt", target: "south" }]),
      "NO_ACCESS",
      /disrupt/,
      /in South\./,
    );
    rejects(
      s,
      orders(s, "north", [{ type: "destroy", target: "south" }]),
      "NO_ACCESS",
      /destroy/,
      /in South\./,
    );
  });

  it("ACCESS_TOO_YOUNG: destroy needs an access at least 2 turns old; two effects need two accesses", () => {
    const s1 = newGame({ dwellDays: [100000, 100000, 100000, 100000, 100000] });
    const s = resolve(s1, { north: [{ type: "preposition", target: "south" }] });
    expect(s.accesses.filter((a) => a.owner === "north" && a.target === "south")).toHaveLength(1);
    rejects(
      s,
      orders(s, "north", [{ type: "destroy", target: "south" }]),
      "ACCESS_TOO_YOUNG",
      /destroy/,
      /2 turns old in South\./,
    );
    // One access aged 1 turn is enough for a disrupt (the step succeeds)...
    expect(applyStep(s, orders(s, "north", [{ type: "disrupt", target: "south" }])).ok).toBe(true);
  });

  it("ACCESS_TOO_YOUNG: two effects against one target need two usable accesses", () => {
    const s1 = newGame({ dwellDays: [100000, 100000, 100000, 100000, 100000] });
    const s2 = resolve(s1, { north: [{ type: "preposition", target: "south" }] });
    const s = {
      ...s2,
      nations: {
        ...s2.nations,
        north: { ...(s2.nations.north as GameState["nations"][string]), actionPoints: 6 },
      },
    };
    rejects(
      s,
      orders(s, "north", [
        { type: "disrupt", target: "south" },
        { type: "destroy", target: "south" },
      ]),
      "ACCESS_TOO_YOUNG",
      /Order 2/,
    );
  });

  it("INVALID_FALSE_FLAG: a flag must point at an existing third state", () => {
    const s = newGame();
    rejects(
      s,
      orders(s, "north", [{ type: "espionage", target: "south", falseFlag: "atlantis" }]),
      "INVALID_FALSE_FLAG",
      /atlantis/,
    );
    rejects(
      s,
      orders(s, "north", [{ type: "espionage", target: "south", falseFlag: "north" }]),
      "INVALID_FALSE_FLAG",
      /third state/,
    );
    rejects(
      s,
      orders(s, "north", [{ type: "espionage", target: "south", falseFlag: "south" }]),
      "INVALID_FALSE_FLAG",
      /third state/,
    );
  });

  it("UNKNOWN_INCIDENT: an incident the seat does not know of", () => {
    const { s, incident } = afterDdos();
    rejects(
      s,
      orders(s, "south", [{ type: "investigate", incident: "i-nope" }]),
      "UNKNOWN_INCIDENT",
      /i-nope/,
    );
    rejects(
      s,
      orders(s, "south", [{ type: "attribute", incident: "i-nope", accused: "north" }]),
      "UNKNOWN_INCIDENT",
      /i-nope/,
    );
    // East only saw the public effects: it may not investigate what it never detected.
    rejects(
      s,
      orders(s, "east", [{ type: "investigate", incident }]),
      "UNKNOWN_INCIDENT",
      new RegExp(incident),
    );
  });

  it("NO_HOTLINE: inquire without a hotline with the suspect", () => {
    const { s, incident } = afterDdos();
    rejects(
      s,
      orders(s, "south", [{ type: "inquire", target: "north", incident }]),
      "NO_HOTLINE",
      /hotline with North \(or, about an incident against you, that you both adopted the norm on assistance\)\./,
    );
  });

  it("UNKNOWN_INQUIRY: answering an inquiry that does not exist", () => {
    const { s } = withInquiry();
    rejects(
      s,
      orders(s, "north", [{ type: "answer", inquiry: "q-nope", reply: "deny" }]),
      "UNKNOWN_INQUIRY",
      /q-nope/,
    );
  });

  it("NOT_YOUR_INQUIRY: answering an inquiry addressed to another state", () => {
    const { s, inquiry } = withInquiry();
    rejects(
      s,
      orders(s, "east", [{ type: "answer", inquiry, reply: "deny" }]),
      "NOT_YOUR_INQUIRY",
      new RegExp(inquiry),
      /not addressed to you/,
    );
    rejects(
      s,
      orders(s, "south", [{ type: "answer", inquiry, reply: "explain" }]),
      "NOT_YOUR_INQUIRY",
      new RegExp(inquiry),
    );
  });

  it("ALREADY_ANSWERED: answering a closed inquiry (answered, or left unanswered)", () => {
    const { s, inquiry } = withInquiry();
    const answered = resolve(s, { north: [{ type: "answer", inquiry, reply: "explain" }] });
    rejects(
      answered,
      orders(answered, "north", [{ type: "answer", inquiry, reply: "acknowledge" }]),
      "ALREADY_ANSWERED",
      new RegExp(inquiry),
      /closed/,
    );
    const silent = resolve(s, {});
    expect(silent.inquiries.find((q) => q.id === inquiry)?.status).toBe("unanswered");
    rejects(
      silent,
      orders(silent, "north", [{ type: "answer", inquiry, reply: "deny" }]),
      "ALREADY_ANSWERED",
      new RegExp(inquiry),
    );
  });
});
