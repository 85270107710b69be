/**
 * Which web origins may use the server from a browser: the page's own origin (the one whose host the request
 * is addressed to) and those listed in FIREBREAK_ALLOWED_ORIGINS. Colyseus' default answers any Origin with
 * `Access-Control-Allow-Origin: <that origin>` and credentials, on every HTTP route; here only allowed
 * origins get CORS headers, and a WebSocket upgrade from a foreign origin is refused. A request without
 * Origin (curl, the Node SDK, a same-origin navigation) is not a cross-origin browser request and is left
 * alone.
 */
import type { IncomingHttpHeaders } from "node:http";
import { matchMaker, type AuthContext } from "@colyseus/core";

/**
 * Parses FIREBREAK_ALLOWED_ORIGINS: comma-separated origins (`https://class.example.org`); throws on anything
 * that is not an origin.
 */
export function parseAllowedOrigins(v: string | undefined): string[] {
  if (v === undefined || v.trim() === "") return [];
  return v.split(",").map((raw) => {
    const s = raw.trim();
    let origin: string;
    try {
      origin = new URL(s).origin;
    } catch {
      throw new Error(`FIREBREAK_ALLOWED_ORIGINS: "${s}" is not an origin like https://class.example.org`);
    }
    if (origin === "null" || origin !== s.replace(/\/$/, "").toLowerCase())
      throw new Error(
        `FIREBREAK_ALLOWED_ORIGINS: "${s}" is not an origin like https://class.example.org (scheme, host and port only)`,
      );
    return origin;
  });
}

/**
 * Which origins are allowed, and whether X-Forwarded-Host (set by a trusted reverse proxy) names the server's
 * host.
 */
export interface OriginPolicy {
  allowed: readonly string[];
  trustForwardedHost: boolean;
}

/** A header's first value from either Node's header record or a Fetch `Headers`. */
function header(headers: IncomingHttpHeaders | Headers, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const v = headers[name];
  return (Array.isArray(v) ? v[0] : v) ?? undefined;
}

/**
 * The host (`name[:port]`) the client addressed: Host, or the first X-Forwarded-Host when a trusted proxy
 * sets it; null if malformed.
 */
export function requestHost(
  headers: IncomingHttpHeaders | Headers,
  trustForwardedHost: boolean,
): string | null {
  const forwarded = trustForwardedHost
    ? header(headers, "x-forwarded-host")?.split(",")[0]?.trim()
    : undefined;
  const host = (forwarded || header(headers, "host") || "").toLowerCase();
  return /^([a-z0-9.-]+|\[[0-9a-f:.]+\])(:\d{1,5})?$/.test(host) ? host : null;
}

/** True when `origin` may use the server from a browser: the request's own host, or a configured origin. */
export function originAllowed(
  origin: string,
  headers: IncomingHttpHeaders | Headers,
  policy: OriginPolicy,
): boolean {
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (parsed.origin === "null") return false;
  if (policy.allowed.includes(parsed.origin)) return true;
  const host = requestHost(headers, policy.trustForwardedHost);
  return host !== null && parsed.host === host;
}

/** The CORS headers for a request: the full set for an allowed Origin, none for a foreign or missing one. */
export function corsHeaders(
  headers: IncomingHttpHeaders | Headers,
  policy: OriginPolicy,
): Record<string, string> {
  const origin = header(headers, "origin");
  if (!origin || !originAllowed(origin, headers, policy)) return {};
  return {
    "Access-Control-Allow-Origin": origin,
    "Access-Control-Allow-Credentials": "true",
    "Access-Control-Allow-Headers": "Origin, X-Requested-With, Content-Type, Accept, Authorization",
    "Access-Control-Allow-Methods": "GET,HEAD,POST",
    "Access-Control-Max-Age": "600",
    Vary: "Origin",
  };
}

/**
 * Replaces Colyseus' CORS answer (process-wide: its matchmaking controller is a singleton). Colyseus merges
 * DEFAULT_CORS_HEADERS (which carry `Access-Control-Allow-Origin: *`) with getCorsHeaders() and sets them on
 * every HTTP response, Express routes included, and answers every OPTIONS with them.
 */
export function restrictCors(policy: OriginPolicy): void {
  const controller = matchMaker.controller as {
    DEFAULT_CORS_HEADERS: Record<string, string>;
    getCorsHeaders: (headers: Headers) => Record<string, string>;
  };
  controller.DEFAULT_CORS_HEADERS = {};
  controller.getCorsHeaders = (headers: Headers) => corsHeaders(headers, policy);
}

/**
 * For the WebSocket transport's `beforeUpgrade`: a 403 for an upgrade whose Origin is foreign, nothing
 * otherwise.
 */
export function refuseForeignUpgrade(
  policy: OriginPolicy,
): (request: Request, context: Readonly<AuthContext>) => Response | undefined {
  return (_request, context) => {
    const origin = context.headers.get("origin");
    if (!origin || originAllowed(origin, context.headers, policy)) return undefined;
    return Response.json(
      {
        code: "FOREIGN_ORIGIN",
        message: `WebSocket connections from ${origin} are not allowed; the server's operator can list it in FIREBREAK_ALLOWED_ORIGINS.`,
      },
      { status: 403, headers: { "X-Content-Type-Options": "nosniff" } },
    );
  };
}
