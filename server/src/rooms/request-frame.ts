/**
 * The header of a Colyseus request frame, read with bounds checks: `[code][requestId][type][msgpack
 * payload]`. Colyseus' own reader (@colyseus/schema `decode.number`/`decode.string`) reads past the end of a
 * short frame as `undefined` and logs invalid UTF-8 on every frame; this one says "unreadable" instead.
 */

/**
 * The low five bits of a frame's first byte are its protocol code (PROTOCOL_CODE_MASK in
 * @colyseus/shared-types).
 */
export const CODE_MASK = 0x1f;

/** What a request frame's header says. */
export interface RequestHeader {
  /** The id the client will match the answer by. */
  requestId: number;
  /**
   * The request type (Colyseus allows strings and numbers); null when the frame ends after the id or the
   * bytes read as neither.
   */
  type: string | number | null;
  /** Offset of the msgpack payload (equal to the frame's length when there is none). */
  payloadStart: number;
}

interface Read<T> {
  value: T;
  next: number;
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Reads a number encoded as @colyseus/schema `encode.number` writes it (little-endian); null when bytes are
 * missing, the prefix is not a number's, or it is not finite.
 */
export function readWireNumber(bytes: Uint8Array, at: number): Read<number> | null {
  const prefix = bytes[at];
  if (prefix === undefined) return null;
  if (prefix < 0x80) return { value: prefix, next: at + 1 };
  if (prefix > 0xdf) return { value: prefix - 0x100, next: at + 1 };
  const widths: Partial<Record<number, number>> = {
    0xca: 4,
    0xcb: 8,
    0xcc: 1,
    0xcd: 2,
    0xce: 4,
    0xcf: 8,
    0xd0: 1,
    0xd1: 2,
    0xd2: 4,
    0xd3: 8,
  };
  const width = widths[prefix];
  if (width === undefined || at + 1 + width > bytes.length) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset + at + 1, width);
  let value: number;
  switch (prefix) {
    case 0xca:
      value = view.getFloat32(0, true);
      break;
    case 0xcb:
      value = view.getFloat64(0, true);
      break;
    case 0xcc:
      value = view.getUint8(0);
      break;
    case 0xcd:
      value = view.getUint16(0, true);
      break;
    case 0xce:
      value = view.getUint32(0, true);
      break;
    case 0xcf:
      value = view.getUint32(0, true) + view.getUint32(4, true) * 2 ** 32;
      break;
    case 0xd0:
      value = view.getInt8(0);
      break;
    case 0xd1:
      value = view.getInt16(0, true);
      break;
    case 0xd2:
      value = view.getInt32(0, true);
      break;
    default:
      value = view.getUint32(0, true) + view.getInt32(4, true) * 2 ** 32;
      break;
  }
  return Number.isFinite(value) ? { value, next: at + 1 + width } : null;
}

/**
 * Whether the byte at `at` starts a string as @colyseus/schema `decode.stringCheck` decides it (an empty
 * fixstr reads as a number there).
 */
function startsString(bytes: Uint8Array, at: number): boolean {
  const p = bytes[at];
  return p !== undefined && ((p > 0xa0 && p < 0xc0) || p === 0xd9 || p === 0xda || p === 0xdb);
}

/**
 * Reads a string encoded as @colyseus/schema `encode.string` writes it; null when it is cut short or is not
 * UTF-8.
 */
export function readWireString(bytes: Uint8Array, at: number): Read<string> | null {
  const prefix = bytes[at];
  if (prefix === undefined) return null;
  let length: number;
  let start: number;
  if (prefix >= 0xa0 && prefix < 0xc0) {
    length = prefix & 0x1f;
    start = at + 1;
  } else {
    const width = prefix === 0xd9 ? 1 : prefix === 0xda ? 2 : prefix === 0xdb ? 4 : 0;
    if (width === 0 || at + 1 + width > bytes.length) return null;
    const view = new DataView(bytes.buffer, bytes.byteOffset + at + 1, width);
    length = width === 1 ? view.getUint8(0) : width === 2 ? view.getUint16(0, true) : view.getUint32(0, true);
    start = at + 1 + width;
  }
  if (start + length > bytes.length) return null;
  try {
    return { value: strictUtf8.decode(bytes.subarray(start, start + length)), next: start + length };
  } catch {
    return null;
  }
}

/**
 * Reads the header of a ROOM_REQUEST frame; null when it carries no readable request id (such a frame cannot
 * be answered).
 */
export function readRequestHeader(bytes: Uint8Array): RequestHeader | null {
  const id = readWireNumber(bytes, 1);
  if (!id) return null;
  const type = startsString(bytes, id.next) ? readWireString(bytes, id.next) : readWireNumber(bytes, id.next);
  if (!type) return { requestId: id.value, type: null, payloadStart: bytes.length };
  return { requestId: id.value, type: type.value, payloadStart: type.next };
}
