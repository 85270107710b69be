/**
 * The robustness and leak tests (robust.test.ts) against a cluster process: the same checks (what each member
 * receives, takeovers, rejoins, the wrong-code limits), with the journal in PostgreSQL and rooms and codes
 * through Redis.
 */
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startRedis, type ThrowawayRedis } from "../../server/src/cluster/throwaway-redis.ts";
import { startPostgres, type ThrowawayPostgres } from "../../server/src/store/throwaway-pg.ts";
import { useTestCluster } from "./cluster-env.ts";

let postgres: ThrowawayPostgres;
let redis: ThrowawayRedis;
// Registered before the fuzz file's own hooks, so its server starts as a cluster process.
beforeAll(async () => {
  [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
  useTestCluster({ pg: postgres, redis });
}, 120_000);
afterAll(async () => {
  useTestCluster(null);
  await Promise.all([postgres?.stop(), redis?.stop()]);
});

await import("./robust.test.ts");

it("ran against the cluster's stores: its games are journalled in PostgreSQL", async () => {
  const c = new pg.Client({ connectionString: postgres.url.replace(/\/postgres$/, "/server_1") });
  await c.connect();
  try {
    const games = await c.query<{ n: string }>("SELECT count(*) AS n FROM games");
    const entries = await c.query<{ n: string }>("SELECT count(*) AS n FROM journal");
    expect(Number(games.rows[0]?.n)).toBeGreaterThan(0);
    expect(Number(entries.rows[0]?.n)).toBeGreaterThan(Number(games.rows[0]?.n));
  } finally {
    await c.end();
  }
});
