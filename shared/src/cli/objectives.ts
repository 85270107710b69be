/** npm run objectives -- --scenario <id|path> [--games N] [--seed S] [--bots p1,...|cast] [--bot-level l] [--cbms a,...] [--no-cbms] [--strict] [--json] */
import { CBM_KINDS, type CbmKind } from "../model/cbms.ts";
import { BOT_PERSONAS, PERSONAS, type BotPersona } from "../bots/persona-names.ts";
import { BOT_LEVELS, type BotLevel } from "../bots/doctrines.ts";
import { scenarioCast } from "../sim/game-row.ts";
import { formatObjectiveReport, objectiveReport } from "../sim/objective-report.ts";
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
  "usage: npm run objectives -- --scenario <id|path> [--games <N>] [--seed <S>] [--bots p1,p2,...|cast] [--bot-level easy|normal|hard] [--cbms hotline,...] [--no-cbms] [--strict] [--json]";

const fail: Fail = failWith(USAGE);

const list = (text: string | undefined): string[] =>
  text
    ? text
        .split(",")
        .map((x) => x.trim())
        .filter(Boolean)
    : [];

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
  const level = args["bot-level"] ?? (cast ? "normal" : undefined);
  if (level !== undefined && !(BOT_LEVELS as readonly string[]).includes(level))
    fail(`unknown bot level "${level}"; known: ${BOT_LEVELS.join(", ")}`);
  const known: readonly string[] = level !== undefined ? BOT_PERSONAS : PERSONAS;
  const bots = cast ? [] : list(args.bots);
  for (const b of bots)
    if (!known.includes(b))
      fail(
        `unknown bot persona "${b}"; known: ${known.join(", ")}${level ? "" : " (opportunist and normBuilder need --bot-level)"}`,
      );
  const cbms = list(args.cbms);
  for (const c of cbms)
    if (!(CBM_KINDS as readonly string[]).includes(c))
      fail(`unknown CBM "${c}"; known: ${CBM_KINDS.join(", ")}`);
  const scenario = scenarioOrExit(args.scenario);
  const shown = progress(games);
  const report = objectiveReport(
    scenario,
    {
      cbms: cbms as CbmKind[],
      noCbms: args["no-cbms"] ?? false,
      botLevel: (level as BotLevel | undefined) ?? null,
      params: {},
    },
    cast ? scenarioCast(scenario, seed) : (bots as BotPersona[]),
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
