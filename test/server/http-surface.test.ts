/**
 * The HTTP surface of a real server: security headers on every answer, CORS for the own and configured
 * origins only, WebSocket upgrades from foreign origins refused, metrics behind the operator token, records
 * behind a member's token, oversized matchmaking bodies refused before they are read, matchmaking that never
 * hands out a room id without its code, and the limits on creating games.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join as joinPath } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { Client, type SeatReservation } from "@colyseus/sdk";
import { resetRateLimits } from "../../server/src/http/limits.ts";
import { services } from "../../server/src/services.ts";
import type { ServerConfig } from "../../server/src/main.ts";
import { create, join, testServer, joinSeat } from "./harness.ts";

const OPERATOR = "operator-secret-0123456789";
let srv: Awaited<ReturnType<typeof testServer>> | null = null;

async function start(overrides: Partial<ServerConfig> = {}): Promise<NonNullable<typeof srv>> {
  srv = await testServer(overrides);
  return srv;
}

afterEach(async () => {
  await srv?.close();
  srv = null;
  resetRateLimits();
});

/** A built client stand-in: index.html and one hashed asset. */
function clientDir(): string {
  const dir = mkdtempSync(joinPath(tmpdir(), "fb-client-"));
  mkdirSync(joinPath(dir, "assets"));
  writeFileSync(
    joinPath(dir, "index.html"),
    '<!doctype html><script type="module" src="/assets/index-abc123.js"></script>',
  );
  writeFileSync(joinPath(dir, "assets", "index-abc123.js"), "console.log('hi');");
  return dir;
}

/** POSTs JSON to a matchmaking route by hand, as a script would (no SDK). */
async function matchmake(
  http: string,
  route: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${http}/matchmake/${route}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

/** The error message a refused SDK call rejects with. */
async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return (e as Error).message;
  }
  return "(not refused)";
}

/**
 * Sends a body far over the cap (announced by Content-Length, or chunked), stopping once the server has
 * answered.
 */
function postHuge(
  port: number,
  path: string,
  mode: "length" | "chunked",
): Promise<{ status: number; body: string; sent: number }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { "Content-Type": "application/json" };
    if (mode === "length") headers["Content-Length"] = String(600 * 1024 * 1024);
    const req = request({ host: "127.0.0.1", port, path, method: "POST", headers });
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    let answered = false;
    let sent = 0;
    req.on("response", (res) => {
      answered = true;
      let body = "";
      res.on("data", (d: Buffer) => (body += d.toString()));
      res.on("end", () => {
        req.destroy();
        resolve({ status: res.statusCode ?? 0, body, sent });
      });
    });
    req.on("error", (e) => {
      if (!answered) reject(e);
    });
    const pump = (): void => {
      while (!answered && sent < 64 * 1024 * 1024) {
        sent += chunk.length;
        if (!req.write(chunk)) {
          req.once("drain", pump);
          return;
        }
      }
    };
    pump();
  });
}

/** Attempts a WebSocket upgrade with the given headers: the status of the answer (101 when upgraded). */
function upgrade(port: number, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({
      host: "127.0.0.1",
      port,
      path: "/",
      headers: {
        Connection: "Upgrade",
        Upgrade: "websocket",
        "Sec-WebSocket-Version": "13",
        "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==",
        ...headers,
      },
    });
    req.on("upgrade", (res, socket) => {
      socket.destroy();
      resolve({ status: res.statusCode ?? 0, body: "" });
    });
    req.on("response", (res) => {
      let body = "";
      res.on("data", (d: Buffer) => (body += d.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("security headers", () => {
  it("the page, its assets, the API and the matchmaking route all carry them; no X-Powered-By", async () => {
    const s = await start({ clientDir: clientDir() });
    const page = await fetch(`${s.http}/`);
    expect(page.status).toBe(200);
    const csp = page.headers.get("content-security-policy") ?? "";
    for (const d of [
      "default-src 'self'",
      "script-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
      "img-src 'self' data: blob:",
    ])
      expect(csp).toContain(d);
    expect(csp).toContain(`connect-src 'self' ws://127.0.0.1:${s.port} wss://127.0.0.1:${s.port}`);
    expect(page.headers.get("cache-control")).toBe("no-cache");
    const asset = await fetch(`${s.http}/assets/index-abc123.js`);
    expect(asset.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const answers = [
      page,
      asset,
      await fetch(`${s.http}/api/health`),
      await fetch(`${s.http}/api/scenarios`),
      await fetch(`${s.http}/api/games/ZZZZZZ`),
      await fetch(`${s.http}/matchmake/create/crisis`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ scenario: "tutorial", name: "Headers" }),
      }),
    ];
    for (const res of answers) {
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("referrer-policy")).toBe("no-referrer");
      expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
      expect(res.headers.get("x-frame-options")).toBe("DENY");
      expect(res.headers.get("x-powered-by")).toBe(null);
    }
  });
});

describe("CORS", () => {
  it("answers the page's own origin and configured ones, never a foreign origin", async () => {
    const s = await start({ allowedOrigins: ["https://class.example.net"] });
    const own = `http://127.0.0.1:${s.port}`;
    for (const path of ["/api/scenarios", "/api/health"]) {
      const foreign = await fetch(`${s.http}${path}`, { headers: { Origin: "https://evil.example" } });
      expect(foreign.headers.get("access-control-allow-origin")).toBe(null);
      expect(foreign.headers.get("access-control-allow-credentials")).toBe(null);
      expect(
        (await fetch(`${s.http}${path}`, { headers: { Origin: own } })).headers.get(
          "access-control-allow-origin",
        ),
      ).toBe(own);
      expect(
        (await fetch(`${s.http}${path}`, { headers: { Origin: "https://class.example.net" } })).headers.get(
          "access-control-allow-origin",
        ),
      ).toBe("https://class.example.net");
      expect((await fetch(`${s.http}${path}`)).headers.get("access-control-allow-origin")).toBe(null);
    }
    const preflight = (origin: string) =>
      fetch(`${s.http}/matchmake/create/crisis`, {
        method: "OPTIONS",
        headers: {
          Origin: origin,
          "Access-Control-Request-Method": "POST",
          "Access-Control-Request-Headers": "content-type",
        },
      });
    const foreign = await preflight("https://evil.example");
    expect(foreign.status).toBe(204);
    expect(foreign.headers.get("access-control-allow-origin")).toBe(null);
    const mine = await preflight(own);
    expect(mine.headers.get("access-control-allow-origin")).toBe(own);
    expect(mine.headers.get("access-control-allow-methods")).toContain("POST");
    const created = await matchmake(
      s.http,
      "create/crisis",
      { scenario: "tutorial", name: "Cross" },
      { Origin: "https://evil.example" },
    );
    expect(created.status).toBe(200);
  });

  it("refuses a WebSocket upgrade from a foreign origin; the own origin, configured ones and clients without Origin connect", async () => {
    const s = await start({ allowedOrigins: ["https://class.example.net"] });
    const foreign = await upgrade(s.port, { Origin: "https://evil.example" });
    expect(foreign.status).toBe(403);
    expect(JSON.parse(foreign.body)).toMatchObject({ code: "FOREIGN_ORIGIN" });
    expect((await upgrade(s.port, { Origin: `http://127.0.0.1:${s.port}` })).status).toBe(101);
    expect((await upgrade(s.port, { Origin: "https://class.example.net" })).status).toBe(101);
    expect((await upgrade(s.port, {})).status).toBe(101);
    // The SDK in Node sends no Origin: a whole create-and-join still works.
    const solo = await create(s.url, { scenario: "tutorial", name: "Origin", solo: { seat: "aldmark" } });
    expect(solo.view.session.phase).toBe("planning");
  });
});

describe("GET /api/metrics", () => {
  it("is closed, with a word on how to open it, when no operator token is configured", async () => {
    const s = await start({ operatorToken: null });
    const res = await fetch(`${s.http}/api/metrics`, { headers: { Authorization: `Bearer ${OPERATOR}` } });
    expect(res.status).toBe(403);
    const body = (await res.json()) as { code: string; message: string };
    expect(body.code).toBe("METRICS_DISABLED");
    expect(body.message).toContain("FIREBREAK_OPERATOR_TOKEN");
  });

  it("answers only the operator token", async () => {
    const s = await start({ operatorToken: OPERATOR });
    for (const headers of [
      {},
      { Authorization: "Bearer wrong-secret-0123456789" },
      { Authorization: OPERATOR },
      { Authorization: `Basic ${OPERATOR}` },
    ]) {
      const res = await fetch(`${s.http}/api/metrics`, { headers });
      expect(res.status).toBe(401);
      expect(((await res.json()) as { code: string }).code).toBe("BAD_TOKEN");
    }
    const ok = await fetch(`${s.http}/api/metrics?since=0`, {
      headers: { Authorization: `Bearer ${OPERATOR}` },
    });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({
      rooms: 0,
      since: 0,
      requests: { count: 0 },
      turns: { count: 0 },
    });
  });
});

describe("GET /api/records/:gameId", () => {
  it(
    "answers a member's seat token or the facilitator key of that game, once it has ended; every " +
      "other caller gets the same 401",
    async () => {
      const s = await start();
      const fac = await create(s.url, {
        scenario: "tutorial",
        name: "Records",
        seed: "records-1",
        turnSeconds: 0,
      });
      const gameId = fac.room.roomId;
      const ana = await joinSeat(s.url, fac, "Ana", "aldmark");
      const other = await create(s.url, { scenario: "tutorial", name: "Other", solo: { seat: "aldmark" } });
      const get = async (id: string, authorization?: string) => {
        const res = await fetch(`${s.http}/api/records/${id}`, {
          headers: authorization ? { Authorization: authorization } : {},
        });
        return {
          status: res.status,
          body: (await res.json()) as Record<string, unknown>,
          auth: res.headers.get("www-authenticate"),
        };
      };
      expect((await get(gameId, `Bearer ${fac.token}`)).body.code).toBe("NOT_PLAYING");
      expect((await get(gameId)).status).toBe(401);

      expect((await fac.ask("fac:start")).ok).toBe(true);
      expect((await fac.ask("fac:end")).ok).toBe(true);
      await ana.until((v) => v.session.phase === "ended");

      const refused = await get(gameId);
      expect(refused.status).toBe(401);
      expect(refused.body.code).toBe("BAD_TOKEN");
      expect(refused.auth).toContain("Bearer");
      // No id oracle: a missing game, a malformed id and a wrong token all answer exactly the same.
      for (const [id, auth] of [
        [gameId, "Bearer not-a-token-of-this-game"],
        [gameId, `Bearer ${other.token}`],
        [gameId, ana.token],
        ["gNoSuchGame", `Bearer ${ana.token}`],
        ["not-an-id", `Bearer ${ana.token}`],
      ] as const) {
        expect(await get(id, auth)).toEqual(refused);
      }
      for (const token of [ana.token, fac.token]) {
        const ok = await get(gameId, `Bearer ${token}`);
        expect(ok.status).toBe(200);
        expect(ok.body).toMatchObject({ format: "firebreak-record", seed: "records-1" });
        expect(JSON.stringify(ok.body)).not.toContain(token);
      }
      expect((await get(gameId, `bearer ${ana.token}`)).status).toBe(200);
    },
  );
});

describe("matchmaking request bodies", () => {
  it("answers 413 PAYLOAD_TOO_LARGE to a huge body, announced or chunked, without reading it; the server answers on", async () => {
    const s = await start({ maxBodyBytes: 16 * 1024 });
    for (const mode of ["length", "chunked"] as const) {
      const r = await postHuge(s.port, "/matchmake/create/crisis", mode);
      expect(r.status).toBe(413);
      expect(JSON.parse(r.body)).toEqual({
        code: "PAYLOAD_TOO_LARGE",
        message: "Request bodies are limited to 16384 bytes.",
      });
      expect(r.sent).toBeLessThan(64 * 1024 * 1024);
    }
    expect((await fetch(`${s.http}/api/health`)).status).toBe(200);
    const created = await matchmake(s.http, "create/crisis", {
      scenario: "tutorial",
      name: "After the flood",
    });
    expect(created.status).toBe(200);
    expect(typeof created.json.roomId).toBe("string");
  });

  it(
    "the API too answers a chunked body over the cap, and any route malformed JSON, with { code, " +
      "message }, never a stack trace",
    async () => {
      const s = await start();
      const big = await postHuge(s.port, "/api/health", "chunked");
      expect(big.status).toBe(413);
      expect(JSON.parse(big.body)).toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
      for (const path of ["/api/health", "/matchmake/create/crisis"]) {
        const bad = await fetch(`${s.http}${path}`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: "{bad",
        });
        expect(bad.status).toBe(400);
        const text = await bad.text();
        expect(JSON.parse(text)).toMatchObject({ code: "INVALID_REQUEST" });
        expect(text).not.toContain("node_modules");
      }
    },
  );

  it("reads a chunked body within the cap and hands it to Colyseus", async () => {
    const s = await start();
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request({
        host: "127.0.0.1",
        port: s.port,
        path: "/matchmake/create/crisis",
        method: "POST",
        headers: { "Content-Type": "application/json" },
      });
      req.on("response", (res) => {
        let body = "";
        res.on("data", (d: Buffer) => (body += d.toString()));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on("error", reject);
      req.write('{"scenario":"tutorial",');
      req.end('"name":"Chunked"}');
    });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ name: "crisis" });
  });
});

describe("matchmaking never hands out a room id without its code", () => {
  it("refuses joins without a code or token, by hand and through the SDK, with no room id in the answer", async () => {
    const s = await start();
    const fac = await create(s.url, { scenario: "tutorial", name: "Hidden", turnSeconds: 0 });
    const gameId = fac.room.roomId;
    const code = fac.view.session.code;
    for (const [route, body] of [
      ["join/crisis", {}],
      ["joinOrCreate/crisis", {}],
      ["joinOrCreate/crisis", { scenario: "tutorial", name: "Sneaky" }],
      ["join/crisis", { name: "Sneaky", role: "observer" }],
      [`joinById/${gameId}`, {}],
      [`joinById/${gameId}`, { code: "AAAAAA" }],
      ["join/crisis", { token: "not-a-token-of-any-game" }],
    ] as const) {
      const r = await matchmake(s.http, route, body);
      expect(r.status).not.toBe(200);
      expect(String(r.json.error)).toMatch(/^(BAD_CODE|BAD_TOKEN): /);
      expect(JSON.stringify(r.json)).not.toContain(gameId);
    }
    const sdk = new Client(s.url);
    expect(await refusal(sdk.join("crisis", {}))).toMatch(/^BAD_CODE: /);
    expect(await refusal(sdk.joinOrCreate("crisis", {}))).toMatch(/^BAD_CODE: /);
    expect(await refusal(sdk.joinById(gameId, {}))).toMatch(/^BAD_CODE: /);
    expect(await refusal(sdk.join("crisis", { code: "AAAAAA" }))).toMatch(/no rooms found/);

    // With the code (typed loosely) or a member's token the join goes to that game, even with another game
    // running.
    await create(s.url, { scenario: "tutorial", name: "Decoy", solo: { seat: "aldmark" } });
    const typed = `${code.slice(0, 3).toLowerCase()}-${code.slice(3).toLowerCase()}`;
    const byCode = await sdk.join("crisis", { code: typed, name: "Ana", role: "player", seat: "aldmark" });
    expect(byCode.roomId).toBe(gameId);
    const byToken = await sdk.join("crisis", { token: fac.token });
    expect(byToken.roomId).toBe(gameId);
    const byId = await matchmake(s.http, `joinById/${gameId}`, { code, name: "Ben", role: "observer" });
    expect(byId.status).toBe(200);
    expect(byId.json.roomId).toBe(gameId);
    // Take the reserved seat (an unused reservation would hold the room open for its 15 s at shutdown).
    expect((await sdk.consumeSeatReservation(byId.json as unknown as SeatReservation)).roomId).toBe(gameId);
  });
});

describe("creating games", () => {
  it("limits creations per address (an IPv6 /64 counts as one), with RATE_LIMITED", async () => {
    const s = await start({ createsPerWindow: 2, trustProxy: "loopback" });
    const from = (address: string) => new Client(s.url, { headers: { "X-Forwarded-For": address } });
    const options = { scenario: "tutorial", name: "Limited" };
    for (let i = 0; i < 2; i++) await (await from("203.0.113.5").create("crisis", options)).leave();
    expect(await refusal(from("203.0.113.5").create("crisis", options))).toMatch(
      /^RATE_LIMITED: at most 2 new games per 10 minutes/,
    );
    const raw = await matchmake(s.http, "create/crisis", options, { "X-Forwarded-For": "203.0.113.5" });
    expect(raw.json).toMatchObject({ error: expect.stringMatching(/^RATE_LIMITED: /) });
    expect(raw.json.roomId).toBeUndefined();
    await (await from("203.0.113.9").create("crisis", options)).leave();

    await (await from("2001:db8:1:2::1").create("crisis", options)).leave();
    await (await from("2001:db8:1:2::ffff").create("crisis", options)).leave();
    expect(await refusal(from("2001:db8:1:2:abcd::7").create("crisis", options))).toMatch(/^RATE_LIMITED: /);
    await (await from("2001:db8:1:3::1").create("crisis", options)).leave();
  });

  it("refuses creations past the cap on live games with SERVER_FULL; joins still work", async () => {
    const s = await start({ maxGames: 2 });
    const fac = await create(s.url, { scenario: "tutorial", name: "One", turnSeconds: 0 });
    await create(s.url, { scenario: "tutorial", name: "Two", solo: { seat: "aldmark" } });
    expect(
      await refusal(new Client(s.url).create("crisis", { scenario: "tutorial", name: "Three" })),
    ).toMatch(/^SERVER_FULL: this server holds its limit of 2 games/);
    const ana = await join(s.url, fac.room.roomId, {
      code: fac.view.session.code,
      name: "Ana",
      role: "player",
      seat: "aldmark",
    });
    expect(ana.view.session.code).toBe(fac.view.session.code);
  });

  it("holds the cap when many creations arrive at once: every one past it is refused, none is stored", async () => {
    const s = await start({ maxGames: 2, createsPerWindow: 50 });
    const tries = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) =>
        new Client(s.url).create("crisis", { scenario: "tutorial", name: `Rush ${i}`, turnSeconds: 0 }),
      ),
    );
    const made = tries.filter((t) => t.status === "fulfilled");
    const refused = tries.flatMap((t) =>
      t.status === "rejected" ? [String((t.reason as Error).message)] : [],
    );
    expect(made).toHaveLength(2);
    expect(refused).toHaveLength(10);
    for (const r of refused) expect(r).toMatch(/SERVER_FULL/);
    expect(services().store.unfinished()).toHaveLength(2);
  });
});
