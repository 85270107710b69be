/**
 * The exercises this process knows (all that its store keeps), by id and by join code, and what reads their
 * tables: each table's session when its room runs, else its last kept state; and the code lookup of an
 * exercise's code, which answers with the table to join (balanced) and wakes it if it sleeps.
 */
import { scenarioSummary, type CodeLookup, type GameState } from "@firebreak/shared";
import { isAsleep, liveSession, reservedCodes } from "../games/registry.ts";
import { wake } from "../games/wake.ts";
import { services } from "../services.ts";
import type { SessionState } from "../session/types.ts";
import { Handouts, pickTable, type TableLoad } from "./balance.ts";
import type { Exercise } from "./model.ts";
import type { ExerciseStore } from "./store.ts";

const byId = new Map<string, Exercise>();
const byCode = new Map<string, string>();
const handouts = new Handouts();
let store: ExerciseStore | null = null;

/** Installs the store (at start-up) and loads every exercise it keeps. */
export function useExerciseStore(s: ExerciseStore): void {
  store = s;
  byId.clear();
  byCode.clear();
  finished.clear();
  for (const ex of s.all()) remember(ex);
}

/** Saves an exercise (made or changed) and holds it. Throws when the store fails. */
export function saveExercise(ex: Exercise): void {
  if (!store) throw new Error("STORE_FAILED: no exercise store");
  const before = byId.get(ex.id);
  store.save(ex);
  if (before && before.code !== ex.code) {
    byCode.delete(before.code);
    reservedCodes.delete(before.code);
  }
  remember(ex);
}

function remember(ex: Exercise): void {
  byId.set(ex.id, ex);
  byCode.set(ex.code, ex.id);
  reservedCodes.add(ex.code);
}

/** An exercise by id (own entries only: a Map), or undefined. */
export function exerciseById(id: string): Exercise | undefined {
  return byId.get(id);
}

/** Every exercise held. */
export function allExercises(): Exercise[] {
  return [...byId.values()];
}

/** The exercise with this join code, if any. */
export function exerciseByCode(code: string): Exercise | undefined {
  const id = byCode.get(code);
  return id === undefined ? undefined : byId.get(id);
}

/** A table's session when its room runs in this process, else null. */
export function tableSession(gameId: string): SessionState | null {
  return liveSession(gameId);
}

/**
 * Final states of tables whose game is over and whose room has closed: they never change, so they are read
 * once.
 */
const finished = new Map<string, GameState>();

/**
 * A table's game: the running session's, else the final state of its record, else its last kept state; null
 * if none.
 */
export function tableState(gameId: string): GameState | null {
  const live = liveSession(gameId);
  if (live) return live.game;
  const kept = finished.get(gameId);
  if (kept) return kept;
  const st = services().store;
  const finalState = st.record(gameId)?.finalState;
  if (finalState) {
    finished.set(gameId, finalState);
    return finalState;
  }
  return (st.lastCheckpoint(gameId)?.state as GameState | undefined) ?? null;
}

/** Wakes a table asleep (idle, out of memory); resolves when it runs or when it cannot (ended and closed). */
export async function wakeTable(gameId: string): Promise<void> {
  if (isAsleep(gameId)) await wake(gameId).catch(() => undefined);
}

/** The load of each table for the balancing: players per seat, plus students just sent there. */
function loads(ex: Exercise, now: number): TableLoad[] {
  return ex.tables.map((t) => {
    const s = liveSession(t.game);
    if (!s || s.phase === "ended") return { id: t.game, open: false, seats: [] };
    return {
      id: t.game,
      open: true,
      seats: s.seats.map((c) => ({
        seat: c.seat,
        players:
          s.members.filter((m) => m.role === "player" && (m.seat === c.seat || m.knock?.seat === c.seat))
            .length + handouts.pending(t.game, c.seat, now),
      })),
    };
  });
}

/**
 * What `GET /api/games/:code` answers for an exercise's code: the table with most empty seats (then fewest
 * players), its own join code to join with, and the seat with fewest players there; null when `code` is no
 * exercise's. A table asleep is woken first. `none` when every table has ended.
 */
export async function exerciseLookup(code: string): Promise<CodeLookup | "none" | null> {
  const ex = exerciseByCode(code);
  if (!ex) return null;
  for (const t of ex.tables) await wakeTable(t.game);
  const now = services().now();
  const pick = pickTable(loads(ex, now));
  const s = pick ? liveSession(pick.table) : null;
  if (!pick || !s) return "none";
  handouts.add(pick.table, pick.seat, now);
  const scenario = services().scenario(s.options.scenario);
  return {
    roomId: pick.table,
    code: s.code,
    name: s.options.name,
    phase: s.phase,
    scenario: scenario ? scenarioSummary(scenario) : null,
    seat: pick.seat,
    exercise: { name: ex.name, table: ex.tables.findIndex((t) => t.game === pick.table) + 1 },
  };
}
