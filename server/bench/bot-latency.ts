/**
 * How much `hard` bots' decisions block the server's event loop (docs/performance.md, "Bot decisions"). `node
 * server/bench/bot-latency.ts [--workers N] [--turns T]` starts a server in this process with N bot workers
 * (FIREBREAK_BOT_WORKERS; 0 = decide on the event loop, as before workers) and plays a solo `halden-measures`
 * game against five hard bots for T turns (default 8), while a second room's facilitator sends a chat request
 * every 100 ms. Printed: the event loop's delay during play (perf_hooks monitorEventLoopDelay, 1 ms
 * resolution), the other room's request round trips, and the time from the player's "ready" to the next
 * turn's view.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { startServer } from "../src/main.ts";
import { create, freePort } from "../../test/server/harness.ts";

const argv = process.argv.slice(2);
const arg = (name: string, dflt: number): number => {
  const i = argv.indexOf(name);
  return i >= 0 ? Number(argv[i + 1]) : dflt;
};
const workers = arg("--workers", 1);
const turns = arg("--turns", 8);

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
}

const port = await freePort();
const srv = await startServer({
  port,
  dataDir: mkdtempSync(join(tmpdir(), "fb-botlat-")),
  reconnectSeconds: 2,
  takeoverSeconds: 0,
  maxPayloadBytes: 32 * 1024,
  clientDir: null,
  quiet: true,
  botWorkers: workers,
});
const url = `ws://127.0.0.1:${port}`;

// Another room on the same process: its facilitator chats while the bots of the solo game think.
const other = await create(url, {
  scenario: "baltic-fog",
  name: "Other room",
  seed: "other-1",
  turnSeconds: 0,
});
const pings: number[] = [];
let pinging = true;
const pinger = (async () => {
  for (let i = 0; pinging; i++) {
    const t0 = performance.now();
    await other.ask("chat", { channel: "public", text: `ping ${i}` });
    pings.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 100));
  }
})();

const me = await create(url, {
  scenario: "halden-measures",
  name: "Solo",
  solo: { seat: "westra" },
  seed: "botlat-2",
  botLevel: "hard",
});
await me.until((v) => v.session.ready.length === 5, 60_000);
const eld = monitorEventLoopDelay({ resolution: 1 });
eld.enable();
const turnTimes: number[] = [];
const started = performance.now();
for (let t = 0; t < turns && me.view.session.phase === "planning"; t++) {
  const turn = me.view.game.turn;
  await me.ask("orders", { turn, orders: [{ type: "hunt" }, { type: "harden" }] });
  const t0 = performance.now();
  await me.ask("ready", { ready: true });
  await me.until(
    (v) => v.session.phase === "ended" || (v.game.turn > turn && v.session.ready.length === 5),
    60_000,
  );
  turnTimes.push(performance.now() - t0);
  await new Promise((r) => setTimeout(r, 100));
}
const elapsed = performance.now() - started;
eld.disable();
pinging = false;
await pinger;
const ms = (ns: number): string => (ns / 1e6).toFixed(1);
const f = (x: number): string => x.toFixed(1);
console.log(
  `bot workers ${workers}: ${turnTimes.length} turns of halden-measures, 5 hard bots, ${f(elapsed / 1000)} s`,
);
console.log(
  `  event-loop delay (ms): mean ${ms(eld.mean)}  p50 ${ms(eld.percentile(50))}  p99 ${ms(eld.percentile(99))}  max ${ms(eld.max)}`,
);
console.log(
  `  other room's chat round trip (ms, n=${pings.length}): p50 ${f(pct(pings, 50))}  p95 ` +
    `${f(pct(pings, 95))}  p99 ${f(pct(pings, 99))}  max ${f(Math.max(...pings))}`,
);
console.log(
  `  ready -> next turn with all bots ready (ms): mean ` +
    `${f(turnTimes.reduce((a, b) => a + b, 0) / Math.max(1, turnTimes.length))}  max ${f(Math.max(...turnTimes))}`,
);
await me.room.leave();
await other.room.leave();
await srv.close();
process.exit(0);
