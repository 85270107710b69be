/**
 * A `fetch` for the Colyseus SDK (`new Client(url, { fetchFn })`) whose requests leave from a given
 * loopback address (any of 127.0.0.0/8 works on Linux without configuration).
 *
 * The server limits matchmaking joins whose code matches no game to 60 per address per minute, and game
 * creations per address (`wrongJoins` and `creations` in server/src/http/limits.ts, applied by
 * server/src/http/matchmake-admission.ts from CrisisRoom's static onAuth). Only wrong codes count, which the
 * bench never sends, and the bench starts its server with creation limits far above its needs; still, the
 * load bench gives each room its own address, as if each class sat behind its own network address: the TCP
 * source address of this fetch, which the server takes as the client's (it ignores client-sent X-Real-IP and
 * X-Forwarded-For unless FIREBREAK_TRUST_PROXY trusts the peer). The WebSocket itself still comes from
 * 127.0.0.1 (the SDK's WebSocket has no local-address option; the limit does not look at it).
 */
import http from "node:http";

/** A fetch (enough of one for the SDK's matchmaking and JSON requests) bound to `localAddress`. */
export function fetchFrom(localAddress: string): typeof fetch {
  return (async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(typeof input === "string" || input instanceof URL ? input : input.url);
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((v, k) => {
      headers[k] = v;
    });
    const body = typeof init?.body === "string" ? init.body : undefined;
    if (body !== undefined) headers["content-length"] = String(Buffer.byteLength(body));
    return await new Promise<Response>((resolve, reject) => {
      const req = http.request(
        url,
        { method: init?.method ?? "GET", headers, localAddress, agent: false },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("error", reject);
          res.on("end", () => {
            const h = new Headers();
            for (const [k, v] of Object.entries(res.headers))
              if (v !== undefined) h.set(k, Array.isArray(v) ? v.join(", ") : v);
            const status = res.statusCode ?? 500;
            resolve(
              new Response(status === 204 || status === 304 ? null : Buffer.concat(chunks), {
                status,
                statusText: res.statusMessage ?? "",
                headers: h,
              }),
            );
          });
        },
      );
      req.on("error", reject);
      if (body !== undefined) req.write(body);
      req.end();
    });
  }) as typeof fetch;
}

/** The source address of room `i` of a run: 127.1.x.y, never 127.0.0.1. */
export function roomAddress(i: number): string {
  return `127.1.${1 + Math.floor(i / 200)}.${1 + (i % 200)}`;
}
