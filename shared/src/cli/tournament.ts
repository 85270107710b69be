/** npm run tournament -- --scenario <id|path> --games <N> --seed <S> [--format roundrobin|duplicate] [--bots hawk:hard,dove:easy,...] [--field ...] [--iterations <n>] [--no-cbms] [--json] */
import { BOT_LEVELS, BOT_PERSONAS, parseBotSpec, type BotSpec } from "../bots/doctrines.ts";
import { HARD_BUDGET } from "../bots/search.ts";
import { TOURNAMENT_FORMATS, formatTournament, runTournament, type TournamentFormat } from "../sim/tournament.ts";
import { BATCH_OPTIONS, failWith, parseOrFail, progress, scenarioOrExit, wholeNumber, type Fail } from "./common.ts";

const USAGE =
  "usage: npm run tournament -- --scenario <id|path> --games <N> --seed <S> [--format roundrobin|duplicate] [--bots persona:level,...] [--field persona:level,...] [--iterations <n>] [--no-cbms] [--json]";

const fail: Fail = failWith(USAGE);

function main(): void {
  const args = parseOrFail(fail, {
    ...BATCH_OPTIONS,
    format: { type: "string", default: "roundrobin" },
    bots: { type: "string" },
    field: { type: "string" },
    iterations: { type: "string" },
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
  const scenario = scenarioOrExit(args.scenario);
  const shown = progress(null);
  const result = runTournament(
    { scenario, games, seed, format: format as TournamentFormat, bots, field, options: { noCbms: args["no-cbms"] ?? false } },
    { budget: { ...HARD_BUDGET, iterations } },
    shown.tick,
  );
  shown.end(result.games);
  process.stdout.write(args.json ? `${JSON.stringify(result, null, 2)}\n` : `${formatTournament(result)}\n`);
}

main();
