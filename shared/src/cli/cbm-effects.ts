/**
 * npm run cbm-effects -- [--scenarios a,b] [--games N] [--seed S] [--json]: each CBM alone vs none, with 95%
 * intervals.
 */
import { CBM_KINDS } from "../model/cbms.ts";
import {
  compare,
  measureBatch,
  summariseControl,
  type CbmEffect,
  type Difference,
  type GameMeasures,
} from "../sim/effects.ts";
import { parseArgs } from "node:util";
import { failWith, scenarioOrExit, wholeNumber, type Fail } from "./common.ts";

const USAGE = "usage: npm run cbm-effects -- [--scenarios a,b,...] [--games N] [--seed S] [--json]";
const fail: Fail = failWith(USAGE);
const DEFAULT_SCENARIOS = [
  "baltic-fog",
  "collateral",
  "dark-winter",
  "open-secrets",
  "halden-measures",
  "tutorial",
];

function pts(d: Difference): string {
  const f = (x: number): string => `${x >= 0 ? "+" : "−"}${Math.abs(x * 100).toFixed(1)}`;
  return `${f(d.diff)} [${f(d.ci95[0])}, ${f(d.ci95[1])}]`;
}

function num(d: Difference): string {
  const f = (x: number): string => `${x >= 0 ? "+" : "−"}${Math.abs(x).toFixed(2)}`;
  return `${f(d.diff)} [${f(d.ci95[0])}, ${f(d.ci95[1])}]`;
}

function main(): void {
  let args: { scenarios?: string; games?: string; seed?: string; json?: boolean };
  try {
    args = parseArgs({
      options: {
        scenarios: { type: "string" },
        games: { type: "string" },
        seed: { type: "string" },
        json: { type: "boolean" },
      },
      strict: true,
    }).values;
  } catch (e) {
    fail((e as Error).message);
  }
  const games = wholeNumber(fail, "games", args.games, 1000, 10, 100_000);
  const seed = args.seed ?? "1";
  const ids = args.scenarios ? args.scenarios.split(",") : DEFAULT_SCENARIOS;
  const report: Array<{
    scenario: string;
    control: ReturnType<typeof summariseControl>;
    effects: CbmEffect[];
  }> = [];
  // Every scenario's games, arm by arm, for the pooled table.
  const pooledControl: GameMeasures[] = [];
  const pooledTreated = CBM_KINDS.map((): GameMeasures[] => []);
  for (const id of ids) {
    const scenario = scenarioOrExit(id);
    const control = measureBatch(scenario, games, seed, []);
    pooledControl.push(...control);
    const effects = CBM_KINDS.map((k, i) => {
      const treated = measureBatch(scenario, games, seed, [k]);
      pooledTreated[i]?.push(...treated);
      return compare(k, treated, control);
    });
    report.push({ scenario: id, control: summariseControl(control), effects });
    if (!args.json) {
      const c = summariseControl(control);
      console.log(
        `\n${id}: ${games} games per arm, seed ${seed}. Control: war ${(c.war * 100).toFixed(1)}%, ` +
          `wars begun by a choice ${(c.chosenWarShare * 100).toFixed(1)}%, median turns ${c.medianTurns}, ` +
          `stable peace before turn 6 ${(c.peaceBefore6 * 100).toFixed(1)}%`,
      );
      console.log(
        "| CBM | war (pts) | misattributions / game | blame on innocent states | wrong accusations / " +
          "game | retaliation on innocent states / game | destructive ops / game | norm-breaking ops / game " +
          "| misread & fear tension / game |",
      );
      console.log("|---|---|---|---|---|---|---|---|---|");
      for (const e of effects)
        console.log(
          `| ${e.cbm} | ${pts(e.war)} | ${num(e.misattributions)} | ${num(e.innocentBlame)} | ` +
            `${num(e.wrongAccusations)} | ${num(e.innocentRetaliations)} | ${num(e.destructiveOps)} | ` +
            `${num(e.normBreakingOps)} | ${num(e.misreadTension)} |`,
        );
    }
  }
  if (!args.json && report.length > 1) {
    // Pooled over the scenarios: every scenario's games added up, arm by arm (the same number of games in
    // each).
    console.log(`\nPooled over ${report.length} scenarios (${report.length * games} games per arm)`);
    console.log("| CBM | war (pts) | retaliation on innocent states / game |");
    console.log("|---|---|---|");
    for (const [i, k] of CBM_KINDS.entries()) {
      const e = compare(k, pooledTreated[i] ?? [], pooledControl);
      console.log(`| ${k} | ${pts(e.war)} | ${num(e.innocentRetaliations)} |`);
    }
  }
  if (args.json) console.log(JSON.stringify(report, null, 2));
}

main();
