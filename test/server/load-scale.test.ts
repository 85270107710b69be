/**
 * Smoke test of the load bench's scale-out mode (`--processes 2`): it starts a throwaway PostgreSQL and
 * Redis, runs 1 and then 2 server processes on them, plays a couple of rooms through each and reports. Only
 * the shape and the plumbing are checked (requests answered, both processes holding rooms, a report); speed
 * is the bench's business.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import type { ScaleBench } from "../../server/bench/load-scale-report.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));

it("the load bench's --processes 2 mode starts 1 and 2 processes on one Redis and PostgreSQL, plays rooms and reports", async () => {
  const args = [
    join(root, "server/bench/load.bench.ts"),
    "--processes",
    "2",
    "--step-rooms",
    "2",
    "--max-rooms",
    "2",
    "--step-seconds",
    "2",
    "--think-ms",
    "300",
    "--budget",
    "100",
    "--json",
  ];
  const child = spawn(process.execPath, args, { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr.on("data", (d: Buffer) => (err += d.toString()));
  const code = await new Promise<number | null>((r) => child.once("exit", (c) => r(c)));
  expect(code, err.slice(-3000)).toBe(0);
  const r = JSON.parse(out) as ScaleBench;
  expect(r.bench).toBe("server-load-scale");
  expect(r.configs.map((c) => c.processes)).toEqual([1, 2]);
  for (const c of r.configs) {
    expect(c.setupFailures).toBe(0);
    expect(c.steps.length).toBe(1);
    const step = c.steps[0];
    expect(step?.ccu).toBe(12);
    expect(step?.requests).toBeGreaterThan(0);
    expect(step?.serverCores.length).toBe(c.processes);
  }
  // Room i is asked of process i mod 2 and runs where Colyseus put it (two created at once may land on the
  // same process): each process counts the rooms it holds, and every client reached its room's process.
  const two = r.configs[1]?.steps[0];
  expect(two?.roomsPerProcess.reduce((a, x) => a + x, 0)).toBe(2);
  expect(two?.serverRequestMs.every((t) => t !== null)).toBe(true);
}, 150_000);
