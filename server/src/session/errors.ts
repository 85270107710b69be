/** Server-level rejection codes (engine codes pass through unchanged). docs/protocol.md lists them all. */
import type { EngineError, ErrorCode } from "@firebreak/shared";

/** Codes the server adds to the engine's. */
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
] as const;

export type ServerErrorCode = (typeof SERVER_ERROR_CODES)[number];

/** A rejection: a stable code and a human message. */
export interface Rejection {
  code: ServerErrorCode | ErrorCode;
  message: string;
}

/** Either a value or a rejection. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: Rejection };

/** A success. */
export function accept<T>(value: T): Outcome<T> {
  return { ok: true, value };
}

/** A rejection. */
export function reject<T>(code: Rejection["code"], message: string): Outcome<T> {
  return { ok: false, error: { code, message } };
}

/** Turns an engine error into a rejection. */
export function fromEngine<T>(e: EngineError): Outcome<T> {
  return { ok: false, error: { code: e.code, message: e.message } };
}
