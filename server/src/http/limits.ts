/**
 * The process's rate limits and its cap on live games, all keyed by client address through `rateKey`: wrong
 * codes at the code lookup, wrong codes and tokens at matchmaking joins, and game creations. In a cluster the
 * wrong-code and wrong-token counts are also kept across the processes (cluster/shared-counts.ts), and so are
 * creations (cluster/creation-limits.ts).
 * `configureLimits` sets them at start-up (from FIREBREAK_CREATES_PER_WINDOW,
 * FIREBREAK_CREATE_WINDOW_SECONDS, FIREBREAK_MAX_GAMES); until then the defaults hold.
 */
import { services } from "../services.ts";
import { clearSharedLimits, WindowLimiter } from "./rate-limit.ts";

/** Wrong join codes at GET /api/games/:code allowed per address per window before RATE_LIMITED. */
export const CODE_ATTEMPTS = 10;
/** The window of both wrong-code limits. */
export const CODE_WINDOW_MS = 60_000;
/**
 * Wrong-code (or wrong-token) matchmaking joins allowed per address per window (a person mistypes a few
 * times; a guesser thousands).
 */
export const JOIN_ATTEMPTS = 60;
/**
 * Requests for a game's record or exports that named no member of the game, allowed per address per window.
 */
export const RECORD_ATTEMPTS = 30;

/** Game creations and live games allowed. */
export interface CreationLimits {
  /** Games one address may create per window. */
  createsPerWindow: number;
  /** The creation window in ms. */
  createWindowMs: number;
  /** Games held in memory at most (running, or ended and still watched); creations beyond are refused. */
  maxGames: number;
}

/**
 * Defaults: 30 creations per address per 10 minutes (a class behind one school address starting solo games),
 * 500 live games.
 */
export const DEFAULT_CREATION_LIMITS: CreationLimits = {
  createsPerWindow: 30,
  createWindowMs: 10 * 60_000,
  maxGames: 500,
};

const clock = (): number => services().now();

/** Wrong codes at the code lookup. */
export const codeLookups = new WindowLimiter(
  { name: "code-lookups", limit: CODE_ATTEMPTS, windowMs: CODE_WINDOW_MS },
  clock,
);
/** Matchmaking joins whose code or token matched no game. */
export const wrongJoins = new WindowLimiter(
  { name: "wrong-joins", limit: JOIN_ATTEMPTS, windowMs: CODE_WINDOW_MS },
  clock,
);
/** Record and export requests (GET /api/records/...) whose token named no member of that game. */
export const wrongRecordTokens = new WindowLimiter(
  { name: "wrong-record-tokens", limit: RECORD_ATTEMPTS, windowMs: CODE_WINDOW_MS },
  clock,
);

let creationLimits: CreationLimits = DEFAULT_CREATION_LIMITS;
let creationCounter = new WindowLimiter(
  { limit: creationLimits.createsPerWindow, windowMs: creationLimits.createWindowMs },
  clock,
);

/** Sets the creation limits (at start-up); forgets earlier creations. */
export function configureLimits(limits: CreationLimits): void {
  creationLimits = limits;
  creationCounter = new WindowLimiter(
    { limit: limits.createsPerWindow, windowMs: limits.createWindowMs },
    clock,
  );
}

/** The creation limits in force. */
export function currentCreationLimits(): CreationLimits {
  return creationLimits;
}

/** The refusal of a creation past the cap on live games. */
export function serverFull(limits: CreationLimits): Error {
  return new Error(`SERVER_FULL: this server holds its limit of ${limits.maxGames} games; try again later`);
}

/** The refusal of a creation past the per-address limit. */
export function creationLimited(limits: CreationLimits): Error {
  return new Error(
    `RATE_LIMITED: at most ${limits.createsPerWindow} new games per ` +
      `${describeWindow(limits.createWindowMs)} from one address; wait and try again`,
  );
}

function describeWindow(ms: number): string {
  const minutes = ms / 60_000;
  if (Number.isInteger(minutes) && minutes >= 1) return minutes === 1 ? "minute" : `${minutes} minutes`;
  const seconds = Math.round(ms / 1000);
  return seconds === 1 ? "second" : `${seconds} seconds`;
}

/** Game creations per address. */
export function creations(): WindowLimiter {
  return creationCounter;
}

/** Forgets all rate-limit history (tests). */
export function resetRateLimits(): void {
  codeLookups.clear();
  wrongJoins.clear();
  wrongRecordTokens.clear();
  creationCounter.clear();
  clearSharedLimits();
}
