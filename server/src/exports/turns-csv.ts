/**
 * turns.csv: the game turn by turn, rebuilt from its record (its timeline): for every turn, each pair's
 * tension and each state's economy, stability, reputation and the action points its orders used. Turn 0 is
 * the start.
 */
import {
  allPairs,
  orderCost,
  own,
  pairMembers,
  type GameRecord,
  type GameState,
  type Order,
  type SeatId,
  type Timeline,
} from "@firebreak/shared";
import { csvDocument, type Cell } from "./csv.ts";

/** The columns of turns.csv, in order (docs/protocol.md §3.5). */
export const TURN_COLUMNS = [
  "turn",
  "kind",
  "id",
  "name",
  "tension",
  "economy",
  "stability",
  "reputation",
  "action_points",
  "action_points_used",
] as const;

/** The number of turns the record resolved. */
export function resolvedTurns(record: GameRecord): number {
  return record.steps.filter((s) => s.type === "resolve").length;
}

/**
 * The action points each seat's orders used in turn `turn` (1-based): the last orders it gave before the turn
 * resolved.
 */
export function pointsUsed(record: GameRecord, t: Timeline, turn: number): Map<SeatId, number> {
  const from = t.stepAt[turn - 1] ?? record.steps.length;
  const to = t.stepAt[turn] ?? record.steps.length;
  const last = new Map<SeatId, readonly Order[]>();
  for (const step of record.steps.slice(from, to)) {
    if (step.type === "orders") last.set(step.seat, step.orders as readonly Order[]);
    if (step.type === "resolve") break;
  }
  const used = new Map<SeatId, number>();
  for (const [seat, orders] of last)
    used.set(
      seat,
      orders.reduce((sum, o) => sum + orderCost(o), 0),
    );
  return used;
}

/** The state at the end of turn `turn` (0: the start). */
function endOf(t: Timeline, turn: number): GameState {
  return t.starts[turn] ?? t.final;
}

/** The rows of turns.csv. */
export function turnRows(record: GameRecord, t: Timeline): Cell[][] {
  const first = t.starts[0] ?? t.final;
  const seats = first.seats;
  const name = (s: GameState, seat: SeatId): string => own(s.nations, seat)?.name ?? seat;
  const rows: Cell[][] = [];
  const last = resolvedTurns(record);
  for (let turn = 0; turn <= last; turn++) {
    const s = endOf(t, turn);
    for (const pair of allPairs(seats)) {
      const [a, b] = pairMembers(pair);
      const tension = own(s.tension, pair);
      rows.push([
        turn,
        "pair",
        pair,
        `${name(s, a)}–${name(s, b)}`,
        tension ?? null,
        null,
        null,
        null,
        null,
        null,
      ]);
    }
    const used = turn === 0 ? null : pointsUsed(record, t, turn);
    const before = turn === 0 ? null : (t.starts[turn - 1] ?? null);
    for (const seat of seats) {
      const n = own(s.nations, seat);
      rows.push([
        turn,
        "state",
        seat,
        name(s, seat),
        null,
        n?.economy ?? null,
        n?.stability ?? null,
        n?.reputation ?? null,
        before ? (own(before.nations, seat)?.actionPoints ?? null) : null,
        used ? (used.get(seat) ?? 0) : null,
      ]);
    }
  }
  return rows;
}

/** turns.csv (docs/protocol.md §3.5). */
export function turnsCsv(record: GameRecord, t: Timeline): string {
  return csvDocument(TURN_COLUMNS, turnRows(record, t));
}
