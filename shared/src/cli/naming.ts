/**
 * npx node shared/src/cli/naming.ts --scenario <id|path> --games <N> --seed <S> [--bots a,b,...] [--no-cbms]
 * [--json]
 *
 * Being named deters: plays the batch as `npm run simulate` does (rotating personas unless `--bots`,
 * proposals allowed unless `--no-cbms`) and, for every hawk seat publicly and correctly named at moderate
 * confidence or better, compares its attacks a turn (operations other than espionage) up to the turn it was
 * first named with those after: the paired change with its Student's t 95% interval, in all and split by
 * who named it first (its victim or a third state).
 */
import { PERSONAS, type Persona } from "../bots/persona-names.ts";
import { attacksAroundNaming } from "../sim/effects.ts";
import { playBatchGame } from "../sim/batch.ts";
import { tMean } from "../sim/stats.ts";
import { BATCH_OPTIONS, commaList, failWith, parseOrFail, scenarioOrExit, wholeNumber } from "./common.ts";

const USAGE =
  "usage: npx node shared/src/cli/naming.ts --scenario <id|path> --games <N> --seed <S> [--bots a,b,...] " +
  "[--no-cbms] [--json]";
const fail = failWith(USAGE);

const args = parseOrFail(fail, { ...BATCH_OPTIONS, bots: { type: "string" } });
const scenario = scenarioOrExit(args.scenario);
const games = wholeNumber(fail, "games", args.games, 100, 1, 100_000);
const seed = args.seed ?? "1";
const bots = commaList(args.bots).map(
  (name): Persona =>
    PERSONAS.find((p) => p === name) ?? fail(`unknown persona ${name}: use ${PERSONAS.join(", ")}`),
);
if (bots.length > 0 && !bots.includes("hawk")) fail("--bots needs a hawk at the table");
const spec = { scenario, games, seed, bots, cbms: [], noCbms: args["no-cbms"] };
const seats: Array<{ before: number; after: number; byVictim: boolean }> = [];
for (let g = 0; g < games; g++) {
  const played = playBatchGame(spec, g);
  seats.push(...attacksAroundNaming(played.state, played.personas, "hawk"));
}

/** Mean attacks a turn before and after, and the paired change with its interval, over some named seats. */
function summary(rows: typeof seats) {
  return {
    seats: rows.length,
    before: tMean(rows.map((r) => r.before)).mean,
    after: tMean(rows.map((r) => r.after)).mean,
    change: tMean(rows.map((r) => r.after - r.before)),
  };
}
const out = {
  scenario: scenario.id,
  seed,
  games,
  all: summary(seats),
  byVictim: summary(seats.filter((r) => r.byVictim)),
  byThirdState: summary(seats.filter((r) => !r.byVictim)),
};
const line = (label: string, s: ReturnType<typeof summary>): string =>
  s.seats === 0
    ? `${label}: no named hawk seat\n`
    : `${label}: ${s.seats} named hawk seats, attacks a turn ${s.before.toFixed(2)} → ${s.after.toFixed(2)}, ` +
      `change ${s.change.mean.toFixed(2)} [${s.change.ci95[0].toFixed(2)}, ${s.change.ci95[1].toFixed(2)}]\n`;
if (args.json) process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
else
  process.stdout.write(
    `Scenario ${scenario.id}, ${games} games, seed ${seed}\n` +
      line("all", out.all) +
      line("first named by the victim", out.byVictim) +
      line("first named by a third state", out.byThirdState),
  );
