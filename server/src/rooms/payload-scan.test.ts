import fc from "fast-check";
import { Packr, unpack } from "msgpackr";
import { describe, expect, it } from "vitest";
import { deepArrays, pack } from "../../../test/server/wire.ts";
import { PAYLOAD_LIMITS, scanPayload } from "./payload-scan.ts";

const scan = (b: Uint8Array | number[], limits = PAYLOAD_LIMITS) =>
  scanPayload(b instanceof Uint8Array ? b : new Uint8Array(b), 0, limits);

/** Nesting depth and value count of a decoded value, counted as the scan counts them. */
function measure(v: unknown): { depth: number; values: number } {
  let values = 0;
  let depth = 0;
  const stack: Array<[unknown, number]> = [[v, 0]];
  while (stack.length > 0) {
    const [x, d] = stack.pop() as [unknown, number];
    values++;
    if (x !== null && typeof x === "object") {
      depth = Math.max(depth, d + 1);
      for (const c of Object.values(x)) stack.push([c, d + 1]);
    }
  }
  return { depth, values };
}

/** Whether a decoded value is JSON-shaped data (plus undefined). */
function plain(v: unknown): boolean {
  if (
    v === null ||
    v === undefined ||
    typeof v === "boolean" ||
    typeof v === "number" ||
    typeof v === "string"
  )
    return true;
  if (Array.isArray(v)) return Object.getPrototypeOf(v) === Array.prototype && v.every(plain);
  return (
    typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype && Object.values(v).every(plain)
  );
}

function nested(levels: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < levels; i++) v = [v];
  return v;
}

describe("payload scan", () => {
  it("admits what the SDK packs for every request of the protocol", () => {
    const payloads = [
      {},
      { ready: true },
      { proposal: "p1", accept: false, note: undefined },
      {
        turn: 3,
        orders: [
          { type: "espionage", target: "borevia" },
          { type: "influence", target: "meridia", falseFlag: "havland", proxy: true },
          { type: "hunt" },
        ],
      },
      { channel: "private:borevia", text: "é".repeat(1500) },
      {
        inject: {
          id: "x",
          title: "Blackout",
          text: "t",
          effects: Array.from({ length: 20 }, (_, i) => ({
            type: "tension",
            a: "aestria",
            b: "borevia",
            delta: i - 10.5,
          })),
        },
      },
      { seconds: 2 ** 31, negative: -(2 ** 31), big: 2 ** 40, f: 0.1, nothing: null },
    ];
    for (const p of payloads) expect(scan(pack(p))).toBeNull();
  });

  it("admits any JSON value within the limits, packed with or without records", () => {
    const json = fc.jsonValue({ maxDepth: 6 }).filter((v) => measure(v).values <= PAYLOAD_LIMITS.maxValues);
    fc.assert(
      fc.property(json, fc.boolean(), (v, records) => {
        const bytes = records ? pack(v) : new Packr({ useRecords: false }).pack(v);
        expect(scan(bytes)).toBeNull();
      }),
      { seed: 7, numRuns: 500 },
    );
  });

  it("admits only what msgpackr unpacks, without error, into plain data within the limits (random and mutated bytes)", () => {
    const base = fc.jsonValue({ maxDepth: 5 }).map((v) => pack(v));
    const mutated = fc
      .tuple(base, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 4 }))
      .map(([b, edits]) => {
        const out = Uint8Array.from(b);
        for (const [at, byte] of edits) if (out.length > 0) out[at % out.length] = byte;
        return out;
      });
    const limits = { maxDepth: 4, maxValues: 40 };
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 40 }), mutated), (bytes) => {
        if (bytes.length === 0 || scan(bytes, limits) !== null) return;
        const v: unknown = unpack(bytes);
        expect(plain(v)).toBe(true);
        const m = measure(v);
        expect(m.depth).toBeLessThanOrEqual(limits.maxDepth);
        expect(m.values).toBeLessThanOrEqual(limits.maxValues);
      }),
      { seed: 11, numRuns: 20_000 },
    );
  });

  it("refuses nesting past the limit, also 10,000 levels and the 30,000 that overflow msgpackr's stack, without recursing", () => {
    expect(scan(pack(nested(PAYLOAD_LIMITS.maxDepth)))).toBeNull();
    expect(scan(pack(nested(PAYLOAD_LIMITS.maxDepth + 1)))).toBe("too-deep");
    expect(scan(pack({ a: { b: { c: nested(PAYLOAD_LIMITS.maxDepth - 3) } } }))).toBeNull();
    expect(scan(pack({ a: { b: { c: nested(PAYLOAD_LIMITS.maxDepth - 2) } } }))).toBe("too-deep");
    const deep = deepArrays(30_000);
    expect(() => unpack(deep)).toThrow(RangeError);
    expect(scan(deep)).toBe("too-deep");
    expect(scan(deepArrays(10_000))).toBe("too-deep");
    const maps = new Uint8Array(20_001).fill(0x81);
    for (let i = 0; i < 10_000; i++) maps[2 * i + 1] = 0xa0;
    expect(scan(maps.subarray(0, 20_000))).toBe("too-deep");
  });

  it("refuses more values than the limit, and array or map headers longer than the bytes left", () => {
    expect(scan(pack(Array.from({ length: PAYLOAD_LIMITS.maxValues - 1 }, () => 0)))).toBeNull();
    expect(scan(pack(Array.from({ length: PAYLOAD_LIMITS.maxValues }, () => 0)))).toBe("too-many-values");
    expect(scan([0xdd, 0xff, 0xff, 0xff, 0xff, 1, 2])).toBe("malformed");
    expect(scan([0xdf, 0x7f, 0xff, 0xff, 0xff, 0xa0, 1])).toBe("malformed");
    expect(scan([0xdc, 0, 3, 1, 2])).toBe("malformed");
  });

  it("refuses binary data, 64-bit integers, extensions (dates, sets, errors, references) and 0xc1", () => {
    expect(scan([0xc4, 1, 0])).toBe("unsupported-type");
    expect(scan([0xcf, 0, 0, 0, 0, 0, 0, 0, 1])).toBe("unsupported-type");
    expect(scan([0xd3, 0, 0, 0, 0, 0, 0, 0, 1])).toBe("unsupported-type");
    expect(scan([0xd6, 0xff, 0, 0, 0, 0])).toBe("unsupported-type");
    expect(scan(new Packr({ moreTypes: true }).pack(new Set([1])))).toBe("unsupported-type");
    expect(scan(new Packr({ moreTypes: true }).pack(new Error("x")))).toBe("unsupported-type");
    const cyclic: { self?: unknown } = {};
    cyclic.self = cyclic;
    expect(scan(new Packr({ structuredClone: true }).pack(cyclic))).toBe("unsupported-type");
    expect(scan([0xc7, 1, 0x72, 0x40])).toBe("unsupported-type");
    expect(scan([0xd5, 0x72, 0x60, 0x00, 0x90])).toBe("unsupported-type");
    expect(scan([0xc1])).toBe("unsupported-type");
  });

  it("refuses maps with keys that are not strings, truncated values and trailing bytes", () => {
    expect(scan([0x81, 0x01, 0x02])).toBe("key-not-string");
    expect(scan([0x81, 0x90, 0x02])).toBe("key-not-string");
    expect(scan([0x81, 0xa1, 0x61])).toBe("malformed");
    expect(scan([0xa5, 0x61])).toBe("malformed");
    expect(scan([0xcb, 0, 0])).toBe("malformed");
    expect(scan([0x92, 0x01])).toBe("malformed");
    expect(scan([0x01, 0x02])).toBe("malformed");
    expect(scan([0xd4, 0x72])).toBe("malformed");
    expect(scan([0xd4, 0x72, 0x40, 0x91, 0x01])).toBe("malformed");
  });

  it(
    "follows records as msgpackr does: a byte 0x40–0x7f is a reference only once its id is defined, " +
      "and a definition may be replaced",
    () => {
      const twice = pack([{ a: 1 }, { b: 2 }, { a: 3 }]);
      expect(scan(twice)).toBeNull();
      // 0x40 before any definition is the number 64.
      expect(scan([0x92, 0x40, 0xd4, 0x72, 0x40, 0x91, 0xa1, 0x61, 0x01])).toBeNull();
      expect(unpack(new Uint8Array([0x92, 0x40, 0xd4, 0x72, 0x40, 0x91, 0xa1, 0x61, 0x01]))).toEqual([
        64,
        { a: 1 },
      ]);
      // Each reference to a two-key record reads two values.
      expect(scan([0x92, 0xd4, 0x72, 0x40, 0x92, 0xa1, 0x61, 0xa1, 0x62, 1, 2, 0x40, 3])).toBe("malformed");
      expect(scan([0x92, 0xd4, 0x72, 0x40, 0x92, 0xa1, 0x61, 0xa1, 0x62, 1, 2, 0x40, 3, 4])).toBeNull();
      // A record counts toward depth like any object.
      expect(
        scan([0xd4, 0x72, 0x41, 0x91, 0xa1, 0x61, 0x91, 0x01], { maxDepth: 2, maxValues: 10 }),
      ).toBeNull();
      expect(scan([0xd4, 0x72, 0x41, 0x91, 0xa1, 0x61, 0x91, 0x01], { maxDepth: 1, maxValues: 10 })).toBe(
        "too-deep",
      );
      // Key lists must be strings.
      expect(scan([0xd4, 0x72, 0x40, 0x91, 0x01, 0x01])).toBe("malformed");
      expect(scan([0xd4, 0x72, 0x40, 0x01])).toBe("malformed");
    },
  );
});
