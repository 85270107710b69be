/**
 * npx node shared/src/cli/mixed-table.ts --scenario <id|path> --games <N> --seed <S> --bots a,b,c,d --pair a,b
 * [--permute] [--no-cbms] [--json]
 *
 * A mixed table: game g gives seat i the persona (i + g) mod k of `--bots` (every persona sits in every seat
 * equally often), or with `--permute` the personas in permutation g mod k! (every seating), and reports the
 * paired difference of two personas' scores in the same game (the first of `--pair` minus the second), the
 * mean over games with its Student's t 95% interval.
 */
import { type Persona, PERSONAS } from "../bots/persona-names.ts";
import { mixedTableGame } from "../sim/mixed-table.ts";
import { tMean } from "../sim/stats.ts";
import { BATCH_OPTIONS, commaList, failWith, parseOrFail, scenarioOrExit, wholeNumber } from "./common.ts";

const USAGE =
  "usage: npx node shared/src/cli/mixed-table.ts --scenario <id|path> --games <N> --seed <S> --bots a,b,... " +
  "--pair a,b [--permute] [--no-cbms] [--json]";
const fail = failWith(USAGE);

/** A persona name from the command line, or a failure. */
function persona(name: string): Persona {
  const found = PERSONAS.find((p) => p === name);
  return found ?? fail(`unknown persona ${name}: use ${PERSONAS.join(", ")}`);
}

const args = parseOrFail(fail, {
  ...BATCH_OPTIONS,
  bots: { type: "string" },
  pair: { type: "string" },
  permute: { type: "boolean", default: false },
});
const scenario = scenarioOrExit(args.scenario);
const games = wholeNumber(fail, "games", args.games, 100, 1, 100_000);
const seed = args.seed ?? "1";
const bots = commaList(args.bots).map(persona);
const pair = commaList(args.pair).map(persona);
if (bots.length < 2) fail("--bots needs at least two personas");
const [a, b] = pair;
if (pair.length !== 2 || !a || !b || !bots.includes(a) || !bots.includes(b))
  fail("--pair needs two personas from --bots");
const table = { scenario, seed, bots, permute: args.permute, noCbms: args["no-cbms"] };
const diffs: number[] = [];
const wars: number[] = [];
for (let g = 0; g < games; g++) {
  const game = mixedTableGame(table, g, a as Persona, b as Persona);
  diffs.push(game.diff);
  wars.push(game.war ? 1 : 0);
}
const d = tMean(diffs);
const w = tMean(wars);
const out = {
  scenario: scenario.id,
  seed,
  games,
  bots,
  pair,
  noCbms: args["no-cbms"],
  diff: d,
  armedConflict: w,
};
if (args.json) process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
else
  process.stdout.write(
    `${a} − ${b} in the same game: ${d.mean.toFixed(2)} [${d.ci95[0].toFixed(2)}, ${d.ci95[1].toFixed(2)}] ` +
      `n=${d.n}; armed conflict ${(100 * w.mean).toFixed(1)}%\n`,
  );
