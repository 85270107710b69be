/**
 * The facilitator's strike rules: strikes held for approval, approved or refused; strikes refused before a
 * turn; the record.
 */
import { describe, expect, it } from "vitest";
import { replayRecord, stateHash } from "@firebreak/shared";
import { ann, bob, create, fac, run, scenario } from "../testing/fixtures.ts";
import type { JournalEntry } from "./journal.ts";
import { recordOf } from "./record.ts";
import { applyEntry } from "./session.ts";
import type { SessionState } from "./types.ts";
import type { StrikeRule } from "@firebreak/shared";

/** Ann on north, Bob on south, started, under the strike rule `strikes`; its journal so far. */
function game(strikes: StrikeRule): { s: SessionState; journal: JournalEntry[] } {
  return run(
    [
      { kind: "join", at: 1_100, by: ann.id, member: ann },
      { kind: "join", at: 1_200, by: bob.id, member: bob },
      { kind: "start", at: 2_000, by: fac.id },
    ],
    { ...create, options: { ...create.options, strikes } },
  );
}

const orders = (by: string, seat: string, list: unknown[], turn = 1): JournalEntry => ({
  kind: "step",
  at: 3_000,
  by,
  step: { type: "orders", turn, seat, orders: list },
});
const strike = { type: "strike", target: "south" };
const code = (r: { ok: boolean; error?: { code: string } }): string => (r.ok ? "ok" : (r.error?.code ?? ""));

/** Applies entries that must be accepted, keeping the journal. */
function apply(g: { s: SessionState; journal: JournalEntry[] }, ...entries: JournalEntry[]) {
  for (const e of entries) {
    const r = applyEntry(g.s, e);
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
    g.s = r.value;
    g.journal.push(e);
  }
  return g;
}

describe("strikes held for the facilitator's approval", () => {
  it("a strike waits outside the seat's orders until a facilitator approves it; then it joins them", () => {
    const g = apply(game("approval"), orders(ann.id, "north", [{ type: "hunt" }, strike]));
    expect(g.s.game.orders.north).toEqual([{ type: "hunt" }]);
    expect(g.s.held).toEqual([
      { seat: "north", turn: 1, strikes: [strike], by: ann.id, byName: "Ann", at: 3_000, status: "waiting" },
    ]);
    expect(
      code(applyEntry(g.s, { kind: "strike", at: 4_000, by: ann.id, seat: "north", approve: true })),
    ).toBe("NOT_FACILITATOR");
    expect(
      code(applyEntry(g.s, { kind: "strike", at: 4_000, by: fac.id, seat: "south", approve: true })),
    ).toBe("NO_STRIKE_WAITING");
    apply(g, { kind: "strike", at: 4_000, by: fac.id, seat: "north", approve: true });
    expect(g.s.game.orders.north).toEqual([{ type: "hunt" }, strike]);
    expect(g.s.held).toEqual([]);
    expect(g.s.orderLog.at(-1)).toMatchObject({ seat: "north", by: "Fac", count: 2 });
    // The record replays to the same state: the approval is where the strike entered the game.
    apply(g, { kind: "step", at: 5_000, by: fac.id, step: { type: "resolve", turn: 1 } });
    const record = recordOf(g.journal, scenario);
    if (!record.ok) throw new Error(record.error.message);
    expect(record.value.finalHash).toBe(stateHash(g.s.game));
    expect(replayRecord(record.value, scenario).ok).toBe(true);
  });

  it("a refused strike never happens, the seat is told, and the turn's end or a new list clears it", () => {
    const g = apply(game("approval"), orders(ann.id, "north", [strike]), {
      kind: "strike",
      at: 4_000,
      by: fac.id,
      seat: "north",
      approve: false,
    });
    expect(g.s.held[0]?.status).toBe("refused");
    expect(g.s.game.orders.north).toEqual([]);
    expect(
      code(applyEntry(g.s, { kind: "strike", at: 4_100, by: fac.id, seat: "north", approve: true })),
    ).toBe("NO_STRIKE_WAITING");
    apply(g, orders(ann.id, "north", [{ type: "harden" }]));
    expect(g.s.held).toEqual([]);
    apply(g, orders(ann.id, "north", [strike]), {
      kind: "step",
      at: 5_000,
      by: fac.id,
      step: { type: "resolve", turn: 1 },
    });
    expect(g.s.held).toEqual([]);
    expect(g.s.game.outcome).toBeNull();
    const record = recordOf(g.journal, scenario);
    expect(record.ok && record.value.finalHash).toBe(stateHash(g.s.game));
  });

  it("the whole list must be legal, the held strike's cost included", () => {
    const g = game("approval");
    const three = [{ type: "hunt" }, { type: "harden" }, strike];
    expect(code(applyEntry(g.s, orders(ann.id, "north", three)))).toBe("NOT_ENOUGH_AP");
  });
});

describe("strikes not before a turn", () => {
  it("a person's strike is refused before the turn; a bot's is left out of its orders", () => {
    const g = game({ notBefore: 3 });
    const r = applyEntry(g.s, orders(ann.id, "north", [strike]));
    expect(r).toEqual({
      ok: false,
      error: {
        code: "STRIKE_TOO_EARLY",
        message: "The facilitator allows strikes from turn 3; this is turn 1. Remove the strike order.",
      },
    });
    apply(g, orders("bot:east", "east", [{ type: "hunt" }, strike]));
    expect(g.s.game.orders.east).toEqual([{ type: "hunt" }]);
    const record = recordOf(g.journal, scenario);
    expect(record.ok && record.value.steps.at(-1)).toMatchObject({
      seat: "east",
      orders: [{ type: "hunt" }],
    });
  });

  it("from the turn on, and under the default rule, strikes are orders like any other", () => {
    expect(code(applyEntry(game("allowed").s, orders(ann.id, "north", [strike])))).toBe("ok");
    const g = game({ notBefore: 1 });
    apply(g, orders(ann.id, "north", [strike]));
    expect(g.s.game.orders.north).toEqual([strike]);
  });
});

describe("the facilitator's settings", () => {
  it("change in play, only the ones named, by a facilitator, until the end", () => {
    const g = game("allowed");
    expect(g.s.settings).toEqual({ strikes: "allowed", takeover: false, takeoverSeconds: 0 });
    const change = (by: string, settings: object): JournalEntry =>
      ({ kind: "settings", at: 4_000, by, settings }) as JournalEntry;
    expect(code(applyEntry(g.s, change(ann.id, { strikes: "approval" })))).toBe("NOT_FACILITATOR");
    apply(g, change(fac.id, { strikes: { notBefore: 4 } }));
    expect(g.s.settings).toEqual({ strikes: { notBefore: 4 }, takeover: false, takeoverSeconds: 0 });
    expect(code(applyEntry(g.s, change(fac.id, { takeover: true })))).toBe("INVALID_REQUEST");
    apply(g, change(fac.id, { takeover: true, takeoverSeconds: 45 }));
    expect(g.s.settings).toEqual({ strikes: { notBefore: 4 }, takeover: true, takeoverSeconds: 45 });
    expect(code(applyEntry(g.s, orders(ann.id, "north", [strike])))).toBe("STRIKE_TOO_EARLY");
  });
});
