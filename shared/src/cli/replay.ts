/**
 * npm run replay -- <record.json> [...] [--scenario <id|path>]: replays records (in the scenario named, else
 * the one a record carries, else scenarios/<id>); exit 0 when every hash matches.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { asRecord, replayRecord } from "../record/record.ts";
import { formatProblems, validateScenario } from "../scenario/validate.ts";
import { findScenario } from "../io/scenario-files.ts";

function main(): number {
  const parse = () =>
    parseArgs({ options: { scenario: { type: "string" } }, allowPositionals: true, strict: true });
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse();
  } catch (e) {
    process.stderr.write(
      `${(e as Error).message}\nusage: npm run replay -- <record.json> [more records] [--scenario <id|path>]\n`,
    );
    return 2;
  }
  const files = parsed.positionals;
  if (files.length === 0) {
    process.stderr.write("usage: npm run replay -- <record.json> [more records] [--scenario <id|path>]\n");
    return 2;
  }
  let failures = 0;
  for (const file of files) {
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(file, "utf8"));
    } catch (e) {
      process.stdout.write(`${file}: cannot read record: ${(e as Error).message}\n`);
      failures++;
      continue;
    }
    const rec = asRecord(data);
    if (!rec.ok) {
      process.stdout.write(`${file}: ${rec.error.message}\n`);
      failures++;
      continue;
    }
    // A scenario named on the command line wins; else the one the record carries (a teacher's own); else by
    // id.
    const named = parsed.values.scenario;
    const carried = rec.value.scenarioData;
    const sc =
      named !== undefined
        ? findScenario(named)
        : carried !== undefined
          ? validateScenario(carried)
          : findScenario(rec.value.scenario.id);
    if (!sc.ok) {
      process.stdout.write(
        `${file}: scenario "${named ?? rec.value.scenario.id}" not usable:\n${formatProblems(sc.problems)}\n`,
      );
      failures++;
      continue;
    }
    const r = replayRecord(rec.value, sc.scenario);
    if (r.ok)
      process.stdout.write(
        `${file}: ok, ${r.turns} turns, every state hash matches (final ${rec.value.finalHash})\n`,
      );
    else {
      failures++;
      process.stdout.write(
        `${file}: DIVERGES at turn ` +
          `${r.divergence.turn}${r.divergence.step >= 0 ? ` (step ${r.divergence.step})` : ""}: ${r.divergence.reason}\n`,
      );
    }
  }
  return failures === 0 ? 0 : 1;
}

process.exitCode = main();
