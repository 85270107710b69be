/**
 * Requests to the game this browser is in, typed by request name and payload, and the seat a fork's
 * facilitator plays.
 */
import type { RequestAnswer, RequestPayload, RequestType } from "@firebreak/shared/browser";
import { NO_CODE_SENTENCES, plainThrown } from "../ui/error-words.ts";
import { openRoom } from "./client.ts";

/** A request's payload as arguments: optional for the requests whose payload is `{}`. */
export type PayloadArgs<T extends RequestType> =
  Record<never, never> extends RequestPayload<T>
    ? [payload?: RequestPayload<T>]
    : [payload: RequestPayload<T>];

/** A function that sends requests of every type, as the UI's panels hand it to their controls. */
export type Act = <T extends RequestType>(type: T, ...payload: PayloadArgs<T>) => unknown;

/** Sends a request; resolves to null on OK or to the rejection's message. */
export async function request<T extends RequestType>(
  type: T,
  ...payload: PayloadArgs<T>
): Promise<string | null> {
  const r = await ask(type, ...payload);
  return r.ok ? null : r.error;
}

/**
 * The seat a fork's facilitator plays now (docs/protocol.md §5.2): its requests for a seat name it. Null:
 * none.
 */
let actingSeat: string | null = null;

/** The requests a fork's facilitator makes for the seat it plays. */
const SEAT_REQUESTS: ReadonlySet<RequestType> = new Set(["orders", "ready", "propose", "respond"]);

/**
 * Sets the seat a fork's facilitator plays now (null: none): its orders, ready, proposals and answers then
 * name it.
 */
export function actAs(seat: string | null): void {
  actingSeat = seat;
}

/**
 * Sends a request; resolves to its answer on OK (with an invite, a new code or a key, for the requests that
 * make one) or to the rejection's message.
 */
export async function ask<T extends RequestType>(
  type: T,
  ...payload: PayloadArgs<T>
): Promise<{ ok: true; answer: RequestAnswer<T> } | { ok: false; error: string }> {
  const room = openRoom();
  if (!room) return { ok: false, error: NO_CODE_SENTENCES.notConnected };
  try {
    const body = payload[0] ?? {};
    const sent = actingSeat !== null && SEAT_REQUESTS.has(type) ? { ...body, seat: actingSeat } : body;
    const answer = (await room.request(type, sent)) as RequestAnswer<T>;
    return { ok: true, answer };
  } catch (e) {
    return { ok: false, error: plainThrown(e) };
  }
}
