/**
 * The small HTTP API: health, scenarios, join-code lookup (rate-limited), records and their exports (members
 * only; record-routes.ts), metrics (operators only), and the built client.
 */
import { existsSync } from "node:fs";
import express, { type Application, type NextFunction, type Request, type Response } from "express";
import {
  scenarioSummary,
  type CodeLookup,
  type Scenario,
  type SessionPhase,
  type WakeAnswer,
} from "@firebreak/shared";
import { matchMaker } from "@colyseus/core";
import { memberByToken, normaliseCode, sameSecret } from "../session/tokens.ts";
import { services } from "../services.ts";
import {
  isAsleep,
  isAwake,
  liveSession,
  roomIdForCode,
  roomsByCode,
  sleepingGame,
} from "../games/registry.ts";
import { lookUpCode } from "../cluster/directory.ts";
import { isReady } from "../cluster/readiness.ts";
import { closedCodeNotice, closedNotice } from "../games/archive.ts";
import { wake } from "../games/wake.ts";
import { timingsSince } from "../metrics.ts";
import { exerciseLookup } from "../exercises/lookup.ts";
import { bearerToken } from "./bearer.ts";
import { installExerciseRoutes } from "./exercise-routes.ts";
import { codeLookups } from "./limits.ts";
import { recordReader } from "./record-access.ts";
import { installRecordRoutes } from "./record-routes.ts";
import { installSummaryRoute } from "./summary-route.ts";
import { installScenarioUploadRoutes } from "../scenarios/routes.ts";
import { serveClient } from "./static.ts";

export { CODE_ATTEMPTS, CODE_WINDOW_MS, JOIN_ATTEMPTS, resetRateLimits } from "./limits.ts";

/** What the routes need beyond the catalogue. */
export interface RouteOptions {
  /**
   * FIREBREAK_OPERATOR_TOKEN: the bearer secret that opens GET /api/metrics; null leaves the route closed.
   */
  operatorToken: string | null;
  /** FIREBREAK_MAX_BODY_BYTES: the largest JSON body Express parses. */
  maxBodyBytes: number;
}

/** Installs the routes on the transport's Express app. */
export function installRoutes(
  app: Application,
  catalogue: ReadonlyMap<string, Scenario>,
  clientDir: string | null,
  startedAt: number,
  options: RouteOptions = { operatorToken: null, maxBodyBytes: 16 * 1024 },
): void {
  app.disable("x-powered-by");
  app.use(express.json({ limit: options.maxBodyBytes }));
  app.get("/api/health", (_req: Request, res: Response) => {
    res.json({
      ok: true,
      uptimeSeconds: Math.round((services().now() - startedAt) / 1000),
      rooms: roomsByCode.size,
      scenarios: catalogue.size,
    });
  });
  // For a load balancer: 503 until the process has restored its games, and again once it shuts down
  // (docs/deploy.md).
  app.get("/api/ready", (_req: Request, res: Response) => {
    res.status(isReady() ? 200 : 503).json({ ready: isReady() });
  });
  app.get("/api/metrics", (req: Request, res: Response) => {
    if (options.operatorToken === null) {
      res.status(403).json({
        code: "METRICS_DISABLED",
        message:
          "Metrics are off: start the server with FIREBREAK_OPERATOR_TOKEN set, and send it as Authorization: Bearer <token>.",
      });
      return;
    }
    const token = bearerToken(req.get("authorization"));
    if (token === null || !sameSecret(token, options.operatorToken)) {
      res
        .status(401)
        .set("WWW-Authenticate", 'Bearer realm="firebreak-metrics"')
        .json({ code: "BAD_TOKEN", message: "Metrics need Authorization: Bearer <the operator token>." });
      return;
    }
    const since = Number(req.query.since ?? 0);
    if (!Number.isFinite(since) || since < 0) {
      res
        .status(400)
        .json({ code: "INVALID_REQUEST", message: "since must be a time in ms since the epoch" });
      return;
    }
    res.json({ rooms: roomsByCode.size, since, ...timingsSince(since) });
  });
  app.get("/api/scenarios", (_req: Request, res: Response) => {
    res.json([...catalogue.values()].map(scenarioSummary));
  });
  app.get("/api/games/:code", async (req: Request, res: Response) => {
    const ip = req.ip ?? req.socket.remoteAddress ?? "?";
    if (codeLookups.exhausted(ip)) {
      res
        .status(429)
        .json({ code: "RATE_LIMITED", message: `Too many wrong codes; wait a minute and try again.` });
      return;
    }
    const code = normaliseCode(String(req.params.code ?? ""));
    // An exercise's code answers with the table to join (docs/protocol.md §20.2).
    const table = await exerciseLookup(code);
    if (table === "none") {
      res.status(410).json({ code: "GAME_OVER", message: "Every table of this exercise has ended." });
      return;
    }
    if (table !== null) {
      res.json(table);
      return;
    }
    // A game asleep (idle, out of memory) wakes when its code is looked up; in a cluster it may run in
    // another process.
    await lookUpCode(code);
    const sleeping = roomIdForCode(code) ? undefined : sleepingGame(code);
    if (sleeping !== undefined) await wake(sleeping).catch(() => undefined);
    const roomId = roomIdForCode(code);
    const rooms = roomId ? await matchMaker.query({ roomId }) : [];
    const room = rooms[0];
    const closed = !roomId ? closedCodeNotice(code) : null;
    if (closed !== null) {
      res.status(410).json({ code: "RULES_CHANGED", message: closed });
      return;
    }
    if (!roomId || !room) {
      codeLookups.hit(ip);
      res.status(404).json({ code: "NO_SUCH_GAME", message: `No game with code ${code}.` });
      return;
    }
    const meta = (room.metadata ?? {}) as { name: string; scenario?: string; phase: SessionPhase };
    const scenario = meta.scenario ? services().scenario(meta.scenario) : undefined;
    const found: CodeLookup = {
      roomId,
      code,
      name: meta.name,
      phase: meta.phase,
      scenario: scenario ? scenarioSummary(scenario) : null,
    };
    res.json(found);
  });
  app.post("/api/games/:gameId/wake", async (req: Request, res: Response) => {
    // A member whose game went to sleep brings it back before rejoining with its token. Same 401 for a wrong
    // token, an unknown game and a malformed id: no id oracle. Only a game that is asleep has its journal
    // read.
    const id = String(req.params.gameId ?? "");
    const token = bearerToken(req.get("authorization"));
    const running = token !== null && isAwake(id) ? liveSession(id) : null;
    if (running) {
      if (token !== null && memberByToken(running, token))
        res.json({ roomId: id, woken: false } satisfies WakeAnswer);
      else
        res.status(401).set("WWW-Authenticate", 'Bearer realm="firebreak-games"').json({
          code: "BAD_TOKEN",
          message:
            "Waking a game needs Authorization: Bearer <a seat token or the facilitator key of that game>.",
        });
      return;
    }
    const entries = token !== null && isAsleep(id) ? services().store.entries(id) : [];
    const first = entries[0];
    const scenario = first?.kind === "create" ? services().scenario(first.options.scenario) : undefined;
    if (token === null || !scenario || !recordReader(entries, scenario, token)) {
      // A member of a game closed because this server runs other rules learns why (§2).
      const closed = isAsleep(id) ? null : closedNotice(id, token);
      if (closed !== null) {
        res.status(410).json({ code: "RULES_CHANGED", message: closed });
        return;
      }
      res.status(401).set("WWW-Authenticate", 'Bearer realm="firebreak-games"').json({
        code: "BAD_TOKEN",
        message:
          "Waking a game needs Authorization: Bearer <a seat token or the facilitator key of that game>.",
      });
      return;
    }
    try {
      await wake(id);
      res.json({ roomId: id, woken: true } satisfies WakeAnswer);
    } catch {
      // Waking it may have closed it, if this server would replay it into a different game (§2).
      const closed = closedNotice(id, token);
      if (closed !== null) res.status(410).json({ code: "RULES_CHANGED", message: closed });
      else res.status(500).json({ code: "STORE_FAILED", message: "The game could not be restored." });
    }
  });
  installRecordRoutes(app);
  installSummaryRoute(app);
  installScenarioUploadRoutes(app);
  installExerciseRoutes(app);
  if (clientDir && existsSync(clientDir)) {
    app.use(serveClient(clientDir));
  }
  // Express's own failures (a body over the limit, malformed JSON, a bug) answer { code, message }, never an
  // HTML stack trace.
  app.use((err: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    const status = (err as { status?: unknown }).status;
    if (status === 413)
      res.status(413).json({
        code: "PAYLOAD_TOO_LARGE",
        message: `Request bodies are limited to ${options.maxBodyBytes} bytes.`,
      });
    else if (typeof status === "number" && status >= 400 && status < 500)
      res.status(status).json({
        code: "INVALID_REQUEST",
        message: "The request could not be read (is its body well-formed JSON?).",
      });
    else res.status(500).json({ code: "SERVER_ERROR", message: "The server failed to answer this request." });
  });
}
