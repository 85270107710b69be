/**
 * A bounded, iterative walk over a request's msgpack payload before anything unpacks it. Colyseus unpacks
 * with msgpackr, whose reader recurses once per nesting level (a few thousand levels overflow the stack) and
 * which also builds dates, buffers, BigInts, sets, errors, regular expressions and shared or cyclic
 * references from its extensions. Requests are JSON-shaped, so the walk admits exactly that: nil, booleans,
 * numbers, strings, arrays, maps with string keys, `undefined` (how msgpackr writes an absent optional field)
 * and msgpackr's one-byte records (how the SDK's packer writes objects); it bounds nesting and the number of
 * values, and needs the bytes to end where the value ends.
 */

/** How deep and how large a payload may be. */
export interface PayloadLimits {
  /** Most containers (arrays, maps, records) nested inside one another. */
  maxDepth: number;
  /** Most values in all (every container and scalar counts once; map keys do not). */
  maxValues: number;
}

/**
 * Requests need far less: the largest, a custom `fac:inject` of 20 effects, holds about 150 values 5 levels
 * deep; orders hold at most 12 small objects 3 levels deep.
 */
export const PAYLOAD_LIMITS: PayloadLimits = { maxDepth: 16, maxValues: 1000 };

/** Why a payload was refused. */
export type PayloadFault =
  | "malformed"
  | "too-deep"
  | "too-many-values"
  | "unsupported-type"
  | "key-not-string";

/** A container still being read: how many items remain, and for a map whether the next item is a key. */
interface Open {
  left: number;
  map: boolean;
  keyNext: boolean;
}

/** msgpackr's record-definition extension type ("r"); fixext 1 type 0 is `undefined`. */
const RECORD_EXT = 0x72;
const UNDEFINED_EXT = 0x00;
/** Bytes after the type byte of the numbers msgpackr reads as JS numbers (floats, 8–32-bit integers). */
const FIXED_WIDTHS: Partial<Record<number, number>> = {
  0xca: 4,
  0xcb: 8,
  0xcc: 1,
  0xcd: 2,
  0xce: 4,
  0xd0: 1,
  0xd1: 2,
  0xd2: 4,
};

/**
 * Checks the msgpack value in `bytes[start..]`; null when it is plain data within the limits and nothing
 * follows it.
 */
export function scanPayload(
  bytes: Uint8Array,
  start: number,
  limits: PayloadLimits = PAYLOAD_LIMITS,
): PayloadFault | null {
  if (start >= bytes.length) return null;
  const end = bytes.length;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  /** Keys of the records defined so far in this payload, by id (msgpackr starts each unpack with none). */
  const records = new Map<number, number>();
  const open: Open[] = [];
  let pos = start;
  let values = 0;

  const length = (width: number): number | null => {
    if (pos + width > end) return null;
    const n = width === 1 ? view.getUint8(pos) : width === 2 ? view.getUint16(pos) : view.getUint32(pos);
    pos += width;
    return n;
  };
  /** Skips a string (any of msgpack's four forms); false when the bytes are not one. */
  const skipString = (): boolean => {
    const p = bytes[pos++];
    if (p === undefined) return false;
    const n =
      p >= 0xa0 && p < 0xc0
        ? p & 0x1f
        : p === 0xd9
          ? length(1)
          : p === 0xda
            ? length(2)
            : p === 0xdb
              ? length(4)
              : null;
    if (n === null || pos + n > end) return false;
    pos += n;
    return true;
  };
  /** Reads a map key, which must be a string. */
  const keyFault = (): PayloadFault | null => {
    const p = bytes[pos];
    if (p === undefined) return "malformed";
    if (!((p >= 0xa0 && p < 0xc0) || p === 0xd9 || p === 0xda || p === 0xdb)) return "key-not-string";
    return skipString() ? null : "malformed";
  };
  /** Enters a container of `items` items (a map's keys and values counted apart); a fault, or null. */
  const enter = (items: number, map: boolean): PayloadFault | null => {
    if (open.length + 1 > limits.maxDepth) return "too-deep";
    if (items > end - pos) return "malformed"; // every item takes at least one byte
    if (items > 0) open.push({ left: items, map, keyNext: map });
    return null;
  };
  /** Reads a record definition (an array of key strings) and enters the record that follows it. */
  const defineRecord = (id: number): PayloadFault | null => {
    const p = bytes[pos++];
    if (p === undefined) return "malformed";
    const n = p >= 0x90 && p < 0xa0 ? p & 0x0f : p === 0xdc ? length(2) : p === 0xdd ? length(4) : null;
    if (n === null) return "malformed";
    if (n > end - pos) return "malformed";
    for (let i = 0; i < n; i++) if (!skipString()) return "malformed";
    records.set(id, n);
    return enter(n, false);
  };
  /** Reads one value's head: a scalar entirely, a container's header (its items follow). */
  const value = (): PayloadFault | null => {
    if (++values > limits.maxValues) return "too-many-values";
    const t = bytes[pos++];
    if (t === undefined) return "malformed";
    if (t < 0x80) {
      const keys = t >= 0x40 ? records.get(t & 0x3f) : undefined;
      return keys === undefined ? null : enter(keys, false);
    }
    if (t < 0x90) return enter((t & 0x0f) * 2, true);
    if (t < 0xa0) return enter(t & 0x0f, false);
    if (t < 0xc0 || t === 0xd9 || t === 0xda || t === 0xdb) {
      pos--;
      return skipString() ? null : "malformed";
    }
    if (t >= 0xe0 || t === 0xc0 || t === 0xc2 || t === 0xc3) return null;
    const width = FIXED_WIDTHS[t];
    if (width !== undefined) {
      if (pos + width > end) return "malformed";
      pos += width;
      return null;
    }
    if (t === 0xdc || t === 0xdd) {
      const n = length(t === 0xdc ? 2 : 4);
      return n === null ? "malformed" : enter(n, false);
    }
    if (t === 0xde || t === 0xdf) {
      const n = length(t === 0xde ? 2 : 4);
      return n === null ? "malformed" : enter(n * 2, true);
    }
    if (t === 0xd4) {
      const type = bytes[pos];
      const data = bytes[pos + 1];
      if (type === undefined || data === undefined) return "malformed";
      pos += 2;
      if (type === UNDEFINED_EXT) return null;
      if (type === RECORD_EXT) return defineRecord(data & 0x3f);
    }
    // 0xc1 (never used), binary, 64-bit integers (BigInt), other extensions, two-byte records.
    return "unsupported-type";
  };

  for (;;) {
    const top = open[open.length - 1];
    let fault: PayloadFault | null;
    if (top) {
      top.left--;
      const key = top.map && top.keyNext;
      if (top.map) top.keyNext = !top.keyNext;
      fault = key ? keyFault() : value();
    } else {
      fault = value();
    }
    if (fault) return fault;
    while (open.length > 0 && open[open.length - 1]?.left === 0) open.pop();
    if (open.length === 0) break;
  }
  return pos === end ? null : "malformed";
}
