/**
 * Test helper: lets a test file run the in-process test servers (harness.ts `testServer`) as cluster
 * processes, on a throwaway PostgreSQL (a fresh database for each server) and Redis, so tests written for one
 * process run against the cluster's stores and matchmaking too (cluster-fuzz.test.ts).
 */
import type { ServerConfig } from "../../server/src/main.ts";
import type { ThrowawayRedis } from "../../server/src/cluster/throwaway-redis.ts";
import type { ThrowawayPostgres } from "../../server/src/store/throwaway-pg.ts";

let cluster: { pg: ThrowawayPostgres; redis: ThrowawayRedis } | null = null;
let databases = 0;

/** From now on, test servers of this file are cluster processes on these servers (null: alone again). */
export function useTestCluster(c: { pg: ThrowawayPostgres; redis: ThrowawayRedis } | null): void {
  cluster = c;
}

/**
 * The configuration a test server on `port` adds to be a cluster process, or nothing when no cluster is in
 * use.
 */
export async function testClusterConfig(port: number): Promise<Partial<ServerConfig>> {
  if (cluster === null) return {};
  return {
    databaseUrl: await cluster.pg.database(`server_${++databases}`),
    cluster: { redisUrl: cluster.redis.url, publicAddress: `127.0.0.1:${port}`, adoptSeconds: 0 },
  };
}
