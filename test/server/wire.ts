/** Colyseus 0.18 frames as the SDK writes and reads them, for tests that speak the wire directly. */
import { encode } from "@colyseus/schema";
import { Packr, unpack } from "msgpackr";
import { readWireNumber } from "../../server/src/rooms/request-frame.ts";

/** Frame codes (Protocol in @colyseus/shared-types). */
export const CODE = {
  JOIN_ROOM: 10,
  LEAVE_ROOM: 12,
  ROOM_DATA: 13,
  ROOM_DATA_BYTES: 17,
  PING: 18,
  ROOM_INPUT_RELIABLE: 19,
  ROOM_REQUEST: 21,
  ROOM_RESPONSE: 22,
} as const;

/** Response statuses (ResponseStatus in @colyseus/shared-types). */
export const STATUS = { OK: 0, REJECTED: 1, ERROR: 2 } as const;

/** Packs a value as the SDK does (msgpackr with records). */
export function pack(value: unknown): Uint8Array {
  return new Packr().pack(value);
}

/**
 * The header of a request or data frame: the code, then (for requests) the id, then the type, as
 * @colyseus/schema encodes them.
 */
export function header(code: number, requestId: number | null, type: string | number): Uint8Array {
  const buf = new Uint8Array(64 + (typeof type === "string" ? type.length * 3 : 0));
  const it = { offset: 1 };
  buf[0] = code;
  if (requestId !== null) encode.number(buf, requestId, it);
  if (typeof type === "string") encode.string(buf, type, it);
  else encode.number(buf, type, it);
  return buf.subarray(0, it.offset);
}

/** A ROOM_REQUEST frame: header plus raw payload bytes (already msgpack, or deliberately not). */
export function requestBytes(requestId: number, type: string | number, payload?: Uint8Array): Uint8Array {
  return concat(header(CODE.ROOM_REQUEST, requestId, type), payload ?? new Uint8Array(0));
}

/**
 * A ROOM_REQUEST frame carrying `payload` packed as the SDK packs it (omitted when undefined, as the SDK
 * does).
 */
export function requestFrame(requestId: number, type: string | number, payload?: unknown): Uint8Array {
  return requestBytes(requestId, type, payload === undefined ? undefined : pack(payload));
}

/** Joins byte arrays. */
export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A decoded ROOM_RESPONSE frame. */
export interface Response {
  requestId: number;
  status: number;
  payload: unknown;
}

/** Reads a ROOM_RESPONSE frame (null for any other frame, or one whose id cannot be read). */
export function readResponse(bytes: Uint8Array): Response | null {
  if (bytes[0] !== CODE.ROOM_RESPONSE) return null;
  const id = readWireNumber(bytes, 1);
  if (!id) return null;
  const status = bytes[id.next] ?? -1;
  const payload: unknown = bytes.length > id.next + 1 ? unpack(bytes.subarray(id.next + 1)) : undefined;
  return { requestId: id.value, status, payload };
}

/**
 * The id a client gets back for `requestId`: Colyseus writes it again with @colyseus/schema (a float may come
 * back as float32).
 */
export function echoedId(requestId: number): number {
  const buf = new Uint8Array(16);
  encode.number(buf, requestId, { offset: 0 });
  return readWireNumber(buf, 0)?.value ?? Number.NaN;
}

/**
 * `levels` arrays nested in one another around the number 1, as msgpack bytes (msgpackr's packer recurses and
 * cannot write this).
 */
export function deepArrays(levels: number): Uint8Array {
  const out = new Uint8Array(levels + 1).fill(0x91);
  out[levels] = 1;
  return out;
}
