/**
 * One table as the exercise's dashboard shows it, from its session (awake) or its last kept state (asleep).
 */
import type { DashboardTable, GameState } from "@firebreak/shared";
import type { SessionState } from "../session/types.ts";
import type { Exercise } from "./model.ts";

/** State names of a pair key `a|b`. */
function pairNames(g: GameState, key: string): [string, string] {
  const [a = "", b = ""] = key.split("|");
  return [g.nations[a]?.name ?? a, g.nations[b]?.name ?? b];
}

/** The tensest pair of a game now, by state names. */
export function highestTension(g: GameState): DashboardTable["highest"] {
  let best: DashboardTable["highest"] = null;
  for (const [key, t] of Object.entries(g.tension))
    if (!best || t > best.tension) best = { pair: pairNames(g, key), tension: Math.round(t * 10) / 10 };
  return best;
}

/**
 * Incidents of the last turn resolved (the turn before the one planned; the last one played once the game is
 * over).
 */
export function lastTurnIncidents(g: GameState): number {
  const turn = g.phase === "ended" ? g.turn : g.turn - 1;
  return g.incidents.filter((i) => i.turn === turn).length;
}

/**
 * The dashboard row of table `index` (0-based): `s` its session when awake, else `g` its last kept game
 * state, if any.
 */
export function tableStatus(
  ex: Exercise,
  index: number,
  s: SessionState | null,
  g: GameState | null,
  now: number,
): DashboardTable {
  const table = ex.tables[index] as Exercise["tables"][number];
  const game = s?.game ?? g;
  const treatment = table.treatment === null ? null : (ex.treatments[table.treatment]?.label ?? null);
  const base: DashboardTable = {
    id: table.game,
    index: index + 1,
    name: s?.options.name ?? `${ex.name}, table ${index + 1}`,
    code: s?.code ?? "",
    treatment,
    // Out of memory: asleep, or over and its room closed (its record's final state says so).
    phase: s ? s.phase : game?.phase === "ended" ? "ended" : "asleep",
    turn: game?.turn ?? 0,
    maxTurns: game?.maxTurns ?? 0,
    paused: s?.pausedRemaining !== null && s?.pausedRemaining !== undefined,
    secondsLeft: null,
    seats: [],
    knocks: [],
    highest: game ? highestTension(game) : null,
    brinks: game ? Object.keys(game.brinks ?? {}).map((k) => pairNames(game, k)) : [],
    incidents: game ? lastTurnIncidents(game) : 0,
    outcome: game?.outcome ?? null,
  };
  if (!s) return base;
  const left = s.pausedRemaining ?? (s.deadline === null ? null : Math.max(0, s.deadline - now));
  return {
    ...base,
    secondsLeft: s.phase === "planning" && left !== null ? Math.ceil(left / 1000) : null,
    seats: s.seats.map((c) => ({
      seat: c.seat,
      name: s.game.nations[c.seat]?.name ?? c.seat,
      players: s.members
        .filter((m) => m.role === "player" && m.seat === c.seat)
        .map((m) => ({ id: m.id, name: m.name })),
      bot: c.bot,
      ready: s.ready.includes(c.seat),
    })),
    knocks: s.members.flatMap((m) => (m.knock ? [{ id: m.id, name: m.name, seat: m.knock.seat }] : [])),
  };
}
