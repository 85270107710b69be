/**
 * Plays a simulate run's games (every cell × N) on this thread or on worker threads, with the same result
 * either way.
 */
import { Worker } from "node:worker_threads";
import type { Scenario } from "../scenario/schema.ts";
import type { BotPersona } from "../bots/persona-names.ts";
import { playTreated, type TreatedGame } from "../sim/game-row.ts";
import type { Treatment } from "../sim/grid.ts";

/** What each worker is handed: every cell's (treated) scenario and treatment, and which jobs are its own. */
export interface SimulateWork {
  cells: Array<{ scenario: Scenario; treatment: Treatment }>;
  bots: BotPersona[];
  seed: string;
  games: number;
  worker: number;
  workers: number;
}

/** One played game: job = cell × games + g. */
export interface SimulatedGame {
  job: number;
  game: TreatedGame;
}

/**
 * Every cell's games in order (`[cell][g]`): on `workers` threads when more than one (job j on worker j mod
 * n), else here.
 */
export async function playAll(
  cells: SimulateWork["cells"],
  bots: BotPersona[],
  seed: string,
  games: number,
  workers: number,
  tick: (done: number) => void,
): Promise<TreatedGame[][]> {
  const out = cells.map(() => new Array<TreatedGame>(games));
  let done = 0;
  const keep = (job: number, game: TreatedGame): void => {
    (out[Math.floor(job / games)] as TreatedGame[])[job % games] = game;
    tick(++done);
  };
  const jobs = cells.length * games;
  if (workers <= 1) {
    for (let job = 0; job < jobs; job++) {
      const cell = cells[Math.floor(job / games)] as SimulateWork["cells"][number];
      keep(job, playTreated(cell.scenario, cell.treatment, bots, seed, job % games));
    }
    return out;
  }
  await Promise.all(
    Array.from({ length: Math.min(workers, jobs) }, (_, worker) => {
      const work: SimulateWork = { cells, bots, seed, games, worker, workers };
      const w = new Worker(new URL("./simulate-worker.ts", import.meta.url), { workerData: work });
      w.on("message", (m: SimulatedGame) => keep(m.job, m.game));
      return new Promise<void>((resolve, reject) => {
        w.once("error", reject);
        w.once("exit", (code) =>
          code === 0 ? resolve() : reject(new Error(`simulate worker ${worker} stopped with code ${code}`)),
        );
      });
    }),
  );
  if (done !== jobs) throw new Error(`the workers played ${done} of ${jobs} games`);
  return out;
}
