/**
 * The server's results are the engine's `Result` (`{ ok: true, value } | { ok: false, error: { code, message
 * } }`), its failure widened to carry the protocol's codes (shared/src/protocol/errors.ts) as well as the
 * engine's. An engine result is one already, so engine refusals pass through unchanged.
 */
import { ok, type Rejection, type RejectionCode, type Result as EngineResult } from "@firebreak/shared";

/** An engine result whose failure may carry any protocol code. */
type Widened<R> = R extends { ok: false } ? { ok: false; error: Rejection } : R;

/** Either a value or a refusal. */
export type Result<T> = Widened<EngineResult<T>>;

export { ok };

/** A refusal: a protocol code and a sentence for a person. */
export function refuse<T>(code: RejectionCode, message: string): Result<T> {
  return { ok: false, error: { code, message } };
}
