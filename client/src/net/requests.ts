/**
 * Requests to the game this browser is in, typed by request name and payload, and the seat a fork's
 * facilitator plays.
 */
import type { Room } from "@colyseus/sdk";
import type { RequestAnswer, RequestPayload, RequestType } from "@firebreak/shared/browser";
import { NO_CODE_SENTENCES, plainThrown } from "../ui/error-words.ts";
import { connection, openRoom } from "./client.ts";

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
  const body = payload[0] ?? {};
  const sent = actingSeat !== null && SEAT_REQUESTS.has(type) ? { ...body, seat: actingSeat } : body;
  try {
    return { ok: true, answer: (await room.request(type, sent)) as RequestAnswer<T> };
  } catch (e) {
    // The connection closed under the request (a restart, or the game handed over to another server process):
    // orders and readiness, which set a state rather than add to one, are sent again once the page is back in
    // its game, so nothing the player did is lost; anything else says it failed, to be done again.
    const again = RESENT.has(type) && CONNECTION_LOST.test(String(e)) ? await nextRoom(room) : null;
    if (!again) return { ok: false, error: plainThrown(e) };
    try {
      return { ok: true, answer: (await again.request(type, sent)) as RequestAnswer<T> };
    } catch (e2) {
      return { ok: false, error: plainThrown(e2) };
    }
  }
}

/** The requests sent again after a lost connection: each sets a state, so a second arrival changes nothing. */
const RESENT: ReadonlySet<RequestType> = new Set(["orders", "ready"]);
/** How the SDK says a request's connection closed before its answer came (or was not open). */
const CONNECTION_LOST = /connection closed before a response|connection is not open/i;
/** How long a request waits for the page to be back in its game before it counts as failed. */
const RESEND_WAIT_MS = 30_000;

/** The room the page rejoins after `old` closed under a request; null if it gives up, leaves or waits too long. */
function nextRoom(old: Room): Promise<Room | null> {
  return new Promise((resolve) => {
    let stop: (() => void) | null = null;
    let done = false;
    const finish = (r: Room | null): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      queueMicrotask(() => stop?.());
      resolve(r);
    };
    const timer = setTimeout(() => finish(null), RESEND_WAIT_MS);
    stop = connection.subscribe((c) => {
      const r = openRoom();
      if (c === "connected" && r !== null && r !== old) finish(r);
      else if (c === "lost" || c === "idle") finish(null);
    });
  });
}
