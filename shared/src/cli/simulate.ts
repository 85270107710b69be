/** npm run simulate -- --scenario <id|path> --games <N> --seed <S> [--bots p1,p2,...] [--cbms hotline,...] [--no-cbms] [--json] [--records <dir>] */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { CBM_KINDS, type CbmKind } from "../model/cbms.ts";
import { PERSONAS, type Persona } from "../bots/persona-names.ts";
import { runBatch, type BatchResult } from "../sim/batch.ts";
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
  "usage: npm run simulate -- --scenario <id|path> --games <N> --seed <S> [--bots p1,p2,...] [--cbms hotline,...] [--no-cbms] [--json] [--records <dir>]";

const fail: Fail = failWith(USAGE);

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

/** The human-readable report. */
export function formatReport(r: BatchResult): string {
  const lines: string[] = [];
  lines.push(
    `Scenario ${r.scenario}, ${r.games} games, seed ${r.seed}, bots ${r.bots}${r.cbms.length ? `, CBMs in force: ${r.cbms.join(",")}` : ""}${r.noCbms ? ", no CBM proposals" : ""}`,
  );
  lines.push("Outcomes (share, 95% CI):");
  for (const [k, v] of Object.entries(r.outcomes))
    lines.push(`  ${k.padEnd(14)} ${pct(v.share).padStart(6)}  [${pct(v.ci95[0])}, ${pct(v.ci95[1])}]`);
  lines.push(`Mean turns: ${r.meanTurns.toFixed(2)}`);
  lines.push(
    `Median turns from detection to moderate-confidence attribution: ${r.attributionLagMedian ?? "not reached"} (${r.attributionSamples} incidents, Kaplan-Meier)`,
  );
  lines.push("Detection rate by defence level (no hunt or CERT bonus):");
  for (const [lvl, d] of Object.entries(r.detectionRateByDefense))
    lines.push(
      `  defence ${lvl}: ${d.n ? pct(d.rate) : "   -  "} [${pct(d.ci95[0])}, ${pct(d.ci95[1])}] n=${d.n}, expected ${pct(d.expected)}`,
    );
  lines.push("Mean score by persona (95% CI):");
  for (const [p, m] of Object.entries(r.meanScoreByPersona))
    lines.push(
      `  ${p.padEnd(12)} ${m.mean.toFixed(2).padStart(7)}  [${m.ci95[0].toFixed(2)}, ${m.ci95[1].toFixed(2)}] n=${m.n}`,
    );
  return lines.join("\n");
}

function main(): void {
  const args = parseOrFail(fail, {
    ...BATCH_OPTIONS,
    bots: { type: "string" },
    cbms: { type: "string" },
    records: { type: "string" },
  });
  const games = wholeNumber(fail, "games", args.games, 100, 1, 1_000_000);
  const seed = args.seed ?? "1";
  const bots = (
    args.bots
      ? args.bots
          .split(",")
          .map((b) => b.trim())
          .filter(Boolean)
      : []
  ) as Persona[];
  for (const b of bots)
    if (!(PERSONAS as readonly string[]).includes(b))
      fail(`unknown bot persona "${b}"; known: ${PERSONAS.join(", ")}`);
  const cbms = (
    args.cbms
      ? args.cbms
          .split(",")
          .map((c) => c.trim())
          .filter(Boolean)
      : []
  ) as CbmKind[];
  for (const c of cbms)
    if (!(CBM_KINDS as readonly string[]).includes(c))
      fail(`unknown CBM "${c}"; known: ${CBM_KINDS.join(", ")}`);
  const scenario = scenarioOrExit(args.scenario);
  const recordsDir = args.records;
  if (recordsDir) mkdirSync(recordsDir, { recursive: true });
  const shown = progress(games);
  const result = runBatch(
    { scenario, games, seed, bots, cbms, noCbms: args["no-cbms"] ?? false },
    recordsDir
      ? (i, record) =>
          writeFileSync(join(recordsDir, `game-${String(i).padStart(5, "0")}.json`), JSON.stringify(record))
      : undefined,
    shown.tick,
  );
  shown.end(games);
  process.stdout.write(args.json ? `${JSON.stringify(result, null, 2)}\n` : `${formatReport(result)}\n`);
}

main();
