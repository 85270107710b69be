import { describe, expect, it } from "vitest";
import { ERROR_CODES, type ErrorCode } from "../model/errors.ts";
import type { Order } from "../model/orders.ts";
import { deepFreeze } from "../testing/freeze.ts";
import { newGame, orders, rejects, withProposal } from "../testing/validate-cases.ts";
import { applyStep, type Step } from "./steps.ts";

// Fixture states (testScenario): north (def 1, AP 3), south (def 2), east (def 3), west (def 4).

describe("error codes of steps and injects; a rejected step changes nothing", () => {
  it("INVALID_STEP: an unknown step type", () => {
    const s = newGame();
    rejects(s, { type: "teleport", turn: 1 } as unknown as Step, "INVALID_STEP", /step/i);
  });

  it("INVALID_STEP: a malformed step names its type and the field at fault", () => {
    const s = newGame();
    rejects(
      s,
      { type: "propose", turn: 1, seat: "north", kind: "hotline", parties: "south" } as unknown as Step,
      "INVALID_STEP",
      /^Malformed propose step at parties: /,
    );
    rejects(
      s,
      { type: "respond", turn: 1, seat: "south", proposal: "p1", accept: "yes" } as unknown as Step,
      "INVALID_STEP",
      /^Malformed respond step at accept: /,
    );
    rejects(
      s,
      { type: "resolve", turn: "1" } as unknown as Step,
      "INVALID_STEP",
      /^Malformed resolve step at turn: /,
    );
    rejects(
      s,
      { type: "end", turn: 1, by: "north" } as unknown as Step,
      "INVALID_STEP",
      /^Malformed end step/,
      /by/,
    );
    rejects(s, null as unknown as Step, "INVALID_STEP", /step type/);
  });

  it("INVALID_STEP: an inject whose tension or suspicion effect names one state twice", () => {
    const s = newGame();
    const inject = (effect: unknown): Step =>
      ({ type: "inject", turn: 1, inject: { id: "x", title: "X", text: "X.", effects: [effect] } }) as Step;
    rejects(
      s,
      inject({ type: "tension", a: "north", b: "north", delta: 1 }),
      "INVALID_STEP",
      /two different states, not North twice/,
    );
    rejects(
      s,
      inject({ type: "suspicion", from: "east", to: "east", delta: 0.1 }),
      "INVALID_STEP",
      /not East twice/,
    );
    rejects(
      s,
      inject({ type: "stat", state: "north", stat: "constructor", delta: 1 }),
      "INVALID_STEP",
      /^Malformed inject step at inject\.effects\[0\]\.stat: /,
    );
  });

  it("UNKNOWN_TARGET: an inject naming a state that is not in the game", () => {
    const s = newGame();
    const inject: Step = {
      type: "inject",
      turn: 1,
      inject: {
        id: "x",
        title: "X",
        text: "X.",
        effects: [{ type: "stat", state: "atlantis", stat: "economy", delta: -1 }],
      },
    };
    rejects(s, inject, "UNKNOWN_TARGET", /"atlantis", which is not a state in this game/);
  });

  it("UNKNOWN_SEAT: an answer to a proposal from a seat that is not in the game", () => {
    const { s, proposal } = withProposal();
    rejects(
      s,
      { type: "respond", turn: 1, seat: "atlantis", proposal, accept: true },
      "UNKNOWN_SEAT",
      /atlantis/,
    );
    rejects(
      s,
      { type: "respond", turn: 1, seat: "constructor", proposal, accept: true },
      "UNKNOWN_SEAT",
      /constructor/,
    );
  });

  it("every code the validate tests check is a known error code", () => {
    const tested: ErrorCode[] = [
      "GAME_OVER",
      "WRONG_TURN",
      "UNKNOWN_SEAT",
      "INVALID_ORDER",
      "TOO_MANY_ORDERS",
      "NOT_ENOUGH_AP",
      "UNKNOWN_TARGET",
      "SELF_TARGET",
      "DUPLICATE_ORDER",
      "NO_ACCESS",
      "ACCESS_TOO_YOUNG",
      "INVALID_FALSE_FLAG",
      "UNKNOWN_INCIDENT",
      "NO_HOTLINE",
      "UNKNOWN_INQUIRY",
      "NOT_YOUR_INQUIRY",
      "ALREADY_ANSWERED",
      "TEXT_TOO_LONG",
      "UNKNOWN_PROPOSAL",
      "NOT_PROPOSED_TO_YOU",
      "ALREADY_RESPONDED",
      "INVALID_PARTIES",
      "CBM_ALREADY_IN_FORCE",
      "CBMS_DISABLED",
      "INVALID_STEP",
    ];
    for (const c of tested) expect(ERROR_CODES).toContain(c);
  });
});

describe("accepted steps", () => {
  it("a legal order list is stored for the seat and changes nothing else", () => {
    const s = deepFreeze(newGame());
    const list: Order[] = [
      { type: "espionage", target: "south", falseFlag: "east" },
      { type: "statement", tone: "reassure", text: "We mean no harm." },
    ];
    const r = applyStep(s, orders(s, "north", list));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.state.orders.north).toEqual(list);
    expect({ ...r.value.state, orders: {} }).toEqual({ ...s, orders: {} });
  });
});
