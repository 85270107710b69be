import { describe, expect, it } from "vitest";
import type { RequestPayload, RequestType } from "@firebreak/shared";
import { ann, fac, run, sam, scenario, untimed } from "../testing/fixtures.ts";
import { entryFor, type Mint } from "./requests.ts";
import type { Member, SessionState } from "./types.ts";

const mint: Mint = { id: (p) => `${p}new`, token: () => "tok-new-0000000000", code: () => "NEWCOD" };

function session(started: boolean): SessionState {
  return run(
    [
      { kind: "join", at: 1_100, by: ann.id, member: ann },
      { kind: "join", at: 1_200, by: sam.id, member: sam },
      ...(started ? [{ kind: "start" as const, at: 2_000, by: fac.id }] : []),
    ],
    untimed,
  ).s;
}

const ask = <T extends RequestType>(s: SessionState, m: Member, type: T, payload: RequestPayload<T>) =>
  entryFor(type, payload, { session: s, member: m, at: 3_000, scenario, mint });

describe("requests become journal entries made by their sender", () => {
  it("a seat's requests act for the sender's seat, by the sender", () => {
    const s = session(true);
    expect(
      ask(s, ann, "orders", {
        turn: 1,
        orders: [{ type: "statement", tone: "warn", target: null, text: "a\u202eb" }],
      }),
    ).toEqual({
      ok: true,
      value: {
        entry: {
          kind: "step",
          at: 3_000,
          by: ann.id,
          step: {
            type: "orders",
            turn: 1,
            seat: "north",
            orders: [{ type: "statement", tone: "warn", target: null, text: "ab" }],
          },
        },
        answer: {},
      },
    });
    expect(ask(s, ann, "ready", { ready: true })).toEqual({
      ok: true,
      value: { entry: { kind: "ready", at: 3_000, by: ann.id, seat: "north", ready: true }, answer: {} },
    });
  });

  it("a knock takes a seat nobody plays at once, knocks on one that has players, and withdraws", () => {
    const s = session(true);
    expect(ask(s, sam, "knock", { seat: "east" })).toMatchObject({
      ok: true,
      value: { entry: { kind: "assign", by: sam.id, member: sam.id, seat: "east" } },
    });
    expect(ask(s, sam, "knock", { seat: "north" })).toMatchObject({
      ok: true,
      value: { entry: { kind: "knock", by: sam.id, member: sam.id, seat: "north" } },
    });
    expect(ask(s, sam, "knock", { seat: null })).toMatchObject({ ok: false, error: { code: "NO_KNOCK" } });
    expect(ask(s, ann, "knock", { seat: "east" })).toEqual({
      ok: false,
      error: { code: "INVALID_REQUEST", message: "You already have a seat; the facilitator can move you." },
    });
  });

  it("who may make a request is asked before anything else about it", () => {
    const s = session(true);
    expect(ask(s, ann, "fac:bot", { seat: "atlantis", bot: true, persona: "pacifist" })).toMatchObject({
      ok: false,
      error: { code: "NOT_FACILITATOR" },
    });
    expect(ask(s, ann, "fac:inject", { id: "no-such-inject" })).toMatchObject({
      ok: false,
      error: { code: "NOT_FACILITATOR" },
    });
    expect(ask(s, fac, "lobby:seat", { seat: "east" })).toEqual({
      ok: false,
      error: { code: "NOT_A_PLAYER", message: "The facilitator has no seat." },
    });
    expect(ask(s, sam, "orders", { turn: 1, orders: [] })).toEqual({
      ok: false,
      error: { code: "NOT_A_PLAYER", message: "Only a player with a seat can do that." },
    });
  });

  it("three facilitator requests answer what they made: an invite, a code, a co-facilitator's key", () => {
    const s = session(false);
    expect(ask(s, fac, "fac:invite", { seat: "east" })).toMatchObject({
      ok: true,
      value: { answer: { invite: { id: "inew", seat: "east", secret: "tok-new-0000000000" } } },
    });
    expect(ask(s, fac, "fac:code", {})).toMatchObject({
      ok: true,
      value: { entry: { kind: "code", by: fac.id, code: "NEWCOD" }, answer: { code: "NEWCOD" } },
    });
    expect(ask(s, fac, "fac:cofac", { name: " Cy " })).toMatchObject({
      ok: true,
      value: {
        entry: { kind: "join", by: fac.id, member: { id: "mnew", name: "Cy", role: "facilitator" } },
        answer: { member: "mnew", key: "tok-new-0000000000" },
      },
    });
    expect(ask(s, ann, "lobby:seat", { seat: "east" })).toMatchObject({
      ok: true,
      value: { entry: { kind: "assign", by: ann.id, member: ann.id, seat: "east" } },
    });
  });
});
