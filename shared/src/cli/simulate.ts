/**
 * npm run simulate -- --scenario <id|path> --games <N> --seed <S> [--bots p1,p2,...] [--cbms hotline,...]
 * [--no-cbms] [--bot-level <level>] [--param name=value]... [--grid <factor>=<levels>]... [--csv <file>]
 * [--workers <n>] [--json] [--records <dir>]
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { SeatId } from "../model/basics.ts";
import type { BotPersona, Persona } from "../bots/persona-names.ts";
import { isBaselinePersona } from "../bots/doctrines.ts";
import type { Scenario } from "../scenario/schema.ts";
import { BatchTally, playBatchGame, type BatchResult, type BatchSpec } from "../sim/batch.ts";
import { toCsv, type CsvValue } from "../sim/csv.ts";
import {
  expandGrid,
  factorName,
  gridConflict,
  isNumericParam,
  parseGrid,
  type Cell,
  type Treatment,
} from "../sim/grid.ts";
import { csvHeader, gameRow, treatedScenario } from "../sim/game-row.ts";
import { playAll } from "./simulate-pool.ts";
import {
  formatCells,
  summariseCell,
  summaryRow,
  SUMMARY_COLUMNS,
  type CellSummary,
} from "../sim/cell-summary.ts";
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
  "usage: npm run simulate -- --scenario <id|path> --games <N> --seed <S> [--bots p1,p2,...] [--cbms " +
  "hotline,...] [--no-cbms] [--bot-level easy|normal|hard] [--param name=value]... [--grid " +
  "cbms=a,b|noCbms|botLevel=l1,l2|param.<name>=v1,v2]... [--csv <file>] [--workers <n>] [--json] [--records <dir>]";

const fail: Fail = failWith(USAGE);

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

/** The human-readable report. */
export function formatReport(r: BatchResult): string {
  const lines: string[] = [];
  lines.push(
    `Scenario ${r.scenario}, ${r.games} games, seed ${r.seed}, bots ` +
      `${r.bots}${r.cbms.length ? `, CBMs in force: ${r.cbms.join(",")}` : ""}${r.noCbms ? ", no CBM proposals" : ""}`,
  );
  lines.push("Outcomes (share, 95% CI):");
  for (const [k, v] of Object.entries(r.outcomes))
    lines.push(`  ${k.padEnd(14)} ${pct(v.share).padStart(6)}  [${pct(v.ci95[0])}, ${pct(v.ci95[1])}]`);
  lines.push(`Mean turns: ${r.meanTurns.toFixed(2)}`);
  lines.push(
    `Median turns from detection to moderate-confidence attribution: ` +
      `${r.attributionLagMedian ?? "not reached"} (${r.attributionSamples} incidents, Kaplan-Meier)`,
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

/** `--param name=value` flags as overrides, or a failure. */
function paramOverrides(texts: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const text of texts) {
    const eq = text.indexOf("=");
    const name = text.slice(0, Math.max(0, eq)).trim();
    const value = Number(text.slice(eq + 1));
    if (eq < 0 || !isNumericParam(name))
      fail(`--param ${text}: use name=value with a numeric model parameter`);
    if (text.slice(eq + 1).trim() === "" || !Number.isFinite(value)) fail(`--param ${text}: not a number`);
    out[name] = value;
  }
  return out;
}

/** The scenario under a treatment, or exit 1 with the problems its overrides make. */
function scenarioUnder(scenario: Scenario, t: Treatment): Scenario {
  const r = treatedScenario(scenario, t);
  if (!r.ok) {
    process.stderr.write(`the parameter overrides make the scenario invalid:\n${r.error}\n`);
    process.exit(1);
  }
  return r.scenario;
}

/** Plays one batch (no grid): the usual report, and the rows for the CSV. */
async function single(
  scenario: Scenario,
  t: Treatment,
  bots: BotPersona[],
  games: number,
  seed: string,
  recordsDir: string | undefined,
  workers: number,
): Promise<{ result: BatchResult; rows: Array<Record<string, CsvValue>> }> {
  const spec: BatchSpec = {
    scenario,
    games,
    seed,
    bots: bots.filter(isBaselinePersona),
    cbms: t.cbms,
    noCbms: t.noCbms,
  };
  const tally = new BatchTally(spec);
  const rows: Array<Record<string, CsvValue>> = [];
  const shown = progress(games);
  const cell = { label: "", levels: [] };
  if (recordsDir !== undefined) {
    for (let g = 0; g < games; g++) {
      const played = playBatchGame(spec, g, true);
      tally.add(played);
      if (played.record)
        writeFileSync(
          join(recordsDir, `game-${String(g).padStart(5, "0")}.json`),
          JSON.stringify(played.record),
        );
      rows.push(gameRow(cell, g, seed, t, { state: played.state, bots: played.personas }));
      shown.tick(g + 1);
    }
  } else {
    const [played = []] = await playAll([{ scenario, treatment: t }], bots, seed, games, workers, shown.tick);
    for (const [g, game] of played.entries()) {
      // The tally reads a seat's persona only as a label to group scores by (`persona:level` with a level).
      tally.add({
        state: game.state,
        personas: game.bots as Record<SeatId, Persona>,
        record: null,
        rejected: [],
      });
      rows.push(gameRow(cell, g, seed, t, game));
    }
  }
  shown.end(games);
  return { result: tally.result(), rows };
}

/** Plays every cell of a grid: a summary a cell, and the rows for the CSV. */
async function grid(
  scenario: Scenario,
  cells: readonly Cell[],
  bots: BotPersona[],
  games: number,
  seed: string,
  workers: number,
): Promise<{ summaries: CellSummary[]; rows: Array<Record<string, CsvValue>> }> {
  const shown = progress(cells.length * games);
  // Every cell's scenario first, so bad overrides stop the run before any game.
  const work = cells.map((cell) => ({
    scenario: scenarioUnder(scenario, cell.treatment),
    treatment: cell.treatment,
  }));
  const played = await playAll(work, bots, seed, games, workers, shown.tick);
  const summaries: CellSummary[] = [];
  const rows: Array<Record<string, CsvValue>> = [];
  for (const [i, cell] of cells.entries()) {
    const list = played[i] ?? [];
    for (const [g, game] of list.entries()) rows.push(gameRow(cell, g, seed, cell.treatment, game));
    summaries.push(
      summariseCell(
        cell,
        list.map((x) => x.state),
      ),
    );
  }
  shown.end(cells.length * games);
  return { summaries, rows };
}

async function main(): Promise<void> {
  const args = parseOrFail(fail, {
    ...BATCH_OPTIONS,
    bots: { type: "string" },
    cbms: { type: "string" },
    records: { type: "string" },
    csv: { type: "string" },
    grid: { type: "string", multiple: true },
    "bot-level": { type: "string" },
    param: { type: "string", multiple: true },
    workers: { type: "string" },
  });
  const games = wholeNumber(fail, "games", args.games, 100, 1, 1_000_000);
  const seed = args.seed ?? "1";
  const workers = wholeNumber(fail, "workers", args.workers, 1, 1, 64);
  const level = botLevelOrFail(fail, args["bot-level"]);
  const gridTerms = args.grid ?? [];
  const factors = gridTerms.length > 0 ? parseGrid(gridTerms) : null;
  if (factors && !factors.ok) fail(factors.error);
  const levelled =
    level !== undefined || (factors?.ok === true && factors.factors.some((f) => f.kind === "botLevel"));
  const bots = personasOrFail(fail, commaList(args.bots), levelled);
  const cbms = cbmsOrFail(fail, commaList(args.cbms));
  const base: Treatment = {
    cbms,
    noCbms: args["no-cbms"] ?? false,
    botLevel: level ?? null,
    params: paramOverrides(args.param ?? []),
  };
  if (factors?.ok) {
    const conflict = gridConflict(base, factors.factors);
    if (conflict) fail(conflict);
    if (args.records) fail("--records does not go with --grid");
  }
  if (args.records && base.botLevel !== null) fail("--records does not go with --bot-level");
  if (args.records && workers > 1) fail("--records does not go with --workers");
  const scenario = scenarioOrExit(args.scenario);
  if (factors?.ok) {
    const cells = expandGrid(base, factors.factors);
    const { summaries, rows } = await grid(scenario, cells, bots, games, seed, workers);
    const columns = factors.factors.map(factorName);
    if (args.csv) {
      writeFileSync(args.csv, toCsv(csvHeader(scenario, columns), rows));
      const summaryFile = args.csv.replace(/(\.csv)?$/i, ".summary.csv");
      writeFileSync(
        summaryFile,
        toCsv(
          ["cell", ...columns.map((c) => `grid_${c}`), ...SUMMARY_COLUMNS.slice(1)],
          summaries.map(summaryRow),
        ),
      );
    }
    const head =
      `Scenario ${scenario.id}, ${cells.length} cells × ${games} games (game g of every ` +
      `cell: seed ${seed}:g), bots ${bots.length ? bots.join(",") : "rotation"}`;
    process.stdout.write(
      args.json
        ? `${JSON.stringify({ scenario: scenario.id, seed, games, bots: bots.join(",") || "rotation", base, cells: summaries }, null, 2)}\n`
        : `${head}\n${formatCells(summaries)}\n`,
    );
    return;
  }
  const recordsDir = args.records;
  if (recordsDir) mkdirSync(recordsDir, { recursive: true });
  const { result, rows } = await single(
    scenarioUnder(scenario, base),
    base,
    bots,
    games,
    seed,
    recordsDir,
    workers,
  );
  if (args.csv) writeFileSync(args.csv, toCsv(csvHeader(scenario, []), rows));
  const extra = {
    ...(base.botLevel ? { botLevel: base.botLevel } : {}),
    ...(Object.keys(base.params).length ? { params: base.params } : {}),
  };
  const extraLine = [
    base.botLevel ? `bot level ${base.botLevel}` : "",
    Object.keys(base.params).length
      ? `parameters ${Object.entries(base.params)
          .map(([k, v]) => `${k}=${v}`)
          .join(" ")}`
      : "",
  ]
    .filter(Boolean)
    .join(", ");
  process.stdout.write(
    args.json
      ? `${JSON.stringify({ ...result, ...extra }, null, 2)}\n`
      : `${formatReport(result)}${extraLine ? `\nTreatment: ${extraLine}` : ""}\n`,
  );
}

main().catch((e: unknown) => {
  process.stderr.write(`simulate failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
