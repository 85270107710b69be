/**
 * A bot taking a seat keeps what its humans did this turn; a player takes the seat back; the facilitator's
 * takeover settings.
 */
import { describe, expect, it } from "vitest";
import { testScenario } from "@firebreak/shared/testing";
import type { JournalEntry } from "../session/journal.ts";
import { applyEntry, createSession } from "../session/session.ts";
import type { SessionState } from "../session/types.ts";
import { ann, bob, create, fac } from "../testing/fixtures.ts";
import { fire, request, settle, type Plan } from "./driver.ts";
import type { Facts, Timer } from "./timers.ts";

/**
 * Four states, a hotline between north and south, and a non-state attack on south at the start (south may ask
 * north about it).
 */
const scenario = testScenario(4, {
  cbms: [{ kind: "hotline", members: ["north", "south"] }],
  injects: {
    scheduled: [
      {
        turn: 1,
        inject: {
          id: "hit",
          title: "Outage",
          text: "Banks in South go dark.",
          effects: [{ type: "nonStateIncident", target: "south", kind: "ddos" }],
        },
      },
    ],
  },
});

function facts(connected: string[], armed: Timer[] = []): Facts {
  return { connected: new Set(connected), present: true, armed, idleSeconds: 0, offThread: () => false };
}

const after = (p: Plan, s: SessionState): SessionState => p.steps.at(-1)?.after ?? s;

/** The entry's plan, adopted; it must be accepted. */
function go(s: SessionState, e: JournalEntry, connected = [ann.id, bob.id]): SessionState {
  const p = request(s, e, e.at, facts(connected));
  if (!p.ok) throw new Error(`${p.error.code}: ${p.error.message}`);
  return after(p.value, s);
}

/**
 * Ann on north and Bob on south, started (east and west bots), with `takeoverSeconds` 30 and takeover on or
 * off.
 */
function started(takeover = true): SessionState {
  const c = createSession(
    { ...create, options: { ...create.options, scenario: scenario.id, takeoverSeconds: 30, takeover } },
    scenario,
  );
  if (!c.ok) throw new Error(c.error.message);
  let s = c.value;
  for (const e of [
    { kind: "join", at: 1_100, by: ann.id, member: ann },
    { kind: "join", at: 1_200, by: bob.id, member: bob },
  ] as JournalEntry[]) {
    const r = applyEntry(s, e);
    if (!r.ok) throw new Error(r.error.message);
    s = r.value;
  }
  return go(s, { kind: "start", at: 2_000, by: fac.id });
}

const orders = (by: string, seat: string, turn: number, list: unknown[], at = 3_000): JournalEntry => ({
  kind: "step",
  at,
  by,
  step: { type: "orders", turn, seat, orders: list },
});

/** Turn 2, with South's inquiry to North about the attack on it open. */
function inquired(): { s: SessionState; inquiry: string } {
  let s = started();
  const incident = s.game.incidents.find((i) => i.target === "south")?.id ?? "";
  s = go(s, orders(bob.id, "south", 1, [{ type: "inquire", target: "north", incident }]));
  s = go(s, { kind: "ready", at: 3_100, by: ann.id, seat: "north", ready: true });
  s = go(s, { kind: "ready", at: 3_200, by: bob.id, seat: "south", ready: true });
  expect(s.game.turn).toBe(2);
  const inquiry = s.game.inquiries.find((q) => q.to === "north" && q.status === "open")?.id ?? "";
  expect(inquiry).not.toBe("");
  return { s, inquiry };
}

describe("a bot that takes a seat mid-turn keeps what its humans did", () => {
  it("the human's answer to an inquiry stands when the facilitator hands the seat to a bot that would have denied", () => {
    const { s: before, inquiry } = inquired();
    let s = go(before, orders(ann.id, "north", 2, [{ type: "answer", inquiry, reply: "explain" }], 70_000));
    s = go(s, {
      kind: "bot",
      at: 71_000,
      by: fac.id,
      seat: "north",
      bot: true,
      persona: "hawk",
      reason: "facilitator",
    });
    expect(s.ready).toContain("north"); // the bot has acted
    const answers = (s.game.orders.north ?? []).filter((o) => o.type === "answer");
    expect(answers).toEqual([{ type: "answer", inquiry, reply: "explain" }]);
    // The bot says nothing over the hotline about an answer it did not give.
    expect(s.chat.filter((c) => c.turn === 2 && c.role === "bot" && c.channel.kind === "hotline")).toEqual(
      [],
    );
  });

  it("an automatic takeover keeps the orders too, and fills in only what still fits", () => {
    let s = started();
    const statement = { type: "statement", tone: "reassure", text: "North stays calm." };
    s = go(s, orders(ann.id, "north", 1, [statement, { type: "harden" }]));
    const p = fire(s, { kind: "takeover", at: 40_000, seat: "north" }, 40_000, facts([bob.id]));
    s = after(p, s);
    expect(s.seats.find((c) => c.seat === "north")).toMatchObject({ bot: true, reason: "absent" });
    expect(s.ready).toContain("north"); // the bot has acted
    const kept = s.game.orders.north ?? [];
    expect(kept.slice(0, 2)).toEqual([statement, { type: "harden" }]);
    expect(kept.filter((o) => o.type === "statement" || o.type === "harden")).toHaveLength(2);
  });
});

describe("a player takes its seat back from a bot", () => {
  it("reclaim hands the seat back and clears its ready mark; the player then acts", () => {
    let s = go(started(), {
      kind: "bot",
      at: 5_000,
      by: fac.id,
      seat: "north",
      bot: true,
      persona: null,
      reason: "facilitator",
    });
    const refused = request(s, orders(ann.id, "north", 1, []), 6_000, facts([ann.id, bob.id]));
    expect(!refused.ok && refused.error.code).toBe("BOT_HOLDS_SEAT");
    expect(s.ready).toContain("north");
    s = go(s, { kind: "bot", at: 6_000, by: ann.id, seat: "north", bot: false, persona: null, reason: null });
    expect(s.seats.find((c) => c.seat === "north")).toMatchObject({ bot: false, reason: null });
    expect(s.ready).not.toContain("north");
    expect(s.game.turn).toBe(1);
    s = go(s, orders(ann.id, "north", 1, [{ type: "hunt" }], 7_000));
    expect(s.game.orders.north).toEqual([{ type: "hunt" }]);
  });
});

describe("the facilitator's takeover settings", () => {
  it("turning takeover off drops the countdowns; a new delay starts them again with it", () => {
    const s = started();
    const armed: Timer[] = [{ kind: "takeover", at: 32_000, seat: "south" }];
    expect(settle(s, 10_000, facts([ann.id], armed)).timers).toContainEqual(armed[0]);
    const off = request(
      s,
      { kind: "settings", at: 10_000, by: fac.id, settings: { takeover: false } },
      10_000,
      facts([ann.id], armed),
    );
    if (!off.ok) throw new Error(off.error.message);
    expect(off.value.timers.filter((t) => t.kind === "takeover")).toEqual([]);
    const offState = after(off.value, s);
    expect(offState.settings).toMatchObject({ takeover: false, takeoverSeconds: 30 });
    // A takeover timer that fires anyway does nothing while takeover is off.
    expect(fire(offState, armed[0] as Timer, 32_000, facts([ann.id])).steps).toEqual([]);
    const longer = request(
      s,
      { kind: "settings", at: 10_000, by: fac.id, settings: { takeoverSeconds: 90 } },
      10_000,
      facts([ann.id], armed),
    );
    if (!longer.ok) throw new Error(longer.error.message);
    expect(longer.value.timers).toContainEqual({ kind: "takeover", at: 100_000, seat: "south" });
  });

  it("a game created with takeover off arms no countdown; turning it on needs a delay", () => {
    const s = started(false);
    expect(settle(s, 10_000, facts([ann.id])).timers.filter((t) => t.kind === "takeover")).toEqual([]);
    const zero = { ...s, settings: { ...s.settings, takeoverSeconds: 0 } };
    const refused = request(
      zero,
      { kind: "settings", at: 10_000, by: fac.id, settings: { takeover: true } },
      10_000,
      facts([ann.id]),
    );
    expect(!refused.ok && refused.error.code).toBe("INVALID_REQUEST");
    const byPlayer = request(
      s,
      { kind: "settings", at: 10_000, by: ann.id, settings: { takeover: true } },
      10_000,
      facts([ann.id]),
    );
    expect(!byPlayer.ok && byPlayer.error.code).toBe("NOT_FACILITATOR");
  });
});
