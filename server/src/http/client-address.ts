/**
 * The client's network address for Colyseus' matchmaking route. Colyseus 0.18 builds that route's auth
 * context from the X-Real-IP, X-Forwarded-For and X-Client-IP headers only (no peer address), so a client
 * could name any address it liked and dodge the wrong-code limit on joins. Every HTTP request's X-Real-IP is
 * overwritten, before Colyseus reads it, with the address the server believes: the peer's, or, behind proxies
 * trusted by FIREBREAK_TRUST_PROXY, the first untrusted hop of X-Forwarded-For (what Express gives as
 * `req.ip`).
 */
import type { IncomingMessage, Server } from "node:http";

/** Express's compiled "trust proxy" test: is the address at hop `i` (0 = the peer) a trusted proxy? */
export type TrustProxy = (address: string, hop: number) => boolean;

/**
 * The address the server believes for a request: walks X-Forwarded-For back from the peer while each hop is
 * trusted.
 */
export function clientAddress(req: IncomingMessage, trust: TrustProxy): string {
  const peer = req.socket.remoteAddress ?? "unknown";
  const header = req.headers["x-forwarded-for"];
  const forwarded = (Array.isArray(header) ? header.join(",") : (header ?? ""))
    .split(",")
    .map((a) => a.trim())
    .filter((a) => a.length > 0)
    .reverse();
  const hops = [peer, ...forwarded];
  let i = 0;
  while (i < hops.length - 1 && trust(hops[i] as string, i)) i++;
  return hops[i] as string;
}

/**
 * Makes every request on `server` carry the believed client address in X-Real-IP, ahead of every other
 * listener.
 */
export function stampClientAddress(server: Server, trust: TrustProxy): void {
  server.prependListener("request", (req: IncomingMessage) => {
    req.headers["x-real-ip"] = clientAddress(req, trust);
  });
}
