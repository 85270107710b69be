/**
 * Behind a reverse proxy the wrong-code limits key on the client's address from X-Forwarded-For, and only
 * then; otherwise on the peer's address.
 */
import { afterEach, describe, expect, it } from "vitest";
import { parseTrustProxy } from "../../server/src/main.ts";
import { Client } from "@colyseus/sdk";
import { JOIN_ATTEMPTS, resetRateLimits } from "../../server/src/http/routes.ts";
import { testServer } from "./harness.ts";

let srv: Awaited<ReturnType<typeof testServer>> | null = null;
afterEach(async () => {
  await srv?.close();
  srv = null;
  resetRateLimits();
});

async function wrongCode(from: string): Promise<number> {
  return (await fetch(`${srv?.http}/api/games/ZZZZZZ`, { headers: { "X-Forwarded-For": from } })).status;
}

/**
 * A matchmaking join with a code that matches no game, sending `headers`: "limited" once the limit applies,
 * else "refused".
 */
async function wrongJoin(headers: Record<string, string>): Promise<"joined" | "limited" | "refused"> {
  try {
    await new Client(srv?.url ?? "", { headers }).join("crisis", { code: "ZZZZZZ", name: "Guess" });
    return "joined";
  } catch (e) {
    return /RATE_LIMITED/.test(String((e as Error).message)) ? "limited" : "refused";
  }
}

describe("FIREBREAK_TRUST_PROXY", () => {
  it("parses hop counts, booleans and address lists", () => {
    expect(parseTrustProxy(undefined)).toBe(false);
    expect(parseTrustProxy("")).toBe(false);
    expect(parseTrustProxy("false")).toBe(false);
    expect(parseTrustProxy("true")).toBe(true);
    expect(parseTrustProxy("1")).toBe(1);
    expect(parseTrustProxy("loopback, 10.0.0.0/8")).toBe("loopback, 10.0.0.0/8");
  });

  it("with a trusted proxy, each client behind it has its own limit", async () => {
    srv = await testServer({ trustProxy: "loopback" });
    for (let i = 0; i < 10; i++) expect(await wrongCode("203.0.113.5")).toBe(404);
    expect(await wrongCode("203.0.113.5")).toBe(429);
    expect(await wrongCode("203.0.113.9")).toBe(404);
  });

  it("without one, the header is ignored: it cannot be used to dodge the limit", async () => {
    srv = await testServer();
    for (let i = 0; i < 10; i++) expect(await wrongCode(`203.0.113.${i}`)).toBe(404);
    expect(await wrongCode("198.51.100.1")).toBe(429);
  });

  it("a join's wrong codes count against the peer's address, whatever X-Real-IP or X-Forwarded-For it sends", async () => {
    srv = await testServer();
    for (let i = 0; i < JOIN_ATTEMPTS; i++)
      expect(await wrongJoin({ "X-Real-IP": `203.0.113.${i}`, "X-Forwarded-For": `198.51.100.${i}` })).toBe(
        "refused",
      );
    expect(await wrongJoin({ "X-Real-IP": "192.0.2.77" })).toBe("limited");
  });

  it("behind a trusted proxy, each client's wrong joins count for that client", async () => {
    srv = await testServer({ trustProxy: "loopback" });
    for (let i = 0; i < JOIN_ATTEMPTS; i++)
      expect(await wrongJoin({ "X-Forwarded-For": "203.0.113.5" })).toBe("refused");
    expect(await wrongJoin({ "X-Forwarded-For": "203.0.113.5" })).toBe("limited");
    expect(await wrongJoin({ "X-Forwarded-For": "203.0.113.9", "X-Real-IP": "203.0.113.5" })).toBe("refused");
  });
});
