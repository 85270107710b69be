import { describe, expect, it } from "vitest";
import { CODE, concat, header, pack, requestFrame } from "../../../test/server/wire.ts";
import { readRequestHeader, readWireNumber, readWireString } from "./request-frame.ts";

const bytes = (...b: number[]): Uint8Array => new Uint8Array(b);

describe("request frame headers", () => {
  it("reads what the SDK writes: every id width, string types of every length, the payload's start", () => {
    for (const id of [0, 1, 127, 128, 255, 256, 65_535, 65_536, 2 ** 32 - 1]) {
      for (const type of ["ready", "fac:inject", "x".repeat(40), "y".repeat(300)]) {
        const frame = requestFrame(id, type, { ready: true });
        const h = readRequestHeader(frame);
        expect(h).toEqual({ requestId: id, type, payloadStart: frame.length - pack({ ready: true }).length });
      }
    }
  });

  it("reads negative, 64-bit and float ids as Colyseus does, and numeric types", () => {
    expect(readRequestHeader(requestFrame(-5, 7))).toEqual({ requestId: -5, type: 7, payloadStart: 3 });
    expect(readRequestHeader(requestFrame(-300, "a"))?.requestId).toBe(-300);
    expect(readRequestHeader(requestFrame(2 ** 40, "a"))?.requestId).toBe(2 ** 40);
    expect(readRequestHeader(requestFrame(1.5, "a"))?.requestId).toBe(1.5);
  });

  it("has no request id when the frame ends, the id is cut short, or it is not a finite number", () => {
    expect(readRequestHeader(bytes(CODE.ROOM_REQUEST))).toBeNull();
    expect(readRequestHeader(bytes(CODE.ROOM_REQUEST, 0xcd, 1))).toBeNull();
    expect(readRequestHeader(bytes(CODE.ROOM_REQUEST, 0xcf, 1, 2, 3))).toBeNull();
    expect(readRequestHeader(bytes(CODE.ROOM_REQUEST, 0xc0))).toBeNull();
    expect(readRequestHeader(bytes(CODE.ROOM_REQUEST, 0xa3, 0x61, 0x62, 0x63))).toBeNull();
    const nan = new Uint8Array(9);
    nan[0] = 0xcb;
    new DataView(nan.buffer).setFloat64(1, Number.NaN, true);
    expect(readRequestHeader(concat(bytes(CODE.ROOM_REQUEST), nan))).toBeNull();
    const inf = new Uint8Array(5);
    inf[0] = 0xca;
    new DataView(inf.buffer).setFloat32(1, Number.POSITIVE_INFINITY, true);
    expect(readRequestHeader(concat(bytes(CODE.ROOM_REQUEST), inf))).toBeNull();
  });

  it("has an id but no type when the type is missing, cut short, not UTF-8, or neither a string nor a number", () => {
    expect(readRequestHeader(bytes(CODE.ROOM_REQUEST, 9))).toEqual({
      requestId: 9,
      type: null,
      payloadStart: 2,
    });
    expect(readRequestHeader(bytes(CODE.ROOM_REQUEST, 9, 0xa5, 0x61))?.type).toBeNull();
    expect(readRequestHeader(bytes(CODE.ROOM_REQUEST, 9, 0xd9, 200, 0x61))?.type).toBeNull();
    expect(readRequestHeader(bytes(CODE.ROOM_REQUEST, 9, 0xda, 1))?.type).toBeNull();
    expect(readRequestHeader(bytes(CODE.ROOM_REQUEST, 9, 0xa2, 0xc3, 0x28))?.type).toBeNull();
    expect(readRequestHeader(bytes(CODE.ROOM_REQUEST, 9, 0xc1))?.type).toBeNull();
    // An empty fixstr is not a string to Colyseus (decode.stringCheck), and 0xa0 is no number either.
    expect(readRequestHeader(bytes(CODE.ROOM_REQUEST, 9, 0xa0))?.type).toBeNull();
  });

  it("ignores modifier bits in the code byte (the caller masks them) and reads a frame sliced from a larger buffer", () => {
    const frame = requestFrame(3, "sync", {});
    const big = new Uint8Array(frame.length + 20);
    big.set(frame, 10);
    expect(readRequestHeader(big.subarray(10, 10 + frame.length))).toEqual(readRequestHeader(frame));
  });

  it("reads the schema encodings directly", () => {
    expect(readWireNumber(bytes(0xe0), 0)).toEqual({ value: -32, next: 1 });
    expect(readWireNumber(bytes(0xd0, 0x80), 0)).toEqual({ value: -128, next: 2 });
    expect(readWireNumber(bytes(0xd1, 0x00, 0x80), 0)).toEqual({ value: -32_768, next: 3 });
    expect(readWireNumber(bytes(0xd2, 0, 0, 0, 0x80), 0)).toEqual({ value: -(2 ** 31), next: 5 });
    expect(readWireNumber(bytes(0xd3, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff), 0)).toEqual({
      value: -(2 ** 32),
      next: 9,
    });
    expect(readWireNumber(bytes(), 0)).toBeNull();
    expect(readWireString(header(0, null, "héllo"), 1)).toEqual({ value: "héllo", next: 8 });
    expect(readWireString(bytes(0xdb, 2, 0, 0, 0, 0x68, 0x69), 0)).toEqual({ value: "hi", next: 7 });
    expect(readWireString(bytes(0xdb, 0xff, 0xff, 0xff, 0xff, 0x68), 0)).toBeNull();
    expect(readWireString(bytes(0xc0), 0)).toBeNull();
  });
});
