/**
 * Security headers on every HTTP answer (the page, the API, Colyseus' matchmaking route, refusals), set by
 * helmet before any route runs, and the cache policy of the built client.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { basename, sep } from "node:path";
import helmet from "helmet";
import { requestHost } from "./origins.ts";

/**
 * The Content-Security-Policy directives. `connect-src` names the WebSocket endpoint on the page's own host
 * explicitly (ws: and wss:), since older browsers do not count ws: as 'self'. Phaser sets canvas styles
 * through the CSSOM and Vite emits the CSS as a file, so no inline style or script is allowed.
 */
export function cspDirectives(host: string | null): Record<string, string[]> {
  return {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'", ...(host ? [`ws://${host}`, `wss://${host}`] : [])],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
}

/** The Content-Security-Policy header value for a page served to `host`. */
export function cspHeader(host: string | null): string {
  return Object.entries(cspDirectives(host))
    .map(([name, values]) => `${name} ${values.join(" ")}`)
    .join(";");
}

/**
 * Sets the security headers on a response: CSP, nosniff, Referrer-Policy no-referrer, frame and cross-origin
 * policies; removes X-Powered-By.
 */
export function securityHeaders(
  trustForwardedHost: boolean,
): (req: IncomingMessage, res: ServerResponse) => void {
  const csp = helmet.contentSecurityPolicy({
    useDefaults: false,
    directives: {
      ...cspDirectives(null),
      "connect-src": [
        "'self'",
        (req: IncomingMessage) => {
          const host = requestHost(req.headers, trustForwardedHost);
          return host ? `ws://${host} wss://${host}` : "'self'";
        },
      ],
    },
  });
  const others = helmet({
    contentSecurityPolicy: false,
    // HSTS belongs to whoever terminates TLS (the reverse proxy); sent over plain HTTP it is ignored anyway.
    strictTransportSecurity: false,
    referrerPolicy: { policy: "no-referrer" },
    xFrameOptions: { action: "deny" },
    crossOriginResourcePolicy: { policy: "same-origin" },
  });
  return (req, res) => {
    // helmet fails only on a directive value it cannot send (requestHost never gives one); the fixed policy
    // stands in.
    csp(req, res, (err?: unknown) => {
      if (err) res.setHeader("Content-Security-Policy", cspHeader(null));
    });
    others(req, res, () => {});
  };
}

/**
 * Cache policy of the built client: hashed files under /assets/ forever, index.html revalidated on every
 * load.
 */
export function clientCacheHeaders(res: ServerResponse, path: string): void {
  if (path.includes(`${sep}assets${sep}`))
    res.setHeader("Cache-Control", "public, max-age=31536000, immutable");
  else if (basename(path) === "index.html") res.setHeader("Cache-Control", "no-cache");
}
