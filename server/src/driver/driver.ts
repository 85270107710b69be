/**
 * The session driver: what happens next in a game, as data. Given the session, the time and the room's facts,
 * it returns the journal entries to commit (each with the session after it) and the timers to arm: after a
 * request, bots act and a turn resolves when every seat is ready; at a deadline the turn resolves with every
 * seat's last orders; an empty seat's takeover gives it to a bot; a returning player gets the seat back; an
 * idle game sleeps; an ended one closes. Pure: the room only carries its plans out (journal, clock, workers,
 * views).
 */
import type { BotTurn, SeatId } from "@firebreak/shared";
import { type BotJob, botMovesUntil, botTurnEntries } from "../bots/moves.ts";
import type { Applied, JournalEntry } from "../session/journal.ts";
import { memberById } from "../session/membership.ts";
import { ok, type Result } from "../session/result.ts";
import { allReady, Fold } from "../session/session.ts";
import { takeoverDelay } from "../session/settings.ts";
import type { SessionState } from "../session/types.ts";
import { sameTimer, seatConnected, timersFor, type Facts, type Timer } from "./timers.ts";

/** What the room does next. */
export interface Plan {
  /**
   * Entries to journal, in order, each with the session after it: the room adopts them as they are
   * journalled.
   */
  steps: Applied[];
  /** A bot seat's decision that goes to a worker thread now (null: none); the seats after it wait for it. */
  think: BotJob | null;
  /** Exactly the timers to keep armed afterwards. */
  timers: Timer[];
  /**
   * Whether the room leaves memory: "sleep" (idle; it can be woken), "close" (ended, nobody left), or null.
   */
  leave: "sleep" | "close" | null;
}

/**
 * Most rounds of bots acting and turns resolving in one go (a game of bots alone plays to its end well within
 * it).
 */
const ROUNDS = 50;

/**
 * Settles the session folded so far: bots act, and each turn resolves when every seat is ready (not while
 * paused).
 */
function settled(f: Fold, now: number, facts: Facts): Plan {
  let think: BotJob | null = null;
  for (let round = 0; round < ROUNDS; round++) {
    const bots = botMovesUntil(f.session, now, facts.offThread);
    f.keep(...bots.applied);
    think = bots.waiting;
    const s = f.session;
    if (think !== null || s.phase !== "planning" || s.pausedRemaining !== null || !allReady(s)) break;
    if (
      !f.apply({ kind: "step", at: now, by: "system", step: { type: "resolve", turn: s.game.turn } }) ||
      f.session.phase === "ended"
    )
      break;
  }
  return { steps: f.applied, think, timers: timersFor(f.session, now, facts), leave: null };
}

/**
 * After anything that may have changed the session or who is connected: bots act, turns resolve, the timers
 * follow.
 */
export function settle(s: SessionState, now: number, facts: Facts): Plan {
  return settled(new Fold(s), now, facts);
}

/**
 * An entry a member's request asks for, then everything it sets off; or the reducer's refusal (nothing
 * changes).
 */
export function request(s: SessionState, entry: JournalEntry, now: number, facts: Facts): Result<Plan> {
  const f = new Fold(s);
  const r = f.must(entry);
  if (!r.ok) return r;
  // New takeover settings start every seat's countdown again, with the new delay.
  const kept =
    entry.kind === "settings" ? { ...facts, armed: facts.armed.filter((t) => t.kind !== "takeover") } : facts;
  return ok(settled(f, now, kept));
}

/**
 * A member's connection arrived (a join, a rejoin, a reconnection), after `entries` (a newcomer's join and
 * knock): its seat comes back from a bot that holds it because its players were away, a solo game still in
 * the lobby starts, and everything settles. Refused (nothing changes) if one of `entries` is.
 */
export function arrive(
  s: SessionState,
  member: string,
  entries: readonly JournalEntry[],
  now: number,
  facts: Facts,
): Result<Plan> {
  const f = new Fold(s);
  for (const e of entries) {
    const r = f.must(e);
    if (!r.ok) return r;
  }
  const seat = memberById(f.session, member)?.seat ?? null;
  const held = f.session.seats.find((c) => c.seat === seat);
  if (held?.bot && held.reason === "absent")
    f.apply({ kind: "bot", at: now, by: "system", seat: held.seat, bot: false, persona: null, reason: null });
  if (f.session.options.solo && f.session.phase === "lobby")
    f.apply({ kind: "start", at: now, by: "system" });
  return ok(settled(f, now, facts));
}

/**
 * A connection left or dropped: timers follow (a takeover, the idle countdown); an ended game that nobody is
 * in any more closes.
 */
export function depart(s: SessionState, now: number, facts: Facts): Plan {
  const plan = settle(s, now, facts);
  return s.phase === "ended" && !facts.present ? { ...plan, leave: "close" } : plan;
}

/**
 * A bot's decision came back from its worker (and is still wanted): its entries, then everything they set
 * off.
 */
export function thought(s: SessionState, seat: SeatId, turn: BotTurn, now: number, facts: Facts): Plan {
  const f = new Fold(s);
  f.keep(...botTurnEntries(s, seat, turn, now));
  return settled(f, now, facts);
}

/**
 * A room's first plan, at its creation or restore: a restored game in which bots had not all acted lets them
 * act now (a replay never reruns a bot); otherwise only its clock runs and, with nobody here, its idle
 * countdown. Seats' takeover timers start at the first join or resolution (docs/protocol.md §10.3).
 */
export function begin(s: SessionState, now: number, facts: Facts, restored: boolean): Plan {
  if (restored && s.phase === "planning" && s.seats.some((c) => c.bot && !s.ready.includes(c.seat)))
    return settle(s, now, facts);
  return {
    steps: [],
    think: null,
    timers: timersFor(s, now, facts).filter((t) => t.kind !== "takeover"),
    leave: null,
  };
}

/** A timer fired: what it sets off. */
export function fire(s: SessionState, timer: Timer, now: number, facts: Facts): Plan {
  const rest: Facts = { ...facts, armed: facts.armed.filter((t) => !sameTimer(t, timer)) };
  switch (timer.kind) {
    case "deadline":
      return deadline(s, timer, now, rest);
    case "takeover":
      return takeover(s, timer.seat ?? "", now, rest);
    case "idle":
      return idle(s, now, rest);
    case "close":
      return { steps: [], think: null, timers: [], leave: "close" };
  }
}

/** Nothing happens; the other timers stay as they are. */
function nothing(facts: Facts): Plan {
  return { steps: [], think: null, timers: [...facts.armed], leave: null };
}

/**
 * At the deadline the turn resolves: every seat's last accepted orders stand, ready or not (ready only means
 * "don't wait for me").
 */
function deadline(s: SessionState, timer: Timer, now: number, facts: Facts): Plan {
  if (s.phase !== "planning" || s.pausedRemaining !== null || s.deadline !== timer.at) return nothing(facts);
  const f = new Fold(s);
  f.apply({ kind: "step", at: now, by: "system", step: { type: "resolve", turn: s.game.turn } });
  return settled(f, now, facts);
}

/** A delay in words a class reads: "30 s", "5 min", "30 h", "2 days 6 h". */
export function awayWords(seconds: number): string {
  if (seconds < 120) return `${seconds} s`;
  if (seconds < 2 * 3600) return `${Math.round(seconds / 60)} min`;
  if (seconds < 2 * 86400) return `${Math.round(seconds / 3600)} h`;
  const days = Math.floor(seconds / 86400);
  const hours = Math.round((seconds - days * 86400) / 3600);
  return `${days} day${days === 1 ? "" : "s"}${hours > 0 ? ` ${hours} h` : ""}`;
}

/**
 * A seat whose players have all been away for the game's takeoverSeconds goes to a bot (reason "absent"),
 * with a public notice.
 */
function takeover(s: SessionState, seat: SeatId, now: number, facts: Facts): Plan {
  const held = s.seats.find((c) => c.seat === seat);
  const off = takeoverDelay(s) === null;
  if (!held || held.bot || off || s.phase !== "planning" || seatConnected(s, seat, facts.connected))
    return { ...nothing(facts), timers: timersFor(s, now, facts) };
  const f = new Fold(s);
  if (!f.apply({ kind: "bot", at: now, by: "system", seat, bot: true, persona: null, reason: "absent" }))
    return settled(f, now, facts);
  const text =
    `${s.game.nations[seat]?.name ?? seat}'s players have been away for ` +
    `${awayWords(s.settings.takeoverSeconds)}: a bot plays for them until they return.`;
  f.apply({ kind: "chat", at: now, by: "system", channel: { kind: "public" }, text });
  return settled(f, now, facts);
}

/**
 * With nobody here and no running clock, the game sleeps; a running clock keeps it awake for another
 * countdown.
 */
function idle(s: SessionState, now: number, facts: Facts): Plan {
  if (facts.present || s.phase === "ended") return nothing(facts);
  if (s.phase === "planning" && s.deadline !== null)
    return {
      ...nothing(facts),
      timers: [...facts.armed, { kind: "idle", at: now + facts.idleSeconds * 1000 }],
    };
  return { ...nothing(facts), leave: "sleep" };
}
