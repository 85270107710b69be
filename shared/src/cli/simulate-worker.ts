/**
 * A worker thread of `npm run simulate -- --workers N`: plays jobs worker, worker + N, … of the run and posts
 * each game.
 */
import { parentPort, workerData } from "node:worker_threads";
import { playTreated } from "../sim/game-row.ts";
import type { SimulateWork, SimulatedGame } from "./simulate-pool.ts";

if (parentPort) {
  const port = parentPort;
  const { cells, bots, seed, games, worker, workers } = workerData as SimulateWork;
  for (let job = worker; job < cells.length * games; job += workers) {
    const cell = cells[Math.floor(job / games)] as SimulateWork["cells"][number];
    const played = playTreated(cell.scenario, cell.treatment, bots, seed, job % games);
    port.postMessage({ job, game: played } satisfies SimulatedGame);
  }
}
