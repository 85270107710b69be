/** npm run tournament -- --scenario <id|path> --games <N> --seed <S> [--format roundrobin|duplicate] [--bots hawk:hard,dove:easy,...] [--field ...] [--iterations <n>] [--workers <n>] [--no-cbms] [--json] */
import { Worker } from "node:worker_threads";
import { BOT_LEVELS, BOT_PERSONAS, parseBotSpec, type BotSpec } from "../bots/doctrines.ts";
import { HARD_BUDGET } from "../bots/search.ts";
import type { BotOptions } from "../bots/bot.ts";
import { TOURNAMENT_FORMATS, formatTournament, runTournament, tournamentGames, tournamentResult, type GameScore, type TournamentFormat, type TournamentResult, type TournamentSpec } from "../sim/tournament.ts";
import type { PlayedGame, TournamentWork } from "./tournament-worker.ts";
import { BATCH_OPTIONS, failWith, parseOrFail, progress, scenarioOrExit, wholeNumber, type Fail } from "./common.ts";

const USAGE =
  "usage: npm run tournament -- --scenario <id|path> --games <N> --seed <S> [--format roundrobin|duplicate] [--bots persona:level,...] [--field persona:level,...] [--iterations <n>] [--workers <n>] [--no-cbms] [--json]";

const fail: Fail = failWith(USAGE);

/** Plays the games on `n` worker threads (game i on worker i mod n) and reads the table from their scores in game order: the same result as one thread. */
async function playInWorkers(spec: TournamentSpec, botOptions: BotOptions, n: number, tick: (done: number) => void): Promise<TournamentResult> {
  const games = tournamentGames(spec);
  const scores: GameScore[] = new Array<GameScore>(games.length);
  let done = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, games.length) }, (_, worker) => {
      const work: TournamentWork = { spec, botOptions, worker, workers: n };
      const w = new Worker(new URL("./tournament-worker.ts", import.meta.url), { workerData: work });
      w.on("message", (m: PlayedGame) => {
        scores[m.index] = m.score;
        tick(++done);
      });
      return new Promise<void>((resolve, reject) => {
        w.once("error", reject);
        w.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`tournament worker ${worker} stopped with code ${code}`))));
      });
    }),
  );
  if (done !== games.length) throw new Error(`the workers played ${done} of ${games.length} games`);
  return tournamentResult(spec, games, scores);
}

async function main(): Promise<void> {
  const args = parseOrFail(fail, {
    ...BATCH_OPTIONS,
    format: { type: "string", default: "roundrobin" },
    bots: { type: "string" },
    field: { type: "string" },
    iterations: { type: "string" },
    workers: { type: "string" },
  });
  const games = wholeNumber(fail, "games", args.games, 180, 1, 1_000_000);
  const seed = args.seed ?? "1";
  const format = args.format ?? "roundrobin";
  if (!(TOURNAMENT_FORMATS as readonly string[]).includes(format)) fail(`--format must be one of ${TOURNAMENT_FORMATS.join(", ")}`);
  const parseList = (list: string | undefined): BotSpec[] => {
    const out: BotSpec[] = [];
    for (const text of list ? list.split(",").filter((b) => b.trim()) : []) {
      const spec = parseBotSpec(text);
      if (!spec) fail(`unknown bot "${text}"; use persona or persona:level with persona in ${BOT_PERSONAS.join(", ")} and level in ${BOT_LEVELS.join(", ")}`);
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
  const spec: TournamentSpec = { scenario, games, seed, format: format as TournamentFormat, bots, field, options: { noCbms: args["no-cbms"] ?? false } };
  const botOptions: BotOptions = { budget: { ...HARD_BUDGET, iterations } };
  const result = workers > 1 ? await playInWorkers(spec, botOptions, workers, shown.tick) : runTournament(spec, botOptions, shown.tick);
  shown.end(result.games);
  process.stdout.write(args.json ? `${JSON.stringify(result, null, 2)}\n` : `${formatTournament(result)}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`tournament failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
