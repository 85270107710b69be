/**
 * One front door for every HTTP request. Node calls every "request" listener of a server in turn and none can
 * stop the others, so refusing a request from a prepended listener would still let Colyseus and Express
 * answer it too. `gateRequests` takes the listeners the server has (Colyseus' router, which hands
 * non-matchmaking requests to Express, and client-address.ts's stamp) and calls them only for requests the
 * gate lets through.
 */
import type { IncomingMessage, Server, ServerResponse } from "node:http";

/**
 * Decides a request: answers it itself, or calls `pass` (at most once) to hand it to the server's listeners.
 */
export type Gate = (req: IncomingMessage, res: ServerResponse, pass: () => void) => void;

/**
 * Puts `gate` in front of every "request" listener `server` has now; call it after the last listener is
 * added.
 */
export function gateRequests(server: Server, gate: Gate): void {
  const listeners = server.listeners("request") as Array<(req: IncomingMessage, res: ServerResponse) => void>;
  server.removeAllListeners("request");
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    gate(req, res, () => {
      for (const listener of listeners) listener.call(server, req, res);
    });
  });
}
