/**
 * What an exercise does at one of its tables when the table's room runs in this process: its dashboard row,
 * a request as the table's facilitator (the member holding the exercise's key), a student looked up, a moved
 * student sent on. remote.ts calls these here, or has the process running the table call them there.
 */
import { matchMaker, type Client } from "@colyseus/core";
import { requestSchemas, type DashboardTable, type RequestType } from "@firebreak/shared";
import { liveSession } from "../games/registry.ts";
import type { CrisisRoom } from "../rooms/crisis-room.ts";
import { memberIdOf } from "../rooms/connections.ts";
import { services } from "../services.ts";
import { ok, refuse, type Result } from "../session/result.ts";
import { sameSecret } from "../session/tokens.ts";
import type { Member } from "../session/types.ts";
import { tableStatus } from "./dashboard.ts";
import type { Exercise } from "./model.ts";

/** A table's room in this process and its facilitator (the exercise's key), or why not. */
function tableRoom(ex: Exercise, gameId: string): Result<{ room: CrisisRoom; fac: Member }> {
  const room = matchMaker.getLocalRoomById(gameId) as CrisisRoom | undefined;
  if (!room?.session) return refuse("NO_SUCH_GAME", "That table's game is over and closed.");
  const fac = room.session.members.find((m) => m.role === "facilitator" && sameSecret(m.token, ex.key));
  if (!fac) return refuse("NOT_FACILITATOR", "This exercise no longer facilitates that table.");
  return ok({ room, fac });
}

/** True when the table's room runs in this process. */
export function runsHere(gameId: string): boolean {
  return liveSession(gameId) !== null;
}

/** The dashboard rows of the tables (0-based indices) that run here; null for one that does not. */
export function rowsHere(ex: Exercise, indices: readonly number[]): Array<DashboardTable | null> {
  const now = services().now();
  return indices.map((i) => {
    const t = ex.tables[i];
    const s = t ? liveSession(t.game) : null;
    return s ? tableStatus(ex, i, s, null, now) : null;
  });
}

/** Carries out one facilitator request at a table running here, as the exercise's facilitator there. */
export function answerHere(
  ex: Exercise,
  gameId: string,
  type: RequestType,
  payload: unknown,
): Result<unknown> {
  const at = tableRoom(ex, gameId);
  if (!at.ok) return at;
  if (!Object.hasOwn(requestSchemas, type)) return refuse("INVALID_REQUEST", "Unknown request.");
  const parsed = requestSchemas[type].safeParse(payload);
  if (!parsed.success) return refuse("INVALID_REQUEST", parsed.error.issues[0]?.message ?? "bad payload");
  return at.value.room.answer(at.value.fac, type, parsed.data as never);
}

/** A student of a table running here: its seat (null when unseated), or why not (no such student). */
export function studentHere(ex: Exercise, gameId: string, memberId: string): Result<{ seat: string | null }> {
  const at = tableRoom(ex, gameId);
  if (!at.ok) return at;
  const m = at.value.room.session.members.find((x) => x.id === memberId);
  if (!m || m.role === "facilitator") return refuse("UNKNOWN_MEMBER", "Unknown member.");
  return ok({ seat: m.seat });
}

/** The first seat of a table running here ("" if none). */
export function firstSeatHere(ex: Exercise, gameId: string): Result<string> {
  const at = tableRoom(ex, gameId);
  return at.ok ? ok(at.value.room.session.seats[0]?.seat ?? "") : at;
}

/**
 * Sends a moving student's connections at a table running here the `moved` message, then removes the student
 * from that table.
 */
export function moveOutHere(ex: Exercise, gameId: string, memberId: string, moved: unknown): Result<unknown> {
  const at = tableRoom(ex, gameId);
  if (!at.ok) return at;
  for (const c of at.value.room.clients as Iterable<Client>)
    if (memberIdOf(c) === memberId) c.send("moved", moved);
  return at.value.room.answer(at.value.fac, "fac:remove", { member: memberId });
}
