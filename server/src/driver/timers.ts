/**
 * The timers a game's room keeps on its clock, as data: the turn's deadline, each empty seat's takeover, the
 * idle game's sleep and the ended game's close. Which ones a session wants follows from the session and the
 * room's facts.
 */
import type { BotSpec, SeatId } from "@firebreak/shared";
import { facilitatorSeat } from "../session/forking.ts";
import { takeoverDelay } from "../session/settings.ts";
import type { SessionState } from "../session/types.ts";

/** How long a finished game's room stays open for its debrief while people are still connected. */
export const ENDED_ROOM_SECONDS = 30 * 60;

/** A timer: when it fires, and for a takeover the seat. */
export interface Timer {
  kind: "deadline" | "takeover" | "idle" | "close";
  /** When it fires (ms since the epoch). */
  at: number;
  seat?: SeatId;
}

/**
 * What the room knows about itself and the session does not: its connections, its clock, its settings, its
 * bots' threads.
 */
export interface Facts {
  /** Members with at least one live connection. */
  connected: ReadonlySet<string>;
  /** Whether anyone is here: a live connection, or a dropped one that may still reconnect. */
  present: boolean;
  /** The timers armed now: a takeover, idle or close timer still wanted keeps its time. */
  armed: readonly Timer[];
  /** Seconds a game with nobody here and no running clock stays in memory (0: it never sleeps). */
  idleSeconds: number;
  /** Whether a bot's decision is made in a worker thread rather than now. */
  offThread(spec: BotSpec): boolean;
}

/** True when both name the same timer (the same kind, and for a takeover the same seat). */
export function sameTimer(a: Timer, b: Timer): boolean {
  return a.kind === b.kind && a.seat === b.seat;
}

/** Whether a player of `seat` has a live connection. */
export function seatConnected(s: SessionState, seat: SeatId, connected: ReadonlySet<string>): boolean {
  if (s.members.some((m) => m.role === "player" && m.seat === seat && connected.has(m.id))) return true;
  // In a fork, a seat its facilitator plays is held while a facilitator is here.
  return facilitatorSeat(s, seat) && s.members.some((m) => m.role === "facilitator" && connected.has(m.id));
}

/**
 * The timers a session wants now: the deadline while a turn's clock runs; a takeover for every seat humans
 * hold with none of its players connected (during planning, while the settings have bots take seats over);
 * the idle countdown while nobody is here before the end; the close after the end. One already armed keeps
 * its time.
 */
export function timersFor(s: SessionState, now: number, facts: Facts): Timer[] {
  const kept = (t: Timer): Timer => facts.armed.find((a) => sameTimer(a, t)) ?? t;
  const out: Timer[] = [];
  if (s.phase === "planning" && s.deadline !== null) out.push({ kind: "deadline", at: s.deadline });
  const secs = takeoverDelay(s);
  if (s.phase === "planning" && secs !== null) {
    for (const c of s.seats)
      if (!c.bot && !seatConnected(s, c.seat, facts.connected))
        out.push(kept({ kind: "takeover", at: now + secs * 1000, seat: c.seat }));
  }
  if (facts.idleSeconds > 0 && !facts.present && s.phase !== "ended")
    out.push(kept({ kind: "idle", at: now + facts.idleSeconds * 1000 }));
  if (s.phase === "ended") out.push(kept({ kind: "close", at: now + ENDED_ROOM_SECONDS * 1000 }));
  return out;
}
