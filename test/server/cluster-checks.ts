/**
 * Test helper for the cluster tests: throwaway PostgreSQL and Redis servers for a test file, a cluster process
 * on them, rejoining a game
 * that is moving between processes, and ending a game and checking that its record replays to its final hash.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join as joinPath } from "node:path";
import { afterAll, beforeAll, expect } from "vitest";
import { replayRecord, type GameRecord } from "../../shared/src/record/record.ts";
import { startRedis, type ThrowawayRedis } from "../../server/src/cluster/throwaway-redis.ts";
import { startPostgres, type ThrowawayPostgres } from "../../server/src/store/throwaway-pg.ts";
import { freePort, join, type Peer } from "./harness.ts";
import { killServerProcesses, startServerProcess, type ServerProcess } from "./processes.ts";

/**
 * Starts a throwaway PostgreSQL and Redis before the file's tests, and after them kills the server processes
 * still running and stops both; the servers are read through the functions returned, once started.
 */
export function throwawayServers(): { pg: () => ThrowawayPostgres; redis: () => ThrowawayRedis } {
  let pg: ThrowawayPostgres | undefined;
  let redis: ThrowawayRedis | undefined;
  beforeAll(async () => {
    [pg, redis] = await Promise.all([startPostgres(), startRedis()]);
  }, 120_000);
  afterAll(async () => {
    killServerProcesses();
    await Promise.all([pg?.stop(), redis?.stop()]);
  });
  const started = <T>(s: T | undefined): T => {
    if (s === undefined) throw new Error("the throwaway servers have not started");
    return s;
  };
  return { pg: () => started(pg), redis: () => started(redis) };
}

/** Rejoins with a token through `via` as soon as the game is there, trying every `pauseMs` (bounded). */
export async function rejoinWhenBack(
  via: ServerProcess,
  roomId: string,
  token: string,
  pauseMs = 50,
): Promise<Peer> {
  for (let i = 0; i < 15_000 / pauseMs; i++) {
    const p = await join(via.url, roomId, { token }).catch(() => null);
    if (p) return p;
    await new Promise((r) => setTimeout(r, pauseMs));
  }
  throw new Error(`game ${roomId} did not come back in ${via.url}: ${via.stderr()}`);
}

/**
 * Ends the game as its facilitator `fac` (token `facToken`), fetches its record through `http` and checks
 * that it replays to the final hash the members saw.
 */
export async function endAndReplay(fac: Peer, facToken: string, http: string): Promise<void> {
  expect((await fac.ask("fac:end")).ok).toBe(true);
  const end = await fac.until((v) => v.session.phase === "ended" && v.session.stateHash !== null);
  const res = await fetch(`${http}/api/records/${fac.room.roomId}`, {
    headers: { Authorization: `Bearer ${facToken}` },
  });
  expect(res.status).toBe(200);
  const record = (await res.json()) as GameRecord;
  if (!record.scenarioData) throw new Error("the record carries no scenario");
  const replay = replayRecord(record, record.scenarioData);
  expect(replay.ok ? "ok" : JSON.stringify(replay.divergence)).toBe("ok");
  expect(record.finalHash).toBe(end.session.stateHash);
}

/**
 * Starts a cluster process on `database` and the Redis at `redisUrl` (on `port`, else a free one), reachable at
 * its own loopback address, with a data directory of its own and `env` added.
 */
export async function startClusterProcess(
  database: string,
  redisUrl: string,
  env: Record<string, string> = {},
  port?: number,
): Promise<ServerProcess> {
  const p = port ?? (await freePort());
  return startServerProcess(p, {
    FIREBREAK_DATABASE_URL: database,
    FIREBREAK_REDIS_URL: redisUrl,
    FIREBREAK_PUBLIC_ADDRESS: `127.0.0.1:${p}`,
    FIREBREAK_DATA_DIR: mkdtempSync(joinPath(tmpdir(), "fb-cluster-")),
    ...env,
  });
}
