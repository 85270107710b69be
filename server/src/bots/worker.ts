/**
 * A bot worker thread: answers each request with `botTurn(view, spec, rngFromSeed(seed))`, the decision the
 * room would make itself.
 */
import { parentPort } from "node:worker_threads";
import { botTurn, rngFromSeed } from "@firebreak/shared";
import type { BotReply, BotRequest } from "./pool.ts";

parentPort?.on("message", (request: BotRequest) => {
  let reply: BotReply;
  try {
    reply = { id: request.id, turn: botTurn(request.view, request.spec, rngFromSeed(request.seed)) };
  } catch (e) {
    reply = { id: request.id, error: (e as Error).message };
  }
  parentPort?.postMessage(reply);
});
