/**
 * Running as one of several processes (FIREBREAK_REDIS_URL): Colyseus's Redis presence and driver share the
 * rooms, seat reservations and process loads between processes; the games themselves are shared through
 * PostgreSQL.
 */
import { matchMaker } from "@colyseus/core";
import { RedisDriver } from "@colyseus/redis-driver";
import { RedisPresence } from "@colyseus/redis-presence";
import { admitClusterCreation, roomsOpened } from "./creation-limits.ts";

/** How this process takes part in a cluster. */
export interface ClusterConfig {
  /** redis:// or rediss:// URL of the Redis all processes share. */
  redisUrl: string;
  /** Where browsers reach this very process (host:port, or host/path behind the proxy), without a scheme. */
  publicAddress: string;
  /** Seconds between looks for games whose process died (0: never). */
  adoptSeconds: number;
}

/**
 * Reads FIREBREAK_REDIS_URL, FIREBREAK_PUBLIC_ADDRESS and FIREBREAK_ADOPT_SECONDS; null when Redis is not set
 * (one process).
 */
export function clusterFromEnv(env: NodeJS.ProcessEnv): ClusterConfig | null {
  const redisUrl = env.FIREBREAK_REDIS_URL ?? "";
  if (redisUrl === "") return null;
  if (!/^rediss?:\/\/\S+$/.test(redisUrl))
    throw new Error("FIREBREAK_REDIS_URL must be a redis:// or rediss:// URL");
  if (!env.FIREBREAK_DATABASE_URL)
    throw new Error(
      "FIREBREAK_REDIS_URL needs FIREBREAK_DATABASE_URL: the processes of a cluster share their games through PostgreSQL",
    );
  const publicAddress = env.FIREBREAK_PUBLIC_ADDRESS ?? "";
  if (!/^[A-Za-z0-9.[\]:-]+(\/[A-Za-z0-9._~-]+)*$/.test(publicAddress))
    throw new Error(
      "FIREBREAK_PUBLIC_ADDRESS must say where browsers reach this process, as host:port or " +
        "host/path without a scheme (needed with FIREBREAK_REDIS_URL)",
    );
  const adopt = env.FIREBREAK_ADOPT_SECONDS;
  const adoptSeconds = adopt === undefined || adopt === "" ? 5 : Number(adopt);
  if (!Number.isFinite(adoptSeconds) || adoptSeconds < 0)
    throw new Error(`FIREBREAK_ADOPT_SECONDS must be a non-negative number, got "${adopt}"`);
  return { redisUrl, publicAddress, adoptSeconds };
}

/** The least-loaded process by rooms (Colyseus's own choice), or this one when Colyseus knows no other. */
async function leastLoaded(): Promise<string> {
  const all = await matchMaker.stats.fetchAll();
  return all.sort((a, b) => a.roomCount - b.roomCount)[0]?.processId ?? matchMaker.processId;
}

/**
 * The Colyseus server options of a cluster process. New games go to the least-loaded process, within the
 * cluster's creation limits; a room the server makes itself (a restore, an exercise's table: options carrying the server's key) stays here, where
 * its lease is held.
 */
export function clusterServerOptions(c: ClusterConfig) {
  return {
    presence: new RedisPresence(c.redisUrl),
    driver: new RedisDriver(c.redisUrl),
    publicAddress: c.publicAddress,
    selectProcessIdToCreateRoom: async (name: string, options: unknown): Promise<string> => {
      if (typeof options === "object" && options !== null && Object.hasOwn(options, "key"))
        return matchMaker.processId;
      // A client's creation: within the cluster's limits (its refusal answers the matchmaking call).
      await admitClusterCreation(options, roomsOpened(name, options));
      return leastLoaded();
    },
  };
}
