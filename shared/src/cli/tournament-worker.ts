/**
 * A worker thread of `npm run tournament -- --workers N`: plays games worker, worker + N, … of the tournament
 * (but those to skip) and posts each score.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { BotOptions } from "../bots/bot.ts";
import { playTournamentGame } from "../sim/tournament.ts";
import { tournamentGames, type TournamentSpec } from "../sim/tournament-games.ts";
import type { GameScore } from "../sim/tournament-table.ts";

/** What the CLI hands each worker. */
export interface TournamentWork {
  spec: TournamentSpec;
  botOptions: BotOptions;
  worker: number;
  workers: number;
  /** Games already played (from a checkpoint): not played again. */
  skip: number[];
}

/** One played game, by its index in tournamentGames(spec). */
export interface PlayedGame {
  index: number;
  score: GameScore;
}

if (parentPort) {
  const port = parentPort;
  const { spec, botOptions, worker, workers, skip } = workerData as TournamentWork;
  const games = tournamentGames(spec);
  const done = new Set(skip);
  for (let i = worker; i < games.length; i += workers)
    if (!done.has(i))
      port.postMessage({
        index: i,
        score: playTournamentGame(spec, games[i] as (typeof games)[number], botOptions),
      } satisfies PlayedGame);
}
