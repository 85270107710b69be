/**
 * The exercise's requests carried to its tables, wherever they run (remote.ts): a broadcast sends each table
 * the facilitator request it stands for (docs/protocol.md §11.2) as the table's facilitator (the member with
 * the exercise's key), and a move takes a student from one table to a seat of another. Each table answers for
 * itself.
 */
import { rejection, type Broadcast, type RequestType, type TableResult } from "@firebreak/shared";
import { ok, refuse, type Result } from "../session/result.ts";
import type { Exercise } from "./model.ts";
import { answerAt, firstSeatAt, moveOutAt, studentAt } from "./remote.ts";

/** The facilitator request a broadcast stands for at each table, and its payload. */
function requestOf(b: Broadcast): { type: RequestType; payload: unknown } {
  switch (b.action) {
    case "extend":
      return { type: "fac:extend", payload: { seconds: b.seconds } };
    case "inject":
      return { type: "fac:inject", payload: b.inject };
    case "message":
      return { type: "chat", payload: { channel: "public", text: b.text } };
    default:
      return { type: `fac:${b.action}` as RequestType, payload: {} };
  }
}

/**
 * The tables a request names (every table when none), or why not: an id that is not one of this exercise's
 * tables.
 */
export function namedTables(ex: Exercise, ids: readonly string[] | undefined): Result<number[]> {
  if (ids === undefined) return ok(ex.tables.map((_, i) => i));
  const index = new Map(ex.tables.map((t, i) => [t.game, i] as const));
  const out: number[] = [];
  for (const id of ids) {
    const i = index.get(id);
    if (i === undefined) return refuse("UNKNOWN_TABLE", `No table "${id.slice(0, 64)}" in this exercise.`);
    if (!out.includes(i)) out.push(i);
  }
  return ok(out);
}

/** Sends a broadcast to the tables it names; each table's answer, in table order. */
export async function broadcast(ex: Exercise, b: Broadcast): Promise<Result<TableResult[]>> {
  const which = namedTables(ex, b.tables);
  if (!which.ok) return which;
  const { type, payload } = requestOf(b);
  const results: TableResult[] = [];
  for (const i of which.value) {
    const table = (ex.tables[i] as { game: string }).game;
    const r = await answerAt(ex, table, type, payload);
    results.push(
      r.ok ? { table, index: i + 1, ok: true } : { table, index: i + 1, ok: false, ...rejection(r.error) },
    );
  }
  return ok(results);
}

/** Answers a student's knock at one table (`fac:admit` there): let in to the seat it knocked on, or not. */
export async function admitAt(
  ex: Exercise,
  table: string,
  member: string,
  admit: boolean,
): Promise<Result<true>> {
  const which = namedTables(ex, [table]);
  if (!which.ok) return which;
  const r = await answerAt(ex, table, "fac:admit", { member, admit });
  return r.ok ? ok(true) : r;
}

/**
 * The message a moved student's connections get before the old table lets them go: where to join, with an
 * invite.
 */
export interface MovedMessage {
  roomId: string;
  invite: string;
  table: number;
}

/**
 * Moves a student from one table to another: a seat invite at the new table (the seat asked for, else the
 * student's own, else the first), a `"moved"` message to the student's connections with it, then the
 * student's removal from the old table. Refused: an unknown table, the same table, a member who is not a
 * student of the old table.
 */
export async function moveStudent(
  ex: Exercise,
  memberId: string,
  from: string,
  to: string,
  seat: string | null | undefined,
): Promise<Result<MovedMessage>> {
  const tables = namedTables(ex, [from, to]);
  if (!tables.ok) return tables;
  if (from === to) return refuse("INVALID_REQUEST", "The student is already at that table.");
  const student = await studentAt(ex, from, memberId);
  if (!student.ok) return student;
  let target = seat ?? student.value.seat ?? null;
  if (target === null) {
    const first = await firstSeatAt(ex, to);
    if (!first.ok) return first;
    target = first.value;
  }
  const invited = await answerAt(ex, to, "fac:invite", { seat: target });
  if (!invited.ok) return invited;
  const moved: MovedMessage = {
    roomId: to,
    invite: (invited.value as { invite: { secret: string } }).invite.secret,
    table: (tables.value[1] as number) + 1,
  };
  const removed = await moveOutAt(ex, from, memberId, moved);
  if (!removed.ok) return removed;
  return ok(moved);
}
