/**
 * Client benchmark: shipped JavaScript gzipped, navigation to an interactive board, idle frame rate. Prints;
 * never fails on speed.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { launch } from "../../test/e2e/browser.ts";
import { testServer } from "../../test/server/harness.ts";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const json = process.argv.includes("--json");
const dist = join(root, "client", "dist");

execFileSync(
  process.execPath,
  [join(root, "node_modules/vite/bin/vite.js"), "build", "--logLevel", "error"],
  { cwd: join(root, "client"), stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } },
);
const assets = readdirSync(join(dist, "assets")).filter((f) => f.endsWith(".js"));
const sizes = assets.map((f) => {
  const raw = readFileSync(join(dist, "assets", f));
  return { file: f, bytes: raw.length, gzip: gzipSync(raw, { level: 9 }).length };
});
const totalGzip = sizes.reduce((s, x) => s + x.gzip, 0);

const srv = await testServer({ clientDir: dist });
const browser = await launch();
const runs: number[] = [];
const fps: number[] = [];
/** Share of wall time the page's main thread was busy while the board sat idle (after its last animation). */
const idleBusy: number[] = [];
for (let i = 0; i < 5; i++) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await ctx.newPage();
  const t0 = Date.now();
  await page.goto(srv.http);
  await page.getByRole("button", { name: /Play solo as/ }).click();
  // A function, not a string: the page's Content-Security-Policy forbids evaluating strings.
  await page.waitForFunction(() => (globalThis as { __boardReady?: boolean }).__boardReady === true, null, {
    timeout: 60_000,
  });
  runs.push(Date.now() - t0);
  // Idle: the render loop sleeps 3.2 s after the last view (client/src/board/board.ts); wait past that.
  await page.waitForTimeout(6000);
  const cdp = await ctx.newCDPSession(page);
  await cdp.send("Performance.enable");
  const busy = async (): Promise<number> =>
    (await cdp.send("Performance.getMetrics")).metrics.find((m) => m.name === "TaskDuration")?.value ?? 0;
  const b0 = await busy();
  const w0 = Date.now();
  await page.waitForTimeout(3000);
  idleBusy.push((await busy()) - b0 > 0 ? ((await busy()) - b0) / ((Date.now() - w0) / 1000) : 0);
  const frames = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        // In the page, not in Node: the bench's own types have no DOM.
        const win = globalThis as unknown as { requestAnimationFrame: (cb: () => void) => number };
        let n = 0;
        const start = performance.now();
        const tick = (): void => {
          n++;
          if (performance.now() - start < 3000) win.requestAnimationFrame(tick);
          else resolve(n / ((performance.now() - start) / 1000));
        };
        win.requestAnimationFrame(tick);
      }),
  );
  fps.push(frames);
  await ctx.close();
}
await browser.close();
await srv.close();

const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const result = {
  shippedJsGzipKB: Math.round(totalGzip / 102.4) / 10,
  targetKB: 700,
  assets: sizes,
  navigationToBoardMs: { median: median(runs), runs },
  idleFps: { median: Math.round(median(fps) * 10) / 10, runs: fps.map((f) => Math.round(f * 10) / 10) },
  idleMainThreadBusy: {
    median: Math.round(median(idleBusy) * 1000) / 1000,
    runs: idleBusy.map((f) => Math.round(f * 1000) / 1000),
  },
};
if (json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
else {
  process.stdout.write(`\nClient (headless chromium, SwiftShader WebGL; loopback server)\n`);
  for (const s of sizes)
    process.stdout.write(
      `  ${s.file.padEnd(30)} ${(s.bytes / 1024).toFixed(1).padStart(8)} KB  gzip ${(s.gzip / 1024).toFixed(1).padStart(7)} KB\n`,
    );
  process.stdout.write(
    `  shipped JavaScript, gzipped: ${result.shippedJsGzipKB} KB (target <= 700 KB: ${result.shippedJsGzipKB <= 700 ? "PASS" : "FAIL"})\n`,
  );
  process.stdout.write(
    `  navigation to interactive board (home, one click, board ready): median ` +
      `${result.navigationToBoardMs.median} ms over ${runs.length} runs [${runs.join(", ")}]\n`,
  );
  process.stdout.write(
    `  idle board frame rate (the page's requestAnimationFrame rate): median ` +
      `${result.idleFps.median} fps [${result.idleFps.runs.join(", ")}]\n`,
  );
  process.stdout.write(
    `  main thread busy while the board is idle: median ` +
      `${(result.idleMainThreadBusy.median * 100).toFixed(1)}% ` +
      `[${result.idleMainThreadBusy.runs.map((x) => `${(x * 100).toFixed(1)}%`).join(", ")}]\n`,
  );
}
