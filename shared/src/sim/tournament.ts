/**
 * Tournaments of bot personas and levels: every game of the list (tournament-games.ts) played by its bots,
 * and the table of their scores (tournament-table.ts): mean scores with 95% intervals and Elo ratings.
 */
import type { SeatId } from "../model/basics.ts";
import type { BotOptions } from "../bots/bot.ts";
import { playBotGame, type Decide } from "./bot-game.ts";
import { tournamentGames, type TournamentGame, type TournamentSpec } from "./tournament-games.ts";
import { tournamentResult, type GameScore, type TournamentResult } from "./tournament-table.ts";

/** Plays one tournament game; throws if the engine rejected a bot's step (a bot bug, never a result). */
export function playTournamentGame(
  spec: TournamentSpec,
  game: TournamentGame,
  botOptions: BotOptions = {},
  decide?: Decide,
): GameScore {
  const played = playBotGame(spec.scenario, game.seed, game.specs, spec.options ?? {}, botOptions, decide);
  if (played.rejected.length > 0)
    throw new Error(
      `game ${game.seed}: the engine rejected a bot step: ${played.rejected[0]?.code} ${played.rejected[0]?.message}`,
    );
  const kind = played.state.outcome?.kind;
  const scores: Record<SeatId, number> = {};
  for (const seat of Object.keys(game.specs)) scores[seat] = played.state.scores[seat]?.total ?? 0;
  return { outcome: kind === "armedConflict" || kind === "stablePeace" ? kind : "turnLimit", scores };
}

/** Runs the tournament. Deterministic for its spec; `onProgress` is told after each game. */
export function runTournament(
  spec: TournamentSpec,
  botOptions: BotOptions = {},
  onProgress?: (done: number) => void,
  decide?: Decide,
): TournamentResult {
  const games = tournamentGames(spec);
  const scores = games.map((g, i) => {
    const score = playTournamentGame(spec, g, botOptions, decide);
    onProgress?.(i + 1);
    return score;
  });
  return tournamentResult(spec, games, scores);
}
