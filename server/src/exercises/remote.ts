/**
 * An exercise's tables wherever they run. In one process every table is here; in a cluster a table is a
 * crisis room that any process may run (made beside its exercise's room, or adopted by any process after its
 * process died), so each process answers, on its own Colyseus IPC channel (the presence's pub/sub, as
 * Colyseus's remote room calls use), the exercise's calls for the tables it runs: dashboard rows, facilitator
 * requests, moves. The caller finds a table's process in the rooms the driver lists.
 */
import { matchMaker } from "@colyseus/core";
import type { DashboardTable, RequestType } from "@firebreak/shared";
import { sharingCodes } from "../cluster/directory.ts";
import { answerCalls, callProcess } from "../cluster/process-calls.ts";
import { services } from "../services.ts";
import { refuse, type Result } from "../session/result.ts";
import { tableStatus } from "./dashboard.ts";
import { answerHere, firstSeatHere, moveOutHere, rowsHere, runsHere, studentHere } from "./local-table.ts";
import type { Exercise } from "./model.ts";
import { tableState, wakeTable } from "./registry.ts";

/** How long a call to another process may take before the table counts as unreachable. */
const CALL_MS = 3_000;

/** The calls another process may make here, each on the tables this process runs. */
const HERE: Record<string, (ex: Exercise, args: unknown[]) => unknown> = {
  rows: (ex, [indices]) => rowsHere(ex, (indices as unknown[]).map(Number)),
  answer: (ex, [game, type, payload]) => answerHere(ex, String(game), String(type) as RequestType, payload),
  student: (ex, [game, member]) => studentHere(ex, String(game), String(member)),
  firstSeat: (ex, [game]) => firstSeatHere(ex, String(game)),
  moveOut: (ex, [game, member, moved]) => moveOutHere(ex, String(game), String(member), moved),
};

/** In a cluster process: answers other processes' calls on the tables it runs (once per server start). */
export async function serveTableCalls(): Promise<void> {
  await answerCalls("exercise-tables", (op, [ex, ...rest]) => {
    const run = Object.hasOwn(HERE, op) ? HERE[op] : undefined;
    if (!run || !ex) throw new Error(`unknown exercise table call ${op}`);
    return run(ex as Exercise, rest);
  });
}

/** The process running each of these tables, by game id, as the driver lists them (cluster only). */
async function processesOf(games: readonly string[]): Promise<Map<string, string>> {
  const wanted = new Set(games);
  const out = new Map<string, string>();
  if (!sharingCodes() || wanted.size === 0) return out;
  for (const r of await matchMaker.query({ name: "crisis" }))
    if (r.roomId && wanted.has(r.roomId) && r.processId && r.processId !== matchMaker.processId)
      out.set(r.roomId, r.processId);
  return out;
}

async function call<T>(processId: string, op: string, ex: Exercise, ...args: unknown[]): Promise<T> {
  return callProcess<T>("exercise-tables", processId, op, [ex, ...args], CALL_MS);
}

/**
 * Runs a call at the table: here when it runs here, else in the process running it; a refusal when none does
 * or that process does not answer.
 */
async function atTable<T>(
  ex: Exercise,
  game: string,
  op: string,
  here: () => Result<T>,
  ...args: unknown[]
): Promise<Result<T>> {
  await wakeTable(game);
  if (runsHere(game) || !sharingCodes()) return here();
  const where = (await processesOf([game])).get(game);
  if (!where) return refuse("NO_SUCH_GAME", "That table's game is over and closed.");
  try {
    return await call<Result<T>>(where, op, ex, game, ...args);
  } catch (e) {
    return refuse("STORE_FAILED", `The process running that table did not answer: ${(e as Error).message}`);
  }
}

/** Carries out a facilitator request at a table, wherever it runs. */
export function answerAt(
  ex: Exercise,
  game: string,
  type: RequestType,
  payload: unknown,
): Promise<Result<unknown>> {
  return atTable(ex, game, "answer", () => answerHere(ex, game, type, payload), type, payload);
}

/** A student of a table, wherever it runs: its seat, or why not. */
export function studentAt(
  ex: Exercise,
  game: string,
  member: string,
): Promise<Result<{ seat: string | null }>> {
  return atTable(ex, game, "student", () => studentHere(ex, game, member), member);
}

/** The first seat of a table, wherever it runs. */
export function firstSeatAt(ex: Exercise, game: string): Promise<Result<string>> {
  return atTable(ex, game, "firstSeat", () => firstSeatHere(ex, game));
}

/** Sends a student on from a table, wherever it runs (`moved`, then removed). */
export function moveOutAt(
  ex: Exercise,
  game: string,
  member: string,
  moved: unknown,
): Promise<Result<unknown>> {
  return atTable(ex, game, "moveOut", () => moveOutHere(ex, game, member, moved), member, moved);
}

/**
 * The dashboard row of every table: from its session where it runs (here or, in a cluster, in the process
 * running it), else from its last kept state.
 */
export async function tableRows(ex: Exercise): Promise<DashboardTable[]> {
  const rows = rowsHere(
    ex,
    ex.tables.map((_, i) => i),
  );
  const missing = ex.tables.flatMap((t, i) => (rows[i] === null ? [t.game] : []));
  const where = await processesOf(missing).catch(() => new Map<string, string>());
  const byProcess = new Map<string, number[]>();
  ex.tables.forEach((t, i) => {
    const p = where.get(t.game);
    if (p !== undefined) byProcess.set(p, [...(byProcess.get(p) ?? []), i]);
  });
  await Promise.all(
    [...byProcess].map(async ([p, indices]) => {
      const got = await call<Array<DashboardTable | null>>(p, "rows", ex, indices).catch(() => []);
      indices.forEach((i, k) => {
        rows[i] = got[k] ?? null;
      });
    }),
  );
  const now = services().now();
  return rows.map(
    (r, i) => r ?? tableStatus(ex, i, null, tableState((ex.tables[i] as { game: string }).game), now),
  );
}
