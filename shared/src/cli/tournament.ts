/**
 * npm run tournament -- --scenario <id|path> --games <N> --seed <S> [--format roundrobin|duplicate] [--bots
 * hawk:hard,dove:easy,...] [--field ...] [--iterations <n>] [--workers <n>] [--checkpoint <file>] [--no-cbms]
 * [--json]
 */
import { Worker } from "node:worker_threads";
import { BOT_LEVELS, BOT_PERSONAS, parseBotSpec, type BotSpec } from "../bots/doctrines.ts";
import { HARD_BUDGET } from "../bots/search.ts";
import type { BotOptions } from "../bots/bot.ts";
import { playTournamentGame } from "../sim/tournament.ts";
import {
  TOURNAMENT_FORMATS,
  tournamentGames,
  type TournamentFormat,
  type TournamentSpec,
} from "../sim/tournament-games.ts";
import { tournamentResult, type GameScore, type TournamentResult } from "../sim/tournament-table.ts";
import { formatTournament } from "../sim/tournament-text.ts";
import { openCheckpoint, tournamentKey, type Checkpoint } from "./checkpoint.ts";
import type { PlayedGame, TournamentWork } from "./tournament-worker.ts";
import {
  BATCH_OPTIONS,
  failWith,
  parseOrFail,
  progress,
  scenarioOrExit,
  wholeNumber,
  type Fail,
} from "./common.ts";

const USAGE =
  "usage: npm run tournament -- --scenario <id|path> --games <N> --seed <S> [--format " +
  "roundrobin|duplicate] [--bots persona:level,...] [--field persona:level,...] [--iterations <n>] " +
  "[--workers <n>] [--checkpoint <file>] [--no-cbms] [--json]";

const fail: Fail = failWith(USAGE);

/** Where finished games' scores go: into the table, and into the checkpoint file when there is one. */
function scoreKeeper(
  count: number,
  checkpoint: Checkpoint | null,
  tick: (done: number) => void,
): { scores: GameScore[]; played: (index: number, score: GameScore) => void; count: () => number } {
  const scores = new Array<GameScore>(count);
  let done = 0;
  for (const [i, score] of checkpoint?.done ?? []) {
    scores[i] = score;
    done++;
  }
  return {
    scores,
    played(index, score) {
      scores[index] = score;
      checkpoint?.record(index, score);
      tick(++done);
    },
    count: () => done,
  };
}

/** Plays the games not yet in the checkpoint on this thread, in order. */
function playHere(
  spec: TournamentSpec,
  botOptions: BotOptions,
  checkpoint: Checkpoint | null,
  tick: (done: number) => void,
): TournamentResult {
  const games = tournamentGames(spec);
  const keep = scoreKeeper(games.length, checkpoint, tick);
  games.forEach((g, i) => {
    if (!checkpoint?.done.has(i)) keep.played(i, playTournamentGame(spec, g, botOptions));
  });
  return tournamentResult(spec, games, keep.scores);
}

/**
 * Plays the games not yet in the checkpoint on `n` worker threads (game i on worker i mod n) and reads the
 * table from their scores in game order: the same result as one thread.
 */
async function playInWorkers(
  spec: TournamentSpec,
  botOptions: BotOptions,
  n: number,
  checkpoint: Checkpoint | null,
  tick: (done: number) => void,
): Promise<TournamentResult> {
  const games = tournamentGames(spec);
  const keep = scoreKeeper(games.length, checkpoint, tick);
  const skip = [...(checkpoint?.done.keys() ?? [])];
  await Promise.all(
    Array.from({ length: Math.min(n, games.length) }, (_, worker) => {
      const work: TournamentWork = { spec, botOptions, worker, workers: n, skip };
      const w = new Worker(new URL("./tournament-worker.ts", import.meta.url), { workerData: work });
      w.on("message", (m: PlayedGame) => keep.played(m.index, m.score));
      return new Promise<void>((resolve, reject) => {
        w.once("error", reject);
        w.once("exit", (code) =>
          code === 0 ? resolve() : reject(new Error(`tournament worker ${worker} stopped with code ${code}`)),
        );
      });
    }),
  );
  if (keep.count() !== games.length)
    throw new Error(`the workers played ${keep.count()} of ${games.length} games`);
  return tournamentResult(spec, games, keep.scores);
}

async function main(): Promise<void> {
  const args = parseOrFail(fail, {
    ...BATCH_OPTIONS,
    format: { type: "string", default: "roundrobin" },
    bots: { type: "string" },
    field: { type: "string" },
    iterations: { type: "string" },
    workers: { type: "string" },
    checkpoint: { type: "string" },
  });
  const games = wholeNumber(fail, "games", args.games, 180, 1, 1_000_000);
  const seed = args.seed ?? "1";
  const format = args.format ?? "roundrobin";
  if (!(TOURNAMENT_FORMATS as readonly string[]).includes(format))
    fail(`--format must be one of ${TOURNAMENT_FORMATS.join(", ")}`);
  const parseList = (list: string | undefined): BotSpec[] => {
    const out: BotSpec[] = [];
    for (const text of list ? list.split(",").filter((b) => b.trim()) : []) {
      const spec = parseBotSpec(text);
      if (!spec)
        fail(
          `unknown bot "${text}"; use persona or persona:level with persona in ` +
            `${BOT_PERSONAS.join(", ")} and level in ${BOT_LEVELS.join(", ")}`,
        );
      out.push(spec);
    }
    return out;
  };
  const bots = parseList(args.bots);
  const field = parseList(args.field);
  if (field.length > 0 && format !== "duplicate") fail("--field applies to --format duplicate only");
  const iterations = wholeNumber(fail, "iterations", args.iterations, HARD_BUDGET.iterations, 1, 100_000);
  const workers = wholeNumber(fail, "workers", args.workers, 1, 1, 256);
  const scenario = scenarioOrExit(args.scenario);
  const shown = progress(null);
  const spec: TournamentSpec = {
    scenario,
    games,
    seed,
    format: format as TournamentFormat,
    bots,
    field,
    options: { noCbms: args["no-cbms"] ?? false },
  };
  const botOptions: BotOptions = { budget: { ...HARD_BUDGET, iterations } };
  let checkpoint: Checkpoint | null = null;
  if (args.checkpoint !== undefined) {
    if (args.checkpoint === "") fail("--checkpoint needs a file name");
    try {
      checkpoint = openCheckpoint(
        args.checkpoint,
        tournamentKey(spec, botOptions),
        tournamentGames(spec).length,
      );
    } catch (e) {
      process.stderr.write(`${(e as Error).message}\n`);
      process.exit(1);
    }
    if (checkpoint.done.size > 0)
      process.stderr.write(`${checkpoint.done.size} games from ${args.checkpoint}\n`);
  }
  const result =
    workers > 1
      ? await playInWorkers(spec, botOptions, workers, checkpoint, shown.tick)
      : playHere(spec, botOptions, checkpoint, shown.tick);
  checkpoint?.close();
  shown.end(result.games);
  process.stdout.write(args.json ? `${JSON.stringify(result, null, 2)}\n` : `${formatTournament(result)}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`tournament failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
