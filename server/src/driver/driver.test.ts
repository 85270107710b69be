import { describe, expect, it } from "vitest";
import { testScenario } from "@firebreak/shared/testing";
import type { JournalEntry } from "../session/journal.ts";
import { replayJournal } from "../session/session.ts";
import type { Member, SessionState } from "../session/types.ts";
import { arrive, awayWords, begin, depart, fire, request, settle, type Plan } from "./driver.ts";
import { ENDED_ROOM_SECONDS, type Facts } from "./timers.ts";

const scenario = testScenario(4);
const fac: Member = { id: "mF", name: "Fac", role: "facilitator", seat: null, token: "tok-facilitator-000" };
const ann: Member = { id: "mA", name: "Ann", role: "player", seat: "north", token: "tok-ann-0000000000" };
const bob: Member = { id: "mB", name: "Bob", role: "player", seat: "south", token: "tok-bob-0000000000" };

/**
 * A class game with a 60 s clock and 30 s takeovers, Ann on north and Bob on south; started unless `lobby`.
 */
function game(lobby = false): SessionState {
  const options = {
    scenario: scenario.id,
    seed: "s-1",
    name: "Test",
    turnSeconds: 60,
    botLevel: "normal" as const,
    solo: null,
    takeoverSeconds: 30,
    cbms: [],
  };
  const entries: JournalEntry[] = [
    { kind: "create", at: 1_000, by: fac.id, code: "ACDEFG", facilitator: fac, options },
    { kind: "join", at: 1_100, by: ann.id, member: ann },
    { kind: "join", at: 1_200, by: bob.id, member: bob },
  ];
  const s = replayJournal(lobby ? entries : [...entries, { kind: "start", at: 2_000, by: fac.id }], scenario);
  if (!s.ok) throw new Error(s.error.message);
  return s.value;
}

/** The room's facts: who is connected, whether anyone is here, the armed timers; bots decide on the spot. */
function facts(connected: string[], over: Partial<Facts> = {}): Facts {
  return {
    connected: new Set(connected),
    present: connected.length > 0,
    armed: [],
    idleSeconds: 600,
    offThread: () => false,
    ...over,
  };
}

const last = (p: Plan, s: SessionState): SessionState => p.steps.at(-1)?.after ?? s;
const kinds = (p: Plan): string[] =>
  p.steps.map((a) =>
    a.entry.kind === "step" ? `${a.entry.by}:${a.entry.step.type}` : `${a.entry.by}:${a.entry.kind}`,
  );

describe("the session driver", () => {
  it("at the start bots act at once; the turn's clock runs and seats without a connected player get a takeover timer", () => {
    const s = game(true);
    const p = request(s, { kind: "start", at: 2_000, by: fac.id }, 2_000, facts([fac.id, ann.id]));
    if (!p.ok) throw new Error(p.error.message);
    const after = last(p.value, s);
    expect(after.ready.sort()).toEqual(["east", "west"]);
    expect(kinds(p.value).filter((k) => k.endsWith(":ready"))).toEqual(["bot:east:ready", "bot:west:ready"]);
    expect(p.value.timers).toEqual([
      { kind: "deadline", at: 62_000 },
      { kind: "takeover", at: 32_000, seat: "south" },
    ]);
  });

  it("the request that makes the last seat ready resolves the turn; a refused entry changes nothing", () => {
    let s = settleAll(game());
    const refused = request(
      s,
      { kind: "ready", at: 3_000, by: ann.id, seat: "south", ready: true },
      3_000,
      facts([ann.id]),
    );
    expect(!refused.ok && refused.error.code).toBe("NOT_A_PLAYER");
    s = apply(
      request(
        s,
        { kind: "ready", at: 3_000, by: ann.id, seat: "north", ready: true },
        3_000,
        facts([ann.id, bob.id]),
      ),
      s,
    );
    const p = request(
      s,
      { kind: "ready", at: 4_000, by: bob.id, seat: "south", ready: true },
      4_000,
      facts([ann.id, bob.id]),
    );
    if (!p.ok) throw new Error(p.error.message);
    expect(kinds(p.value)).toContain("system:resolve");
    expect(last(p.value, s).game.turn).toBe(2);
    expect(p.value.timers).toEqual([{ kind: "deadline", at: 64_000 }]);
  });

  it("at the deadline the turn resolves with every seat's last accepted orders, ready or not; a stale deadline does nothing", () => {
    const orders = [{ type: "espionage", target: "south" }];
    const step = { type: "orders" as const, turn: 1, seat: "north", orders };
    const s = apply(
      request(
        settleAll(game()),
        { kind: "step", at: 3_000, by: ann.id, step },
        3_000,
        facts([ann.id, bob.id]),
      ),
      settleAll(game()),
    );
    expect(s.ready).not.toContain("north");
    const p = fire(s, { kind: "deadline", at: 62_000 }, 62_000, facts([ann.id, bob.id]));
    // Nothing replaces Ann's saved orders before the turn resolves: they stand although she never said Ready.
    expect(kinds(p)[0]).toBe("system:resolve");
    expect(kinds(p)).not.toContain("system:orders");
    const after = last(p, s);
    expect(after.game.turn).toBe(2);
    expect(
      after.game.incidents.some((i) => i.turn === 1 && i.author === "north" && i.target === "south"),
    ).toBe(true);
    expect(fire(s, { kind: "deadline", at: 61_000 }, 62_000, facts([ann.id, bob.id])).steps).toEqual([]);
  });

  it("says how long players were away in words a class reads, from seconds to days", () => {
    expect([30, 300, 3600, 86_400, 108_000, 194_400, 604_800].map(awayWords)).toEqual([
      "30 s",
      "5 min",
      "60 min",
      "24 h",
      "30 h",
      "2 days 6 h",
      "7 days",
    ]);
  });

  it("a takeover gives a seat whose players stayed away to a bot, with a notice; a returning player gets it back", () => {
    const s = settleAll(game());
    const p = fire(s, { kind: "takeover", at: 32_000, seat: "south" }, 32_000, facts([ann.id]));
    expect(kinds(p).slice(0, 2)).toEqual(["system:bot", "system:chat"]);
    const taken = last(p, s);
    expect(taken.seats.find((c) => c.seat === "south")).toMatchObject({ bot: true, reason: "absent" });
    expect(taken.chat.at(-1)?.text).toMatch(/away for 30 s/);
    expect(taken.ready).toContain("south");
    const back = arrive(taken, bob.id, [], 40_000, facts([ann.id, bob.id]));
    if (!back.ok) throw new Error(back.error.message);
    expect(last(back.value, taken).seats.find((c) => c.seat === "south")).toMatchObject({
      bot: false,
      reason: null,
    });
    expect(
      fire(s, { kind: "takeover", at: 32_000, seat: "south" }, 32_000, facts([ann.id, bob.id])).steps,
    ).toEqual([]);
  });

  it("an armed takeover or idle timer keeps its time while it is still wanted", () => {
    const s = settleAll(game());
    const armed = [{ kind: "takeover" as const, at: 20_000, seat: "south" }];
    expect(settle(s, 10_000, facts([ann.id], { armed })).timers).toEqual([
      { kind: "deadline", at: 62_000 },
      ...armed,
    ]);
    expect(settle(s, 10_000, facts([ann.id, bob.id], { armed })).timers).toEqual([
      { kind: "deadline", at: 62_000 },
    ]);
  });

  it(
    "with nobody here a clockless game sleeps when its idle timer fires; a running clock keeps it " +
      "awake; a restore starts no takeover",
    () => {
      const lobby = game(true);
      const started = begin(lobby, 5_000, facts([]), false);
      expect(started.timers).toEqual([{ kind: "idle", at: 605_000 }]);
      expect(fire(lobby, { kind: "idle", at: 605_000 }, 605_000, facts([])).leave).toBe("sleep");
      expect(fire(lobby, { kind: "idle", at: 605_000 }, 605_000, facts([ann.id])).leave).toBeNull();
      const running = settleAll(game());
      expect(fire(running, { kind: "idle", at: 605_000 }, 605_000, facts([])).timers).toContainEqual({
        kind: "idle",
        at: 1_205_000,
      });
      expect(begin(running, 5_000, facts([]), true).timers.map((t) => t.kind)).toEqual(["deadline", "idle"]);
    },
  );

  it("a solo game starts when its player arrives", () => {
    const options = {
      scenario: scenario.id,
      seed: "s-2",
      name: "Solo",
      turnSeconds: 0,
      botLevel: "normal" as const,
      solo: { seat: "north" },
      takeoverSeconds: 0,
      cbms: [],
    };
    const s = replayJournal(
      [{ kind: "create", at: 1_000, by: ann.id, code: "ACDEFG", facilitator: null, options }],
      scenario,
    );
    if (!s.ok) throw new Error(s.error.message);
    const p = arrive(
      s.value,
      ann.id,
      [{ kind: "join", at: 1_100, by: ann.id, member: ann }],
      1_100,
      facts([ann.id]),
    );
    if (!p.ok) throw new Error(p.error.message);
    expect(kinds(p.value).slice(0, 2)).toEqual(["mA:join", "system:start"]);
    expect(last(p.value, s.value).phase).toBe("planning");
  });

  it("an ended game closes 30 minutes after its end, or when the last person leaves", () => {
    const s = settleAll(game());
    const ended = apply(
      request(
        s,
        { kind: "step", at: 5_000, by: fac.id, step: { type: "end", turn: 1 } },
        5_000,
        facts([fac.id]),
      ),
      s,
    );
    expect(settle(ended, 6_000, facts([fac.id])).timers).toEqual([
      { kind: "close", at: 6_000 + ENDED_ROOM_SECONDS * 1000 },
    ]);
    expect(depart(ended, 7_000, facts([fac.id])).leave).toBeNull();
    expect(depart(ended, 7_000, facts([])).leave).toBe("close");
  });
});

/** The session after settling (bots acted), with everyone connected. */
function settleAll(s: SessionState): SessionState {
  return last(settle(s, 2_500, facts([ann.id, bob.id])), s);
}

function apply(p: ReturnType<typeof request>, s: SessionState): SessionState {
  if (!p.ok) throw new Error(p.error.message);
  return last(p.value, s);
}
