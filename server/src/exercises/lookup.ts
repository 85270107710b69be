/**
 * The code lookup of an exercise's code: the table to join, balanced over its tables in every process (their
 * dashboard rows), with the students just sent to each seat counted until they arrive.
 */
import { scenarioSummary, type CodeLookup, type DashboardTable, type SessionPhase } from "@firebreak/shared";
import { services } from "../services.ts";
import { Handouts, pickTable, type TableLoad } from "./balance.ts";
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

/**
 * What `GET /api/games/:code` answers for an exercise's code: the table with most empty seats (then fewest
 * players), wherever it runs, its own join code to join with, and the seat with fewest players there; null
 * when `code` is no exercise's. A table asleep is woken first. `none` when every table has ended.
 */
export async function exerciseLookup(code: string): Promise<CodeLookup | "none" | null> {
  const ex = exerciseByCode(code);
  if (!ex) return null;
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
