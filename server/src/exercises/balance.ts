/**
 * Where the next student of an exercise goes: the table with most empty seats, and there the seat with fewest
 * players.
 */

/**
 * One table as the balancing sees it: players per seat (those seated, plus those just sent there and not yet
 * seated).
 */
export interface TableLoad {
  id: string;
  /** Whether a newcomer may be sent there (not ended). */
  open: boolean;
  seats: Array<{ seat: string; players: number }>;
}

/**
 * The table and seat for the next student, or null when no table is open. Ties go to the earlier table and
 * seat.
 */
export function pickTable(tables: readonly TableLoad[]): { table: string; seat: string } | null {
  let best: { t: TableLoad; empty: number; players: number } | null = null;
  for (const t of tables) {
    if (!t.open || t.seats.length === 0) continue;
    const empty = t.seats.filter((s) => s.players === 0).length;
    const players = t.seats.reduce((a, s) => a + s.players, 0);
    if (!best || empty > best.empty || (empty === best.empty && players < best.players))
      best = { t, empty, players };
  }
  if (!best) return null;
  let seat = best.t.seats[0] as { seat: string; players: number };
  for (const s of best.t.seats) if (s.players < seat.players) seat = s;
  return { table: best.t.id, seat: seat.seat };
}

/**
 * Students sent to a table's seat by a code lookup and not yet seated there: each counts for `holdMs` after
 * it was sent.
 */
export class Handouts {
  private readonly sent: Array<{ table: string; seat: string; at: number }> = [];
  private readonly holdMs: number;

  constructor(holdMs = 15_000) {
    this.holdMs = holdMs;
  }

  /** Notes a student sent to `table`'s `seat` at `at`. */
  add(table: string, seat: string, at: number): void {
    this.sent.push({ table, seat, at });
  }

  /** Students sent to `table`'s `seat` within the hold before `now`. */
  pending(table: string, seat: string, now: number): number {
    while (this.sent.length > 0 && (this.sent[0] as { at: number }).at < now - this.holdMs) this.sent.shift();
    return this.sent.filter((h) => h.table === table && h.seat === seat).length;
  }
}
