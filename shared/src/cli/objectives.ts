/**
 * npm run objectives -- --scenario <id|path> [--games N] [--seed S] [--bots p1,...|cast] [--bot-level l]
 * [--cbms a,...] [--no-cbms] [--strict] [--json]
 */
import { scenarioCast } from "../sim/game-row.ts";
import { formatObjectiveReport, objectiveReport } from "../sim/objective-report.ts";
import {
  BATCH_OPTIONS,
  botLevelOrFail,
  cbmsOrFail,
  commaList,
  failWith,
  parseOrFail,
  personasOrFail,
  progress,
  scenarioOrExit,
  wholeNumber,
  type Fail,
} from "./common.ts";

const USAGE =
  "usage: npm run objectives -- --scenario <id|path> [--games <N>] [--seed <S>] [--bots " +
  "p1,p2,...|cast] [--bot-level easy|normal|hard] [--cbms hotline,...] [--no-cbms] [--strict] [--json]";

const fail: Fail = failWith(USAGE);

function main(): number {
  const args = parseOrFail(fail, {
    ...BATCH_OPTIONS,
    bots: { type: "string" },
    cbms: { type: "string" },
    "bot-level": { type: "string" },
    strict: { type: "boolean", default: false },
  });
  const games = wholeNumber(fail, "games", args.games, 200, 1, 1_000_000);
  const seed = args.seed ?? "1";
  const cast = args.bots === "cast";
  // The scenario's cast plays as a class game's bots do: at a level (normal unless given).
  const level = botLevelOrFail(fail, args["bot-level"] ?? (cast ? "normal" : undefined));
  const bots = cast ? [] : personasOrFail(fail, commaList(args.bots), level !== undefined);
  const cbms = cbmsOrFail(fail, commaList(args.cbms));
  const scenario = scenarioOrExit(args.scenario);
  const shown = progress(games);
  const report = objectiveReport(
    scenario,
    {
      cbms,
      noCbms: args["no-cbms"] ?? false,
      botLevel: level ?? null,
      params: {},
    },
    cast ? scenarioCast(scenario, seed) : bots,
    games,
    seed,
    shown.tick,
  );
  shown.end(games);
  process.stdout.write(
    args.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatObjectiveReport(report)}\n`,
  );
  return args.strict && report.flagged > 0 ? 1 : 0;
}

process.exitCode = main();
