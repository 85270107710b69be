/** Starts the Firebreak server: Colyseus + HTTP API + embedded store, restoring unfinished games. */
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Server } from "@colyseus/core";
import { WebSocketTransport } from "@colyseus/ws-transport";
import { DEFAULT_MAX_BODY_BYTES, limitBodies } from "./http/body-limit.ts";
import { stampClientAddress, type TrustProxy } from "./http/client-address.ts";
import { securityHeaders } from "./http/headers.ts";
import { configureLimits, DEFAULT_CREATION_LIMITS } from "./http/limits.ts";
import {
  parseAllowedOrigins,
  refuseForeignUpgrade,
  restrictCors,
  type OriginPolicy,
} from "./http/origins.ts";
import { shareLimits } from "./http/rate-limit.ts";
import { gateRequests } from "./http/request-gate.ts";
import { installRoutes } from "./http/routes.ts";
import { CrisisRoom } from "./rooms/crisis-room.ts";
import { ExerciseRoom } from "./rooms/exercise-room.ts";
import { exerciseRetentionDays } from "./exercises/prune.ts";
import { loadExercises, startExercises } from "./exercises/restore.ts";
import { openExercises } from "./exercises/open-store.ts";
import { closeNotifier, useNotifier } from "./notify/hub.ts";
import { notifierFromEnv, silent, type Notifier } from "./notify/notifier.ts";
import { BotPool, defaultBotWorkers } from "./bots/pool.ts";
import { loadCatalogue } from "./scenarios.ts";
import { UPLOAD_BODY_BYTES, UPLOAD_PATH } from "./scenarios/routes.ts";
import { uploadedScenario } from "./scenarios/uploads.ts";
import { setServices } from "./services.ts";
import { adoptOrphans, restoreGames } from "./cluster/adopt.ts";
import { type ClusterConfig, clusterFromEnv, clusterServerOptions } from "./cluster/config.ts";
import { shareCodes } from "./cluster/directory.ts";
import { redisCounts } from "./cluster/shared-counts.ts";
import { joinHandOvers } from "./cluster/handover.ts";
import { setReady } from "./cluster/readiness.ts";
import { closeOnSignals } from "./cluster/shutdown.ts";
import { openStore, parseDatabaseUrl } from "./store/open-store.ts";

/** Settings read from the environment. docs/protocol.md lists them. */
export interface ServerConfig {
  port: number;
  dataDir: string;
  reconnectSeconds: number;
  takeoverSeconds: number;
  maxPayloadBytes: number;
  clientDir: string | null;
  quiet: boolean;
  /**
   * Worker threads for `hard` bots' decisions; 0 decides them on the main thread. Default
   * `defaultBotWorkers()`.
   */
  botWorkers?: number;
  /**
   * Express's "trust proxy" setting: which proxies' X-Forwarded-For to believe for the client's address
   * (default: none).
   */
  trustProxy?: boolean | number | string;
  /**
   * Seconds a game with nobody connected and no running clock stays in memory before it sleeps (default 1800;
   * 0 = never).
   */
  idleSeconds?: number;
  /** Games one address may create per creation window (default 30). */
  createsPerWindow?: number;
  /** The creation window in seconds (default 600). */
  createWindowSeconds?: number;
  /** Games held in memory at most; creations beyond are refused SERVER_FULL (default 500). */
  maxGames?: number;
  /** Largest HTTP request body in bytes, matchmaking included (default 16384). */
  maxBodyBytes?: number;
  /** Bearer secret that opens GET /api/metrics; null or absent keeps it closed. */
  operatorToken?: string | null;
  /** Origins besides the page's own that browsers may use the server from (CORS and WebSocket upgrades). */
  allowedOrigins?: string[];
  /**
   * PostgreSQL URL for the journal (FIREBREAK_DATABASE_URL); null or absent keeps the embedded SQLite store
   * in dataDir.
   */
  databaseUrl?: string | null;
  /**
   * One of several processes sharing Redis and PostgreSQL (FIREBREAK_REDIS_URL and friends); null or absent:
   * alone.
   */
  cluster?: ClusterConfig | null;
  /** Who is told when a turn resolves, a game ends or a deadline nears (FIREBREAK_NOTIFY); absent: nobody. */
  notifier?: Notifier;
  /**
   * Seconds before a deadline the notifier hears it nears (FIREBREAK_NOTIFY_BEFORE_SECONDS, default 3600; 0:
   * never).
   */
  notifyBeforeSeconds?: number;
}

/**
 * Reads FIREBREAK_OPERATOR_TOKEN: unset or empty means none; otherwise at least 16 characters without spaces.
 */
export function parseOperatorToken(v: string | undefined): string | null {
  if (v === undefined || v === "") return null;
  if (v.length < 16 || /\s/.test(v))
    throw new Error("FIREBREAK_OPERATOR_TOKEN must be at least 16 characters with no spaces");
  return v;
}

/**
 * Parses FIREBREAK_TRUST_PROXY: a hop count, true/false, or Express's list of trusted addresses and names
 * ("loopback", "10.0.0.0/8").
 */
export function parseTrustProxy(v: string | undefined): boolean | number | string {
  if (v === undefined || v === "" || v === "false") return false;
  if (v === "true") return true;
  if (/^\d+$/.test(v)) return Number(v);
  return v;
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** Reads the configuration from environment variables with defaults. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const num = (name: string, dflt: number): number => {
    const v = env[name];
    const n = v === undefined || v === "" ? dflt : Number(v);
    if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a non-negative number, got "${v}"`);
    return n;
  };
  const positive = (name: string, dflt: number): number => {
    const n = num(name, dflt);
    if (n === 0) throw new Error(`${name} must be above 0, got "${env[name]}"`);
    return n;
  };
  return {
    port: num("PORT", 2567),
    dataDir: env.FIREBREAK_DATA_DIR ?? join(process.cwd(), "data"),
    reconnectSeconds: num("FIREBREAK_RECONNECT_SECONDS", 60),
    takeoverSeconds: num("FIREBREAK_TAKEOVER_SECONDS", 120),
    maxPayloadBytes: num("FIREBREAK_MAX_PAYLOAD_BYTES", 32 * 1024),
    clientDir: env.FIREBREAK_CLIENT_DIR ?? join(root, "client", "dist"),
    quiet: env.FIREBREAK_QUIET === "1",
    botWorkers: Math.floor(num("FIREBREAK_BOT_WORKERS", defaultBotWorkers())),
    trustProxy: parseTrustProxy(env.FIREBREAK_TRUST_PROXY),
    idleSeconds: num("FIREBREAK_IDLE_SECONDS", 1800),
    createsPerWindow: Math.floor(
      num("FIREBREAK_CREATES_PER_WINDOW", DEFAULT_CREATION_LIMITS.createsPerWindow),
    ),
    createWindowSeconds: positive(
      "FIREBREAK_CREATE_WINDOW_SECONDS",
      DEFAULT_CREATION_LIMITS.createWindowMs / 1000,
    ),
    maxGames: Math.floor(num("FIREBREAK_MAX_GAMES", DEFAULT_CREATION_LIMITS.maxGames)),
    maxBodyBytes: Math.floor(positive("FIREBREAK_MAX_BODY_BYTES", DEFAULT_MAX_BODY_BYTES)),
    operatorToken: parseOperatorToken(env.FIREBREAK_OPERATOR_TOKEN),
    allowedOrigins: parseAllowedOrigins(env.FIREBREAK_ALLOWED_ORIGINS),
    databaseUrl: parseDatabaseUrl(env.FIREBREAK_DATABASE_URL),
    cluster: clusterFromEnv(env),
    notifier: notifierFromEnv(env),
    notifyBeforeSeconds: num("FIREBREAK_NOTIFY_BEFORE_SECONDS", 3600),
  };
}

/**
 * Console logging for operators. Colyseus warns that an instance onAuth "will be ignored" whenever a room
 * also has a static onAuth; ours returns true, and in that case Colyseus still runs the instance onAuth
 * (core Room.mjs: authedStatically is false when the static returns true), so the warning is dropped.
 */
function operatorLogger() {
  return {
    debug: () => {},
    info: (...args: unknown[]) => {
      if (!String(args[0]).includes("defined at the instance level will be ignored")) console.info(...args);
    },
    warn: console.warn,
    error: console.error,
  };
}

/**
 * Starts a server with the given configuration; resolves once it listens and unfinished games are restored.
 */
export async function startServer(
  config: ServerConfig,
): Promise<{ server: Server; restored: number; close: () => Promise<void> }> {
  const log = (msg: string): void => {
    if (!config.quiet) process.stdout.write(`${msg}\n`);
  };
  const catalogue = loadCatalogue(undefined, log);
  const { store, where } = openStore(config.databaseUrl ?? null, config.dataDir);
  // Exercises are kept beside the games: the SQLite file, or PostgreSQL (shared by a cluster's processes).
  const exercises = openExercises(config.databaseUrl ?? null, config.dataDir, Boolean(config.cluster));
  const startedAt = Date.now();
  const bots = new BotPool(config.botWorkers ?? defaultBotWorkers());
  setServices({
    store,
    // A shipped scenario, else one a facilitator uploaded (games made with it resolve it by id, also after a
    // restart).
    scenario: (id) => catalogue.get(id) ?? uploadedScenario(id),
    reconnectSeconds: config.reconnectSeconds,
    takeoverSeconds: config.takeoverSeconds,
    now: () => Date.now(),
    bots,
    // In a cluster games do not sleep: a game asleep in one process could not be woken by another.
    idleSeconds: config.cluster ? 0 : (config.idleSeconds ?? 1800),
  });
  configureLimits({
    createsPerWindow: config.createsPerWindow ?? DEFAULT_CREATION_LIMITS.createsPerWindow,
    createWindowMs: (config.createWindowSeconds ?? DEFAULT_CREATION_LIMITS.createWindowMs / 1000) * 1000,
    maxGames: config.maxGames ?? DEFAULT_CREATION_LIMITS.maxGames,
  });
  // A trusted proxy's X-Forwarded-Host names the host browsers address (same-origin checks, the CSP's
  // WebSocket source).
  const origins: OriginPolicy = {
    allowed: config.allowedOrigins ?? [],
    trustForwardedHost: Boolean(config.trustProxy),
  };
  restrictCors(origins);
  const transport = new WebSocketTransport({
    maxPayload: config.maxPayloadBytes,
    beforeUpgrade: refuseForeignUpgrade(origins),
  });
  // Express compiles FIREBREAK_TRUST_PROXY into this test; the matchmaking route's client address uses it
  // too.
  let trust: TrustProxy = () => false;
  const server = new Server({
    greet: false,
    transport,
    express: (app) => {
      app.set("trust proxy", config.trustProxy ?? false);
      trust = app.get("trust proxy fn") as TrustProxy;
      installRoutes(app, catalogue, config.clientDir, startedAt, {
        operatorToken: config.operatorToken ?? null,
        maxBodyBytes: config.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
      });
    },
    gracefullyShutdown: false,
    ...(config.cluster ? clusterServerOptions(config.cluster) : {}),
    logger: config.quiet ? { debug() {}, info() {}, warn() {}, error: console.error } : operatorLogger(),
  } as ConstructorParameters<typeof Server>[0]);
  // join("crisis", { code }) finds the room whose metadata carries that code.
  shareCodes(Boolean(config.cluster));
  shareLimits(config.cluster ? redisCounts() : null);
  server.define("crisis", CrisisRoom).filterBy(["code"]);
  server.define("exercise", ExerciseRoom);
  loadExercises(exercises);
  useNotifier(config.notifier ?? silent, config.notifyBeforeSeconds ?? 3600);
  await server.listen(config.port);
  if (transport.server) {
    stampClientAddress(transport.server, (address, hop) => trust(address, hop));
    // Last, so that it stands in front of every listener: headers on every answer, oversized bodies refused
    // before anyone reads them.
    const headers = securityHeaders(origins.trustForwardedHost);
    const bodies = limitBodies(
      config.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
      new Map([[`POST ${UPLOAD_PATH}`, Math.max(UPLOAD_BODY_BYTES, config.maxBodyBytes ?? 0)]]),
    );
    gateRequests(transport.server, (req, res, pass) => {
      headers(req, res);
      bodies(req, res, pass);
    });
  }
  // One process: every unfinished game. A cluster: the games no process holds, now and every few seconds
  // after.
  const restored = await restoreGames(store);
  const stopAdopting = adoptOrphans(store, config.cluster?.adoptSeconds ?? 0);
  // A cluster process takes the games a stopping one hands over at once (cluster/handover.ts).
  const handOvers = config.cluster ? await joinHandOvers(store) : null;
  const stopExercises = await startExercises(
    store,
    exerciseRetentionDays(process.env),
    config.cluster?.adoptSeconds ?? 0,
  );
  setReady(true);
  log(
    `Firebreak listening on http://localhost:${config.port} (data in ${where}${restored ? `, ${restored} game(s) restored` : ""})`,
  );
  return {
    server,
    restored,
    close: async () => {
      setReady(false);
      stopAdopting();
      await handOvers?.leave();
      await server.gracefullyShutdown(false);
      await bots.close();
      store.close();
      stopExercises();
      exercises.close();
      await closeNotifier();
    },
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  startServer(configFromEnv())
    .then((started) => closeOnSignals(started.close))
    .catch((e: unknown) => {
      process.stderr.write(`Firebreak failed to start: ${(e as Error).message}\n`);
      process.exit(1);
    });
}
