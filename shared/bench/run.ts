/**
 * `npm run bench`: runs every benchmark file in sequence, each in its own Node process (so one bench's JIT
 * and heap state cannot colour the next), passing on the arguments (`--json`, `--quick`).
 * Without `--json` each bench prints its own table; with `--json` the output is one JSON object,
 * `{ "benches": [ <each bench's JSON object> ] }`.
 * Benchmarks report speed and never fail on it: the exit code is non-zero only if a bench crashed.
 * Later benches (server load, client) are added to BENCHES.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

/**
 * Bench files, relative to the repository root (each with its own arguments after the file), run in this
 * order.
 */
const BENCHES = [
  "shared/bench/engine.bench.ts",
  "shared/bench/bots.bench.ts",
  "server/bench/load.bench.ts",
  "server/bench/load.bench.ts --processes 2",
  "server/bench/exercise-load.bench.ts",
  "client/bench/client.bench.ts",
];

const root = fileURLToPath(new URL("../../", import.meta.url));
const args = process.argv.slice(2);
const json = args.includes("--json");
const results: unknown[] = [];
let failed = false;

for (const [i, bench] of BENCHES.entries()) {
  if (!json && i > 0) console.log("");
  const [file, ...own] = bench.split(" ");
  const r = spawnSync(process.execPath, [file as string, ...own, ...args], {
    cwd: root,
    stdio: json ? ["ignore", "pipe", "inherit"] : "inherit",
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) {
    failed = true;
    console.error(`bench ${bench} failed (exit ${r.status ?? r.signal})`);
    continue;
  }
  if (json) {
    try {
      results.push(JSON.parse(r.stdout));
    } catch {
      failed = true;
      console.error(`bench ${bench} printed no JSON object`);
    }
  }
}
if (json) console.log(JSON.stringify({ benches: results }));
if (failed) process.exitCode = 1;
