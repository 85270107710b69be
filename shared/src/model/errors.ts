/** Engine errors as data: a stable code and a human message. Nothing throws. */

/** Every error code the engine can return. docs/protocol.md lists them. */
export const ERROR_CODES = [
  "GAME_OVER",
  "WRONG_TURN",
  "UNKNOWN_SEAT",
  "INVALID_ORDER",
  "TOO_MANY_ORDERS",
  "NOT_ENOUGH_AP",
  "UNKNOWN_TARGET",
  "SELF_TARGET",
  "DUPLICATE_ORDER",
  "NO_ACCESS",
  "ACCESS_TOO_YOUNG",
  "INVALID_FALSE_FLAG",
  "UNKNOWN_INCIDENT",
  "NO_HOTLINE",
  "UNKNOWN_INQUIRY",
  "NOT_YOUR_INQUIRY",
  "ALREADY_ANSWERED",
  "TEXT_TOO_LONG",
  "UNKNOWN_PROPOSAL",
  "NOT_PROPOSED_TO_YOU",
  "ALREADY_RESPONDED",
  "INVALID_PARTIES",
  "CBM_ALREADY_IN_FORCE",
  "CBMS_DISABLED",
  "NOT_AT_BRINK",
  "INVALID_STEP",
  "INVALID_SCENARIO",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** A typed engine error. */
export interface EngineError {
  code: ErrorCode;
  message: string;
  /** Index of the offending order, when an order list was rejected. */
  index?: number;
}

/** Either a value or an error. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: EngineError };

/** Wraps a value as a success. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** Builds a failure. */
export function err<T>(code: ErrorCode, message: string, index?: number): Result<T> {
  return { ok: false, error: index === undefined ? { code, message } : { code, message, index } };
}
