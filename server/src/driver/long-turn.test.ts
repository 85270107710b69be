/**
 * A turn a day: a day-long deadline, extended by days, fires on the session's own clock (injected times, no
 * waiting).
 */
import { describe, expect, it } from "vitest";
import { testScenario } from "@firebreak/shared/testing";
import {
  exerciseRequestSchemas,
  MAX_TURN_SECONDS,
  createOptionsSchema,
  requestSchemas,
} from "@firebreak/shared";
import type { JournalEntry } from "../session/journal.ts";
import { replayJournal } from "../session/session.ts";
import type { Member, SessionState } from "../session/types.ts";
import { fire, request, settle, type Plan } from "./driver.ts";
import type { Facts } from "./timers.ts";

const scenario = testScenario(4);
const fac: Member = { id: "mF", name: "Fac", role: "facilitator", seat: null, token: "tok-facilitator-000" };
const ann: Member = { id: "mA", name: "Ann", role: "player", seat: "north", token: "tok-ann-0000000000" };
const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2026, 8, 7, 9, 0);

/** A class game of one turn a day, no bot takeover, Ann on north, started at T0. */
function dailyGame(): SessionState {
  const options = {
    scenario: scenario.id,
    seed: "daily-1",
    name: "A turn a day",
    turnSeconds: 24 * 3600,
    botLevel: "normal" as const,
    solo: null,
    takeoverSeconds: 0,
    takeover: false,
    cbms: [],
  };
  const entries: JournalEntry[] = [
    { kind: "create", at: T0 - 1000, by: fac.id, code: "ACDEFG", facilitator: fac, options },
    { kind: "join", at: T0 - 500, by: ann.id, member: ann },
    { kind: "start", at: T0, by: fac.id },
  ];
  const s = replayJournal(entries, scenario);
  if (!s.ok) throw new Error(s.error.message);
  return s.value;
}

/** Nobody is connected for days on end (a long game's normal state); bots decide on the spot. */
const away: Facts = {
  connected: new Set(),
  present: false,
  armed: [],
  idleSeconds: 0,
  offThread: () => false,
};
const last = (p: Plan, s: SessionState): SessionState => p.steps.at(-1)?.after ?? s;

describe("a turn a day", () => {
  it("turns and extensions up to a week are accepted; longer ones are refused", () => {
    expect(MAX_TURN_SECONDS).toBe(7 * 24 * 3600);
    const create = (turnSeconds: number) =>
      createOptionsSchema.safeParse({ scenario: "x", name: "x", turnSeconds });
    expect(create(24 * 3600).success).toBe(true);
    expect(create(MAX_TURN_SECONDS).success).toBe(true);
    expect(create(MAX_TURN_SECONDS + 1).success).toBe(false);
    expect(requestSchemas["fac:extend"].safeParse({ seconds: 3 * 24 * 3600 }).success).toBe(true);
    expect(requestSchemas["fac:extend"].safeParse({ seconds: MAX_TURN_SECONDS + 1 }).success).toBe(false);
    expect(requestSchemas["fac:settings"].safeParse({ takeoverSeconds: 24 * 3600 }).success).toBe(true);
    const broadcast = (seconds: number) =>
      exerciseRequestSchemas["ex:broadcast"].safeParse({ action: "extend", seconds });
    expect(broadcast(2 * 24 * 3600).success).toBe(true);
    expect(broadcast(MAX_TURN_SECONDS + 1).success).toBe(false);
  });

  it("the deadline is a day after the start, moves with an extension of two days, and resolves the turn when it fires", () => {
    const s = settle(dailyGame(), T0, away);
    const started = last(s, dailyGame());
    expect(started.deadline).toBe(T0 + DAY);
    expect(s.timers).toContainEqual({ kind: "deadline", at: T0 + DAY });
    // An hour later the facilitator gives two more days.
    const ext = request(
      started,
      { kind: "extend", at: T0 + HOUR, by: fac.id, seconds: 2 * 24 * 3600 },
      T0 + HOUR,
      away,
    );
    if (!ext.ok) throw new Error(ext.error.message);
    const extended = last(ext.value, started);
    expect(extended.deadline).toBe(T0 + 3 * DAY);
    expect(ext.value.timers).toContainEqual({ kind: "deadline", at: T0 + 3 * DAY });
    // The first day's timer, had it stayed armed, changes nothing.
    expect(fire(extended, { kind: "deadline", at: T0 + DAY }, T0 + DAY, away).steps).toEqual([]);
    // Three days after the start the turn resolves, though nobody was ready; the next turn has a day again.
    const p = fire(extended, { kind: "deadline", at: T0 + 3 * DAY }, T0 + 3 * DAY, away);
    const after = last(p, extended);
    expect(after.game.turn).toBe(2);
    expect(after.phase).toBe("planning");
    expect(after.deadline).toBe(T0 + 4 * DAY);
    expect(p.timers).toContainEqual({ kind: "deadline", at: T0 + 4 * DAY });
    // No bot took Ann's seat while she was away for days: takeover is off in this game.
    expect(after.seats.find((c) => c.seat === "north")?.bot).toBe(false);
  });

  it("paused for a weekend, the day's remaining time waits, and resumes from where it stopped", () => {
    const started = last(settle(dailyGame(), T0, away), dailyGame());
    const pause = request(started, { kind: "pause", at: T0 + 20 * HOUR, by: fac.id }, T0 + 20 * HOUR, away);
    if (!pause.ok) throw new Error(pause.error.message);
    const paused = last(pause.value, started);
    expect(paused.pausedRemaining).toBe(4 * HOUR);
    const resumeAt = T0 + 3 * DAY;
    const resume = request(paused, { kind: "resume", at: resumeAt, by: fac.id }, resumeAt, away);
    if (!resume.ok) throw new Error(resume.error.message);
    expect(last(resume.value, paused).deadline).toBe(resumeAt + 4 * HOUR);
  });

  it("a new turn length (fac:settings) applies from the next turn; 0 takes the running deadline away", () => {
    expect(requestSchemas["fac:settings"].safeParse({ turnSeconds: 7 * 24 * 3600 }).success).toBe(true);
    expect(requestSchemas["fac:settings"].safeParse({ turnSeconds: MAX_TURN_SECONDS + 1 }).success).toBe(
      false,
    );
    const started = last(settle(dailyGame(), T0, away), dailyGame());
    const week = request(
      started,
      { kind: "settings", at: T0 + HOUR, by: fac.id, settings: { turnSeconds: 7 * 24 * 3600 } },
      T0 + HOUR,
      away,
    );
    if (!week.ok) throw new Error(week.error.message);
    const weekly = last(week.value, started);
    expect(weekly.deadline).toBe(T0 + DAY);
    const after = last(fire(weekly, { kind: "deadline", at: T0 + DAY }, T0 + DAY, away), weekly);
    expect(after.game.turn).toBe(2);
    expect(after.deadline).toBe(T0 + DAY + 7 * DAY);
    const none = request(
      after,
      { kind: "settings", at: T0 + 2 * DAY, by: fac.id, settings: { turnSeconds: 0 } },
      T0 + 2 * DAY,
      away,
    );
    if (!none.ok) throw new Error(none.error.message);
    expect(last(none.value, after).deadline).toBeNull();
    expect(none.value.timers.some((t) => t.kind === "deadline")).toBe(false);
    // Back to a day: the turn under way gets its deadline now.
    const none2 = last(none.value, after);
    const back = request(
      none2,
      { kind: "settings", at: T0 + 3 * DAY, by: fac.id, settings: { turnSeconds: 24 * 3600 } },
      T0 + 3 * DAY,
      away,
    );
    if (!back.ok) throw new Error(back.error.message);
    expect(last(back.value, none2).deadline).toBe(T0 + 4 * DAY);
  });
});
