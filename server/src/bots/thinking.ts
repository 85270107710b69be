/** One room's bot decisions that run in worker threads (`hard` bots), one at a time, with stale answers dropped. */
import { viewFor, type BotTurn, type SeatId } from "@firebreak/shared";
import { botSeed, botSpec, decideBotTurn, searches } from "./moves.ts";
import type { BotPool } from "./pool.ts";
import type { SessionState } from "../session/types.ts";

/** What a decision was for: the turn, the seat, and the bot holding it then. */
function decisionKey(s: SessionState, seat: SeatId): string | null {
  const spec = botSpec(s, seat);
  return spec ? `${s.game.turn}/${seat}/${spec.persona}/${spec.level}` : null;
}

/** Whether the decision `key` is still wanted: the game is planning that turn, the same bot holds the seat, and it has not acted. */
function stillWanted(s: SessionState, seat: SeatId, key: string): boolean {
  return (
    s.phase === "planning" &&
    s.game.phase === "planning" &&
    !s.ready.includes(seat) &&
    decisionKey(s, seat) === key
  );
}

/**
 * At most one decision in flight per room (seat order: each bot sees what the seats before it did). An answer commits only
 * if it is still wanted (same turn and phase, the same bot still holds the seat and has not acted); any other is dropped.
 * A decision that fails in its worker is made on the room's thread instead, so a bot never stalls a turn.
 */
export class BotThinking {
  private readonly pool: BotPool;
  private readonly apply: (seat: SeatId, t: BotTurn) => void;
  private current: { key: string; ticket: number } | null = null;
  private tickets = 0;
  private stopped = false;

  /** `apply` commits a wanted answer (and settles the room). */
  constructor(pool: BotPool, apply: (seat: SeatId, t: BotTurn) => void) {
    this.pool = pool;
    this.apply = apply;
  }

  /** Whether this bot's decisions go to a worker: searching (`hard`) bots, when the pool has workers. */
  offThread(spec: Parameters<typeof searches>[0]): boolean {
    return this.pool.size > 0 && searches(spec);
  }

  /** Sends the decision of the bot holding `seat` in `s` to a worker, unless that same decision is already in flight. `session()` gives the room's session when the answer arrives. */
  dispatch(s: SessionState, seat: SeatId, session: () => SessionState): void {
    const key = decisionKey(s, seat);
    const spec = botSpec(s, seat);
    if (this.stopped || key === null || spec === null || this.current?.key === key) return;
    const ticket = ++this.tickets;
    this.current = { key, ticket };
    const view = viewFor(s.game, { role: "player", seat });
    this.pool.decide(view, spec, botSeed(s, seat)).then(
      (t) => this.answer(ticket, key, seat, t, session),
      () => this.answer(ticket, key, seat, null, session),
    );
  }

  /** Drops every answer still to come (the room is closing). */
  stop(): void {
    this.stopped = true;
    this.current = null;
  }

  private answer(
    ticket: number,
    key: string,
    seat: SeatId,
    t: BotTurn | null,
    session: () => SessionState,
  ): void {
    if (this.stopped || this.current?.ticket !== ticket) return; // superseded by a later dispatch
    this.current = null;
    const s = session();
    if (!stillWanted(s, seat, key)) return;
    const turn = t ?? decideBotTurn(s, seat);
    if (turn) this.apply(seat, turn);
  }
}
