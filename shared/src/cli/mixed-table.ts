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
import type { SeatId } from "../model/basics.ts";
import { playGame } from "../sim/play.ts";
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
const seats = scenario.states.map((s) => s.id);
const orders = args.permute ? permutations(bots.map((_, i) => i)) : [];

/** Every ordering of `items`, in lexicographic order of positions. */
function permutations(items: readonly number[]): number[][] {
  if (items.length <= 1) return [items.slice()];
  return items.flatMap((x, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [x, ...rest]),
  );
}

/** Game g's persona for seat i: the cyclic rotation, or with `--permute` permutation g mod k! of the list. */
function personaAt(i: number, g: number): Persona {
  const order = orders[g % Math.max(1, orders.length)];
  const index = order ? (order[i % order.length] as number) : (i + g) % bots.length;
  return bots[index] as Persona;
}
const diffs: number[] = [];
const wars: number[] = [];
for (let g = 0; g < games; g++) {
  const personas: Record<SeatId, Persona> = {};
  seats.forEach((s, i) => {
    personas[s] = personaAt(i, g);
  });
  const played = playGame(scenario, `${seed}:${g}`, personas, { noCbms: args["no-cbms"] });
  const mean = (p: Persona): number => {
    const mine = seats.filter((s) => personas[s] === p).map((s) => played.state.scores[s]?.total ?? 0);
    return mine.reduce((x, y) => x + y, 0) / Math.max(1, mine.length);
  };
  diffs.push(mean(a as Persona) - mean(b as Persona));
  wars.push(played.state.outcome?.kind === "armedConflict" ? 1 : 0);
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
