/**
 * Bare WebSocket echo server for the load bench's floor: the `ws` package (the library under Colyseus'
 * WebSocket transport), on 127.0.0.1, in its own process like the game server. It echoes every
 * message unchanged and prints `{"port":N}` on one line once it listens. Exits on SIGTERM or when
 * its parent's stdin closes.
 */
import type { AddressInfo } from "node:net";
import { WebSocketServer } from "ws";

const wss = new WebSocketServer({ host: "127.0.0.1", port: 0 });
wss.on("connection", (ws) => {
  ws.on("message", (data, isBinary) => ws.send(data as Buffer, { binary: isBinary }));
});
wss.on("listening", () =>
  process.stdout.write(`${JSON.stringify({ port: (wss.address() as AddressInfo).port })}\n`),
);
process.on("SIGTERM", () => process.exit(0));
process.stdin.on("end", () => process.exit(0));
process.stdin.resume();
