/**
 * What a notifier is told (docs/protocol.md §21): a turn resolved, a game ended, a deadline nears. Decided
 * from the session before and after each journal entry (pure), and by a watch that fires a while before each
 * deadline.
 */
import type { Outcome } from "@firebreak/shared";
import type { SessionState } from "../session/types.ts";

/**
 * One notice. `at` is when it was decided (ms since the epoch); `name` is the game's name; `link`, when the
 * server knows its public address (FIREBREAK_PUBLIC_URL), the page a student opens (links.ts).
 */
export type Notice = (
  | { kind: "turnResolved"; gameId: string; name: string; turn: number; nextTurn: number; at: number }
  | {
      kind: "gameEnded";
      gameId: string;
      name: string;
      turn: number;
      outcome: Outcome["kind"] | null;
      at: number;
    }
  | {
      kind: "deadlineNear";
      gameId: string;
      name: string;
      turn: number;
      deadline: number;
      secondsLeft: number;
      at: number;
    }
) & { link?: string };

/** The notices one journal entry makes: the turn it resolved, the game's end. */
export function noticesBetween(
  gameId: string,
  before: SessionState,
  after: SessionState,
  at: number,
): Notice[] {
  const out: Notice[] = [];
  const name = after.options.name;
  if (after.game.turn > before.game.turn && before.phase === "planning")
    out.push({ kind: "turnResolved", gameId, name, turn: before.game.turn, nextTurn: after.game.turn, at });
  if (before.phase !== "ended" && after.phase === "ended")
    out.push({
      kind: "gameEnded",
      gameId,
      name,
      turn: after.game.turn,
      outcome: after.game.outcome?.kind ?? null,
      at,
    });
  return out;
}

/** Timers the watch uses (a room's clock, or the process's). */
export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

/** The longest delay Node's setTimeout keeps (about 24.8 days); a longer one would fire at once. */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/**
 * Process timers that also wait longer than setTimeout can (a deadline extended past three weeks): in steps.
 */
const processTimers: Timers = {
  set: (fn, ms) => {
    const handle: { t: NodeJS.Timeout | null } = { t: null };
    const step = (left: number): void => {
      handle.t = setTimeout(
        () => (left > MAX_TIMEOUT_MS ? step(left - MAX_TIMEOUT_MS) : fn()),
        Math.min(left, MAX_TIMEOUT_MS),
      );
      handle.t.unref?.();
    };
    step(ms);
    return handle;
  },
  clear: (h) => {
    const t = (h as { t: NodeJS.Timeout | null }).t;
    if (t) clearTimeout(t);
  },
};

/**
 * Fires `deadlineNear` `beforeMs` before each game's running deadline (once per deadline; at once when less
 * is left); a pause, an extension, a resolution or the end re-arms or clears it.
 */
export class DeadlineWatch {
  private readonly armed = new Map<string, { deadline: number; handle: unknown }>();
  private readonly send: (n: Notice) => void;
  private readonly beforeMs: number;
  private readonly timers: Timers;

  constructor(send: (n: Notice) => void, beforeMs: number, timers: Timers = processTimers) {
    this.send = send;
    this.beforeMs = beforeMs;
    this.timers = timers;
  }

  /** Looks at a game's session now: arms its watch for its running deadline, or clears it. */
  update(gameId: string, s: SessionState, now: number): void {
    const deadline = s.phase === "planning" && s.pausedRemaining === null ? s.deadline : null;
    const held = this.armed.get(gameId);
    if (held && held.deadline === deadline) return;
    this.forget(gameId);
    if (deadline === null || this.beforeMs <= 0) return;
    const fire = (): void => {
      this.armed.delete(gameId);
      const at = Date.now();
      this.send({
        kind: "deadlineNear",
        gameId,
        name: s.options.name,
        turn: s.game.turn,
        deadline,
        secondsLeft: Math.max(0, Math.round((deadline - at) / 1000)),
        at,
      });
    };
    // A deadline already closer than the warning is not announced (the turn is about to resolve anyway).
    if (deadline - now <= this.beforeMs) {
      this.armed.set(gameId, { deadline, handle: null });
      return;
    }
    this.armed.set(gameId, { deadline, handle: this.timers.set(fire, deadline - this.beforeMs - now) });
  }

  /** Stops watching a game (its room left memory). */
  forget(gameId: string): void {
    const held = this.armed.get(gameId);
    if (held?.handle) this.timers.clear(held.handle);
    this.armed.delete(gameId);
  }

  /** How many games are watched. */
  get size(): number {
    return this.armed.size;
  }
}
