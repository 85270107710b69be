/**
 * The code lookup of an exercise's code: the table to join, balanced over its tables in every process (their
 * dashboard rows), with the students just sent to each seat counted until they arrive. In a cluster the
 * process running the exercise's room answers every lookup of its code (asked over Colyseus IPC), so students
 * looking it up through different processes at the same instant are still counted one after another and not
 * sent to one seat.
 */
import { matchMaker } from "@colyseus/core";
import { scenarioSummary, type CodeLookup, type DashboardTable, type SessionPhase } from "@firebreak/shared";
import { sharingCodes } from "../cluster/directory.ts";
import { answerCalls, callProcess } from "../cluster/process-calls.ts";
import { services } from "../services.ts";
import { Handouts, pickTable, type TableLoad } from "./balance.ts";
import type { Exercise } from "./model.ts";
import { exerciseByCode, wakeTable } from "./registry.ts";
import { tableRows } from "./remote.ts";

/** Students sent to a table's seat by a lookup, not yet arrived. */
const handouts = new Handouts();

/**
 * The load of each table for the balancing, from its dashboard row: players per seat (seated or knocking),
 * plus students just sent there.
 */
function loads(rows: DashboardTable[], now: number): TableLoad[] {
  return rows.map((r) => {
    if (r.phase === "ended" || r.phase === "asleep" || r.code === "")
      return { id: r.id, open: false, seats: [] };
    return {
      id: r.id,
      open: true,
      seats: r.seats.map((c) => ({
        seat: c.seat,
        players:
          c.players.length +
          r.knocks.filter((k) => k.seat === c.seat).length +
          handouts.pending(r.id, c.seat, now),
      })),
    };
  });
}

/** How long the process running an exercise may take to answer a lookup before this one answers itself. */
const LOOKUP_MS = 3_000;

/** In a cluster process: answers other processes' lookups of the exercises whose room runs here. */
export async function serveLookups(): Promise<void> {
  await answerCalls("exercise-lookup", (op, [code]) => {
    const ex = op === "lookup" && typeof code === "string" ? exerciseByCode(code) : undefined;
    if (!ex) throw new Error(`unknown exercise lookup ${op}`);
    return lookupHere(ex);
  });
}

/** The other process running the exercise's room, in a cluster; null when it runs here or nowhere. */
async function roomProcess(ex: Exercise): Promise<string | null> {
  if (!sharingCodes()) return null;
  const [room] = await matchMaker.query({ name: "exercise", roomId: ex.id });
  return room?.processId && room.processId !== matchMaker.processId ? room.processId : null;
}

/**
 * What `GET /api/games/:code` answers for an exercise's code: the table with most empty seats (then fewest
 * players), wherever it runs, its own join code to join with, and the seat with fewest players there; null
 * when `code` is no exercise's. A table asleep is woken first. `none` when every table has ended. In a cluster
 * the process running the exercise's room answers; when it cannot, this one does.
 */
export async function exerciseLookup(code: string): Promise<CodeLookup | "none" | null> {
  const ex = exerciseByCode(code);
  if (!ex) return null;
  const owner = await roomProcess(ex).catch(() => null);
  if (owner !== null) {
    const answer = await callProcess<CodeLookup | "none">(
      "exercise-lookup",
      owner,
      "lookup",
      [code],
      LOOKUP_MS,
    ).catch(() => null);
    if (answer !== null) return answer;
  }
  return lookupHere(ex);
}

/** The lookup answered by this process: the table and seat, with the handout counted here. */
async function lookupHere(ex: Exercise): Promise<CodeLookup | "none"> {
  for (const t of ex.tables) await wakeTable(t.game);
  const now = services().now();
  const rows = await tableRows(ex);
  const pick = pickTable(loads(rows, now));
  const row = pick ? rows.find((r) => r.id === pick.table) : undefined;
  if (!pick || !row) return "none";
  handouts.add(pick.table, pick.seat, now);
  const scenario = services().scenario(ex.scenario);
  return {
    roomId: pick.table,
    code: row.code,
    name: row.name,
    phase: row.phase as SessionPhase,
    scenario: scenario ? scenarioSummary(scenario) : null,
    seat: pick.seat,
    exercise: { name: ex.name, table: row.index },
  };
}
