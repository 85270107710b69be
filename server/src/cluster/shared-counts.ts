/**
 * The wrong-code and wrong-token limits across a cluster (FIREBREAK_REDIS_URL): each process counts a client's
 * events in the Redis the processes share, one hash a clock-aligned window, and keeps the total each count
 * returned, so the next event from that client, through whichever process, meets the one limit. Each process
 * still keeps its own counts (http/rate-limit.ts); these can only be stricter.
 */
import { randomBytes } from "node:crypto";
import { matchMaker } from "@colyseus/core";
import type { SharedCounts } from "../http/rate-limit.ts";
import { services } from "../services.ts";

/** The prefix of the hashes counting events per client, one hash per limiter and window. */
const COUNTS_KEY = "firebreak:limits:";
/** Totals kept at most; past it the totals of earlier windows are dropped. */
const MAX_TOTALS = 100_000;

/** The counts in the cluster's Redis, through the Colyseus presence. */
export function redisCounts(): SharedCounts {
  const totals = new Map<string, { window: number; total: number }>();
  // Counts are kept under a generation; `clear` (tests) starts a new one, so Redis's old counts no longer count.
  let generation = "0";
  const windowOf = (windowMs: number): number => Math.floor(services().now() / windowMs);
  return {
    add(name, key, windowMs) {
      const window = windowOf(windowMs);
      const seconds = Math.max(1, Math.ceil((2 * windowMs) / 1000));
      void matchMaker.presence
        .hincrbyex(`${COUNTS_KEY}${generation}:${name}:${window}`, key, 1, seconds)
        .then((total) => {
          const kept = totals.get(`${name}|${key}`);
          if (kept && kept.window === window && kept.total >= total) return;
          if (totals.size >= MAX_TOTALS) {
            for (const [k, t] of totals) if (t.window < window) totals.delete(k);
            // Still full: the oldest totals go first (a Map iterates in insertion order).
            for (const k of totals.keys()) {
              if (totals.size < MAX_TOTALS) break;
              totals.delete(k);
            }
          }
          totals.delete(`${name}|${key}`);
          totals.set(`${name}|${key}`, { window, total });
        })
        .catch(() => {
          // Redis unreachable: the process's own counts still hold.
        });
    },
    total(name, key, windowMs) {
      const kept = totals.get(`${name}|${key}`);
      return kept && kept.window === windowOf(windowMs) ? kept.total : 0;
    },
    clear() {
      totals.clear();
      generation = randomBytes(6).toString("hex");
    },
  };
}
