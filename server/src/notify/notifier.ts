/**
 * Pluggable notifiers (docs/protocol.md §21): told when a turn resolves, a game ends or a deadline nears, for
 * long games played a turn a day. `log` writes one JSON line per notice; `webhook` POSTs each notice as JSON,
 * signed with HMAC-SHA256 when a secret is set. A notifier never blocks or fails a game: a slow or failing
 * endpoint only counts.
 */
import { createHmac } from "node:crypto";
import { publicUrlFromEnv, withLinks } from "./links.ts";
import type { Notice } from "./notices.ts";

/** Something told about games. */
export interface Notifier {
  notify(n: Notice): void;
  /** Waits for notices still being sent (at most a few seconds), then stops. */
  close(): Promise<void>;
}

/** Tells nobody. */
export const silent: Notifier = { notify() {}, close: async () => {} };

/** Writes each notice as one line, `firebreak-notice <JSON>`, through `write` (default: stdout). */
export function logNotifier(write: (line: string) => void = (l) => process.stdout.write(l)): Notifier {
  return {
    notify(n) {
      write(`firebreak-notice ${JSON.stringify(n)}\n`);
    },
    close: async () => {},
  };
}

/**
 * A webhook's counts: sent (2xx), failed (another status, a network error or a timeout), dropped (queue
 * full).
 */
export interface WebhookStats {
  sent: number;
  failed: number;
  dropped: number;
}

/**
 * POSTs each notice to `url` as `application/json`; with a `secret`, the header `X-Firebreak-Signature:
 * sha256=<hex HMAC-SHA256 of the body>`. At most `concurrency` requests at once, each cut off after
 * `timeoutMs`; at most `queueLimit` waiting (more are dropped and counted). No retries: a notice is a nudge,
 * not a record.
 */
export function webhookNotifier(
  url: string,
  options: { secret?: string; timeoutMs?: number; concurrency?: number; queueLimit?: number } = {},
): Notifier & { stats: WebhookStats } {
  const target = new URL(url);
  if (target.protocol !== "http:" && target.protocol !== "https:")
    throw new Error(`FIREBREAK_NOTIFY_URL must be an http(s) URL, got "${url}"`);
  const { secret, timeoutMs = 5000, concurrency = 4, queueLimit = 1000 } = options;
  const stats: WebhookStats = { sent: 0, failed: 0, dropped: 0 };
  const queue: string[] = [];
  const running = new Set<Promise<void>>();
  const post = async (body: string): Promise<void> => {
    const headers: Record<string, string> = { "Content-Type": "application/json" };
    if (secret)
      headers["X-Firebreak-Signature"] = `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
    try {
      const res = await fetch(target, {
        method: "POST",
        headers,
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
      await res.body?.cancel().catch(() => undefined);
      if (res.ok) stats.sent++;
      else stats.failed++;
    } catch {
      stats.failed++;
    }
  };
  const pump = (): void => {
    while (running.size < concurrency && queue.length > 0) {
      const p = post(queue.shift() as string).finally(() => {
        running.delete(p);
        pump();
      });
      running.add(p);
    }
  };
  return {
    stats,
    notify(n) {
      if (queue.length >= queueLimit) {
        stats.dropped++;
        return;
      }
      queue.push(JSON.stringify(n));
      pump();
    },
    async close() {
      const until = Date.now() + timeoutMs;
      while ((running.size > 0 || queue.length > 0) && Date.now() < until)
        await Promise.race([...running, new Promise((r) => setTimeout(r, 50))]);
    },
  };
}

/**
 * The notifier FIREBREAK_NOTIFY names: unset or `none`, `log`, or `webhook` (with FIREBREAK_NOTIFY_URL, and
 * FIREBREAK_NOTIFY_SECRET to sign); with FIREBREAK_PUBLIC_URL, its notices carry a link to the game's page.
 */
export function notifierFromEnv(env: NodeJS.ProcessEnv): Notifier {
  const base = baseNotifier(env);
  const url = publicUrlFromEnv(env);
  return base === silent || url === null ? base : withLinks(base, url);
}

function baseNotifier(env: NodeJS.ProcessEnv): Notifier {
  const kind = env.FIREBREAK_NOTIFY ?? "";
  if (kind === "" || kind === "none") return silent;
  if (kind === "log") return logNotifier();
  if (kind === "webhook") {
    const url = env.FIREBREAK_NOTIFY_URL ?? "";
    if (url === "") throw new Error("FIREBREAK_NOTIFY=webhook needs FIREBREAK_NOTIFY_URL");
    return webhookNotifier(url, {
      ...(env.FIREBREAK_NOTIFY_SECRET ? { secret: env.FIREBREAK_NOTIFY_SECRET } : {}),
    });
  }
  throw new Error(`FIREBREAK_NOTIFY must be none, log or webhook, got "${kind}"`);
}
