/**
 * What the load bench measures before the load, one thing at a time: the engine's resolveTurn, the floor (a
 * bare WebSocket echo), the game server started and warmed up by one game, the quiet games, and where the
 * server's time per request goes (breakdown.ts).
 */
import { join } from "node:path";
import { type Breakdown, measureBreakdown } from "./breakdown.ts";
import {
  echoAfterIdle,
  echoRoundTrips,
  measureResolveTurn,
  openEcho,
  serverTimings,
} from "./load-measure.ts";
import { startEcho, startServer } from "./load-processes.ts";
import type { LoadBench } from "./load-report.ts";
import { dist, type Dist, type ServerTimings } from "./load-stats.ts";
import { quietGame } from "./load-rooms.ts";
import { log, settings } from "./load-settings.ts";

/** The game server child, as started. */
export type Server = Awaited<ReturnType<typeof startServer>>;

/**
 * Everything measured before the load, and what the load goes on with: the echo connection and the warm
 * server.
 */
export interface BeforeLoad {
  engine: { states: number; samples: number; us: number };
  /** The connection to the echo server, probed again during play. */
  echoWs: WebSocket;
  echoQuiet: Dist;
  echoIdle: Dist;
  server: Server;
  url: string;
  http: string;
  quietServer: ServerTimings | null;
  quiet: LoadBench["quietGame"];
  breakdown: Breakdown | null;
}

/**
 * The floor: round trips of a bare WebSocket echo, back to back and after idle pauses, on a quiet machine.
 */
async function floor(): Promise<{ echoWs: WebSocket; echoQuiet: Dist; echoIdle: Dist }> {
  const echo = await startEcho();
  const echoWs = await openEcho(echo.port);
  await echoRoundTrips(echoWs, 300);
  const echoQuiet = dist(await echoRoundTrips(echoWs, settings.quick ? 1000 : 3000));
  const echoIdle = dist(await echoAfterIdle(echoWs, settings.quick ? 40 : 80));
  log(`echo round trip p50 ${echoQuiet.p50} ms back to back, ${echoIdle.p50} ms after an idle pause`);
  return { echoWs, echoQuiet, echoIdle };
}

/**
 * The quiet game: rooms played one at a time on the warm server, `settings.quietGames` of them for a steadier
 * median.
 */
async function quietGames(
  url: string,
  http: string,
  operatorToken: string,
): Promise<{ quiet: LoadBench["quietGame"]; quietServer: ServerTimings | null }> {
  const quietFrom = Date.now();
  const qs: Awaited<ReturnType<typeof quietGame>>[] = [];
  for (let g = 0; g < settings.quietGames; g++)
    qs.push(await quietGame(100_001 + g, url, http, performance.now() + 8000));
  const quietServer = await serverTimings(http, quietFrom, operatorToken);
  const player = qs[qs.length - 1]?.run.people[1]?.last;
  const quiet: LoadBench["quietGame"] = {
    games: qs.length,
    turns: qs.reduce((n, q) => n + (q.run.people[1]?.seenTurn ?? 0), 0),
    turnMs: dist(qs.flatMap((q) => q.run.turnLatencies())),
    turnFirstClientMs: dist(qs.flatMap((q) => q.run.turnLatencies(true))),
    requestMs: dist(qs.flatMap((q) => [...q.rec.latency.orders, ...q.rec.latency.ready])),
    viewJsonBytes: player ? JSON.stringify(player).length : 0,
    disconnects: qs.reduce((n, q) => n + q.rec.disconnects, 0),
  };
  log(`quiet game: ${quiet.games} games, ${quiet.turnMs.n} turns, turn latency p50 ${quiet.turnMs.p50} ms`);
  return { quiet, quietServer };
}

/**
 * Measures, in this order, the engine, the floor, the server's warm-up game, the quiet games and the
 * breakdown.
 */
export async function beforeLoad(): Promise<BeforeLoad> {
  // Engine first, on a quiet process.
  const engine = measureResolveTurn(settings.quick ? 600 : 1200);
  log(`resolveTurn (4 states) ${engine.us} µs`);

  const { echoWs, echoQuiet, echoIdle } = await floor();

  // Server child, warmed up by one game.
  const server = await startServer(settings.cpuProfDir, log);
  const url = `ws://127.0.0.1:${server.port}`;
  const http = `http://127.0.0.1:${server.port}`;
  const warm = await quietGame(100_000, url, http, performance.now() + 8000);
  log(`warm-up game: ${warm.run.turns} turns in ${warm.seconds.toFixed(1)} s`);

  const { quiet, quietServer } = await quietGames(url, http, server.operatorToken);

  // Where the server's time per request goes, from the finished games' journal (the server is idle).
  let breakdown: Breakdown | null = null;
  try {
    breakdown = measureBreakdown(join(server.dataDir, "firebreak.sqlite"), settings.quick ? 80 : 120);
  } catch (e) {
    log(`breakdown failed: ${(e as Error).message}`);
  }
  return { engine, echoWs, echoQuiet, echoIdle, server, url, http, quietServer, quiet, breakdown };
}
