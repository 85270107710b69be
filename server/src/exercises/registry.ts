/**
 * The exercises this process knows (all that its store keeps; in a cluster, read through the shared store so
 * an exercise made or changed by another process is seen), by id and by join code, and what reads their
 * tables: each table's session when its room runs here, else its last kept state (the code lookup of an
 * exercise's code is lookup.ts's).
 */
import type { GameState } from "@firebreak/shared";
import { isAsleep, liveSession, reservedCodes } from "../games/registry.ts";
import { wake } from "../games/wake.ts";
import { services } from "../services.ts";
import type { SessionState } from "../session/types.ts";
import type { Exercise } from "./model.ts";
import type { ExerciseStore } from "./store.ts";

const byId = new Map<string, Exercise>();
const byCode = new Map<string, string>();
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

/** Forgets an exercise: removed from the store (pruning), its code free. Throws when the store fails. */
export function forgetExercise(id: string): void {
  store?.remove(id);
  const ex = byId.get(id);
  byId.delete(id);
  if (ex && byCode.get(ex.code) === id) {
    byCode.delete(ex.code);
    reservedCodes.delete(ex.code);
  }
}

/**
 * Alone: `held()`, what this process holds. In a cluster: `read` from the shared store (another process may
 * have made or changed an exercise), or `held()` when the store cannot answer now.
 */
function current<T>(read: (s: ExerciseStore) => T, held: () => T): T {
  const s = store;
  if (!s?.shared) return held();
  try {
    return read(s);
  } catch {
    return held();
  }
}

/** Holds an exercise read from the store (its code now finds it; an old code no longer does). */
function hold(ex: Exercise | null): Exercise | undefined {
  if (!ex) return undefined;
  const before = byId.get(ex.id);
  if (before && before.code !== ex.code && byCode.get(before.code) === ex.id) byCode.delete(before.code);
  remember(ex);
  return ex;
}

/** An exercise by id (own entries only: a Map; in a cluster, the shared store's), or undefined. */
export function exerciseById(id: string): Exercise | undefined {
  return current(
    (s) => hold(s.byId(id)),
    () => byId.get(id),
  );
}

/** Every exercise held (in a cluster: every one the shared store keeps). */
export function allExercises(): Exercise[] {
  return current(
    (s) => s.all().flatMap((ex) => hold(ex) ?? []),
    () => [...byId.values()],
  );
}

/** The exercise with this join code, if any (in a cluster: as the shared store has it now). */
export function exerciseByCode(code: string): Exercise | undefined {
  const held = (): Exercise | undefined => {
    const id = byCode.get(code);
    return id === undefined ? undefined : byId.get(id);
  };
  return current((s) => hold(s.byCode(code)), held);
}

/** Takes the lease of an exercise's room; true when this process may run it (no other process does). */
export function claimExercise(id: string): boolean {
  return store?.claim(id) ?? false;
}

/** Takes the leases of exercises whose room no process runs (at most `limit`); their ids. */
export function claimFreeExercises(limit: number): string[] {
  return store?.claimFree(limit) ?? [];
}

/** Gives back the lease of an exercise's room (its room closes here). */
export function releaseExercise(id: string): void {
  try {
    store?.release(id);
  } catch {
    // The store is gone: the lease went with its connection.
  }
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

/** Last kept states of tables running in another process, read at most every few seconds. */
const kept = new Map<string, { at: number; state: GameState | null }>();
const KEPT_MS = 5_000;

/**
 * A table's game: the running session's, else the final state of its record, else its last kept state (for a
 * table in another process: as read within the last few seconds); null if none.
 */
export function tableState(gameId: string): GameState | null {
  const live = liveSession(gameId);
  if (live) return live.game;
  const over = finished.get(gameId);
  if (over) return over;
  const now = Date.now();
  const recent = kept.get(gameId);
  if (recent && now - recent.at < KEPT_MS) return recent.state;
  const st = services().store;
  const finalState = st.record(gameId)?.finalState;
  if (finalState) {
    finished.set(gameId, finalState);
    kept.delete(gameId);
    return finalState;
  }
  const state = (st.lastCheckpoint(gameId)?.state as GameState | undefined) ?? null;
  if (kept.size >= 5000) kept.clear();
  kept.set(gameId, { at: now, state });
  return state;
}

/** Wakes a table asleep (idle, out of memory); resolves when it runs or when it cannot (ended and closed). */
export async function wakeTable(gameId: string): Promise<void> {
  if (isAsleep(gameId)) await wake(gameId).catch(() => undefined);
}
