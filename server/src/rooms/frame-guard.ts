/**
 * Checks each WebSocket frame before Colyseus handles it. A request is read with bounds checks, its payload
 * walked without recursion (payload-scan.ts) and metered per member (request-rate.ts); what fails is answered
 * REJECTED `{ code, message }` without reaching Colyseus' decoder, zod or a handler. Frames the protocol does
 * not use (plain messages, bytes, inputs, unknown codes) are dropped. Join, ping and leave frames pass
 * untouched.
 */
import {
  ClientState,
  getMessageBytes,
  logger,
  Protocol,
  ResponseStatus,
  type Client,
  type Room,
} from "@colyseus/core";
import { PAYLOAD_LIMITS, scanPayload, type PayloadFault, type PayloadLimits } from "./payload-scan.ts";
import { CODE_MASK, readRequestHeader } from "./request-frame.ts";
import { REQUEST_RATE, RequestRate, type RateLimits } from "./request-rate.ts";

/**
 * The parts of Colyseus' Room the guard reaches that TypeScript marks private. Colyseus binds
 * `this._onMessage.bind(this, client)` to each connection when it joins (core Room.mjs, `_onJoin`), so an
 * instance property set in `onCreate` replaces the prototype's method for every connection; the guard calls
 * the prototype's method for the frames it lets through. `onMessageEvents` holds the registered request
 * handlers by type.
 */
interface RoomInternals {
  _onMessage(client: Client, buffer: unknown): void;
  readonly onMessageEvents?: { readonly events: Readonly<Record<string, readonly unknown[] | undefined>> };
}

/** Settings (tests change them; the room uses the defaults). */
export interface FrameGuardOptions {
  rate?: RateLimits;
  payload?: PayloadLimits;
  /** Milliseconds, for the request rate. */
  now?: () => number;
  /** Where the one line per misbehaving connection goes (default: Colyseus' logger, warn). */
  log?: (line: string) => void;
}

/** An answer the guard gives instead of the room. */
export interface GuardRejection {
  code: "INVALID_REQUEST" | "RATE_LIMITED";
  message: string;
}

/** The answer to a request over the member's rate. */
export const RATE_LIMITED: GuardRejection = {
  code: "RATE_LIMITED",
  message: "Too many requests; wait a moment.",
};

/**
 * Each way a request frame can be refused: the answer (a sentence for a person, never the client's bytes) and
 * the log's words.
 */
export function invalidRequest(
  fault: PayloadFault | "no-type" | "unknown-type",
  limits: PayloadLimits = PAYLOAD_LIMITS,
): { answer: GuardRejection; log: string } {
  const answers: Record<typeof fault, [string, string]> = {
    "no-type": ["The request has no readable type.", "a request without a readable type"],
    "unknown-type": ["There is no request of that type.", "a request of an unknown type"],
    malformed: [
      "The request's payload is not valid MessagePack.",
      "a request payload that is not valid MessagePack",
    ],
    "too-deep": [
      `The request's payload is nested more than ${limits.maxDepth} levels deep.`,
      `a request payload nested more than ${limits.maxDepth} levels deep`,
    ],
    "too-many-values": [
      `The request's payload holds more than ${limits.maxValues} values.`,
      `a request payload of more than ${limits.maxValues} values`,
    ],
    "unsupported-type": [
      "The request's payload may hold only objects, arrays, strings, numbers, booleans and null.",
      "a request payload with binary data, a 64-bit integer or a MessagePack extension",
    ],
    "key-not-string": [
      "The request's payload has an object key that is not a string.",
      "a request payload with a key that is not a string",
    ],
  };
  const [message, log] = answers[fault];
  return { answer: { code: "INVALID_REQUEST", message }, log };
}

/** What the frame codes the protocol does not use are called in the log. */
function frameName(code: number | undefined): string {
  if (code === undefined) return "an empty frame";
  const names: Partial<Record<number, string>> = {
    [Protocol.ROOM_DATA]: "a plain message (ROOM_DATA) frame",
    [Protocol.ROOM_DATA_BYTES]: "a bytes message (ROOM_DATA_BYTES) frame",
    [Protocol.ROOM_INPUT_RELIABLE]: "an input frame",
    [Protocol.ROOM_INPUT_UNRELIABLE]: "an input frame",
  };
  return `${names[code] ?? `a frame with code ${code}`}; the protocol takes requests only`;
}

/**
 * A frame Colyseus reads as nothing (code 0): passing it on keeps `maxMessagesPerSecond` counting frames the
 * guard answers or drops.
 */
const COUNTED_ONLY = new Uint8Array([0]);

/**
 * Installs the frame guard on a room (in `onCreate`): it runs before Colyseus' own handling of each client
 * frame. Returns the room's request buckets.
 */
export function installFrameGuard(room: Room, options: FrameGuardOptions = {}): RequestRate {
  const internals = room as unknown as RoomInternals;
  const colyseus = internals._onMessage.bind(room);
  const limits = options.payload ?? PAYLOAD_LIMITS;
  const rate = new RequestRate(options.rate ?? REQUEST_RATE, options.now ?? (() => performance.now()));
  const log = options.log ?? ((line: string) => logger.warn(line));
  /** Connections seen (their bucket is freed when they close), and those already logged, per kind of line. */
  const seen = new WeakSet<Client>();
  const loggedMalformed = new WeakSet<Client>();
  const loggedRate = new WeakSet<Client>();

  /** The bucket key: the member a connection is (CrisisRoom's onJoin records it), else the connection. */
  const keyOf = (client: Client): string => {
    const id = (client.userData as { memberId?: unknown } | undefined)?.memberId;
    return typeof id === "string" ? `member:${id}` : `session:${client.sessionId}`;
  };
  const note = (client: Client, logged: WeakSet<Client>, what: string): void => {
    if (logged.has(client)) return;
    logged.add(client);
    log(
      `frame guard: room ${room.roomId}, session ${client.sessionId}: ${what} (logged once per connection)`,
    );
  };
  /** Counts a frame the guard handles toward Colyseus' flood cap; false when that closed the connection. */
  const count = (client: Client): boolean => {
    colyseus(client, COUNTED_ONLY);
    return client.state !== ClientState.LEAVING;
  };
  const answer = (client: Client, requestId: number, rejection: GuardRejection): void => {
    if (count(client))
      client.enqueueRaw(
        getMessageBytes[Protocol.ROOM_RESPONSE](requestId, ResponseStatus.REJECTED, rejection),
      );
  };
  /** Whether the room answers requests of this type (Colyseus keys its handlers by the type as a string). */
  const handled = (type: string | number): boolean => {
    const events = internals.onMessageEvents?.events;
    // A Colyseus without this registry: its own lookup decides (frame-guard.test.ts fails on such an
    // upgrade).
    if (!events) return true;
    const key = String(type);
    return Object.hasOwn(events, key) && (events[key]?.length ?? 0) > 0;
  };
  const watch = (client: Client): void => {
    if (seen.has(client)) return;
    seen.add(client);
    client.ref.once("close", () => {
      const key = keyOf(client);
      if (!room.clients.some((c) => c !== client && keyOf(c) === key)) rate.forget(key);
    });
  };

  const request = (client: Client, frame: Uint8Array): void => {
    const header = readRequestHeader(frame);
    if (!header) {
      note(client, loggedMalformed, "a request frame without a readable request id (dropped)");
      count(client);
      return;
    }
    const refuse = (fault: Parameters<typeof invalidRequest>[0]): void => {
      const r = invalidRequest(fault, limits);
      note(client, loggedMalformed, r.log);
      answer(client, header.requestId, r.answer);
    };
    if (header.type === null) return refuse("no-type");
    if (!handled(header.type)) return refuse("unknown-type");
    const fault = scanPayload(frame, header.payloadStart, limits);
    if (fault) return refuse(fault);
    // Only requests a handler will see take a token: malformed ones cost a bounded read, and the flood cap
    // bounds them.
    if (!rate.take(keyOf(client))) {
      note(
        client,
        loggedRate,
        `requests over the rate (burst ${rate.limits.burst}, ${rate.limits.perSecond} a second)`,
      );
      answer(client, header.requestId, RATE_LIMITED);
      return;
    }
    colyseus(client, frame);
  };

  internals._onMessage = (client: Client, buffer: unknown): void => {
    if (!(buffer instanceof Uint8Array) || client.state === ClientState.LEAVING)
      return colyseus(client, buffer);
    watch(client);
    const code = buffer.length > 0 ? (buffer[0] ?? 0) & CODE_MASK : undefined;
    if (code === Protocol.JOIN_ROOM || code === Protocol.PING || code === Protocol.LEAVE_ROOM)
      return colyseus(client, buffer);
    if (code === Protocol.ROOM_REQUEST) return request(client, buffer);
    note(client, loggedMalformed, `${frameName(code)} (dropped)`);
    count(client);
  };
  return rate;
}
