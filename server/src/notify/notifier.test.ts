import { createHmac } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import type { Notice } from "./notices.ts";
import { logNotifier, notifierFromEnv, silent, webhookNotifier } from "./notifier.ts";

const notice: Notice = { kind: "turnResolved", gameId: "g1", name: "Class", turn: 3, nextTurn: 4, at: 1 };

/** A local endpoint that records each request's body and signature and answers `status`. */
async function endpoint(status: number) {
  const got: Array<{ body: string; signature: string | undefined }> = [];
  const srv = createServer((req: IncomingMessage, res) => {
    let body = "";
    req.on("data", (d: Buffer) => (body += d.toString()));
    req.on("end", () => {
      got.push({ body, signature: req.headers["x-firebreak-signature"] as string | undefined });
      res.statusCode = status;
      res.end();
    });
  });
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(srv.address() as AddressInfo).port}/hook`;
  return { got, url, close: () => new Promise<void>((r) => srv.close(() => r())) };
}

describe("notifiers", () => {
  it("log: one JSON line per notice", () => {
    const lines: string[] = [];
    logNotifier((l) => lines.push(l)).notify(notice);
    expect(lines).toEqual([`firebreak-notice ${JSON.stringify(notice)}\n`]);
  });

  it("webhook: POSTs the notice, signed with HMAC-SHA256", async () => {
    const ep = await endpoint(204);
    try {
      const hook = webhookNotifier(ep.url, { secret: "s3cret" });
      hook.notify(notice);
      await hook.close();
      expect(hook.stats).toEqual({ sent: 1, failed: 0, dropped: 0 });
      const body = ep.got[0]?.body ?? "";
      expect(JSON.parse(body)).toEqual(notice);
      expect(ep.got[0]?.signature).toBe(
        `sha256=${createHmac("sha256", "s3cret").update(body).digest("hex")}`,
      );
    } finally {
      await ep.close();
    }
  });

  it("webhook: a failing endpoint is counted, never thrown; a full queue drops", async () => {
    const ep = await endpoint(500);
    try {
      const hook = webhookNotifier(ep.url, { concurrency: 1, queueLimit: 1 });
      hook.notify(notice);
      hook.notify(notice);
      hook.notify(notice);
      await hook.close();
      expect(hook.stats.failed).toBe(2);
      expect(hook.stats.dropped).toBe(1);
    } finally {
      await ep.close();
    }
  });

  it("from the environment: none, log, webhook (with a URL); anything else is refused", () => {
    expect(notifierFromEnv({})).toBe(silent);
    expect(notifierFromEnv({ FIREBREAK_NOTIFY: "none" })).toBe(silent);
    expect(notifierFromEnv({ FIREBREAK_NOTIFY: "log" })).not.toBe(silent);
    expect(() => notifierFromEnv({ FIREBREAK_NOTIFY: "webhook" })).toThrow(/FIREBREAK_NOTIFY_URL/);
    expect(() => notifierFromEnv({ FIREBREAK_NOTIFY: "webhook", FIREBREAK_NOTIFY_URL: "ftp://x" })).toThrow(
      /http/,
    );
    expect(() => notifierFromEnv({ FIREBREAK_NOTIFY: "email" })).toThrow(/none, log or webhook/);
  });
});
