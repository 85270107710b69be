/**
 * Whether an uploaded scenario is still played: by a game not ended (running in any process, as the rooms the
 * driver lists say, or kept in the store and running nowhere now) or by an exercise with a table not ended.
 * Such an upload cannot be deleted.
 */
import { matchMaker } from "@colyseus/core";
import { exerciseFinished } from "../exercises/prune.ts";
import { allExercises } from "../exercises/registry.ts";
import { sleepingByCode } from "../games/registry.ts";
import { services } from "../services.ts";

/** What plays an upload now: how many games and exercises not ended. */
export interface UploadUse {
  games: number;
  exercises: number;
}

/** The games and exercises not ended that play the upload `id`. */
export async function uploadUse(id: string): Promise<UploadUse> {
  const store = services().store;
  const rooms = await matchMaker.query({ name: "crisis" });
  let games = rooms.filter((r) => r.metadata?.scenario === id && r.metadata?.phase !== "ended").length;
  // Games not ended that run nowhere now: asleep here, between processes (a process died, none has adopted
  // them yet), or not restored this time (they are tried again): each one's first entry names its scenario.
  const running = new Set(rooms.map((r) => r.roomId));
  const idle = new Set([...sleepingByCode.values(), ...store.unfinished().map((g) => g.id)]);
  for (const gameId of idle) {
    if (running.has(gameId)) continue;
    const first = store.entries(gameId)[0];
    if (first?.kind === "create" && first.options.scenario === id) games++;
  }
  const exercises = allExercises().filter((ex) => ex.scenario === id && !exerciseFinished(ex, store)).length;
  return { games, exercises };
}
