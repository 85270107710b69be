/** Server-level rejections (the codes are the protocol's, shared/src/protocol/errors.ts; engine codes pass through unchanged). */
import type { EngineError, RejectionCode } from "@firebreak/shared";

/** A rejection: a stable code and a human message. */
export interface Rejection {
  code: RejectionCode;
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
