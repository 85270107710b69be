/**
 * The refusals a client can receive: a stable code and a sentence for a person. docs/protocol.md §17 lists
 * every code.
 */
import type { ErrorCode } from "../model/errors.ts";

/** Codes the server adds to the engine's (`ERROR_CODES`). */
export const SERVER_ERROR_CODES = [
  "NOT_A_PLAYER",
  "NOT_FACILITATOR",
  "NOT_IN_LOBBY",
  "NOT_PLAYING",
  "UNKNOWN_MEMBER",
  "NO_CHANNEL",
  "TEXT_TOO_LONG",
  "PAUSED",
  "NOT_PAUSED",
  "UNKNOWN_SCENARIO",
  "BAD_TOKEN",
  "BAD_CODE",
  "NO_SUCH_GAME",
  "UNKNOWN_INJECT",
  "UNKNOWN_PERSONA",
  "RATE_LIMITED",
  "INVALID_REQUEST",
  "STORE_FAILED",
  "SEAT_TAKEN",
  "BAD_INVITE",
  "NO_KNOCK",
  "INVALID_NAME",
  "SERVER_FULL",
  "BOT_HOLDS_SEAT",
  "NO_BOT_HOLDS_SEAT",
  "STRIKE_TOO_EARLY",
  "NO_STRIKE_WAITING",
  "RULES_CHANGED",
  "UNKNOWN_TABLE",
] as const;

/** One of the server's own codes. */
export type ServerErrorCode = (typeof SERVER_ERROR_CODES)[number];

/** Any code a request's refusal carries: the engine's or the server's. */
export type RejectionCode = ErrorCode | ServerErrorCode;

/**
 * A refusal as a client receives it (a REJECTED request's `reason`): the code and a sentence, nothing else.
 */
export interface Rejection {
  code: RejectionCode;
  message: string;
}

/**
 * The refusal as the wire carries it: an engine error's other fields (the offending order's index) stay
 * behind.
 */
export function rejection(e: Rejection): Rejection {
  return { code: e.code, message: e.message };
}
