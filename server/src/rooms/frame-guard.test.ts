import { EventEmitter } from "node:events";
import { ClientState, Room, type Client } from "@colyseus/core";
import { describe, expect, it } from "vitest";
import {
  CODE,
  concat,
  deepArrays,
  header,
  pack,
  readResponse,
  requestBytes,
  requestFrame,
  STATUS,
  type Response,
} from "../../../test/server/wire.ts";
import { installFrameGuard, type FrameGuardOptions } from "./frame-guard.ts";

/** A fake connection: what Colyseus' Room touches when it handles, answers and closes one. */
interface FakeClient {
  client: Client;
  sent: Uint8Array[];
  responses: () => Response[];
  closed: () => boolean;
}

function fakeClient(sessionId: string, memberId?: string): FakeClient {
  const sent: Uint8Array[] = [];
  let closed = false;
  // Colyseus removes the "close" listener it added at join (ref.onleave) when it closes a connection itself.
  const ref = Object.assign(new EventEmitter(), { onleave: () => {} });
  const client = {
    sessionId,
    state: ClientState.JOINED,
    ref,
    userData: memberId === undefined ? undefined : { memberId },
    enqueueRaw: (b: Uint8Array) => sent.push(b),
    raw: (b: Uint8Array) => sent.push(b),
    leave: () => {
      closed = true;
    },
  } as unknown as Client;
  return {
    client,
    sent,
    responses: () => sent.map(readResponse).filter((r): r is Response => r !== null),
    closed: () => closed,
  };
}

/**
 * A real Colyseus Room with two request types, the guard installed, a clock the test moves, and the log lines
 * written.
 */
function guardedRoom(options: FrameGuardOptions = {}) {
  const room = new (class extends Room {})();
  room.roomId = "gTEST";
  const handled: Array<{ type: string; payload: unknown }> = [];
  for (const type of ["ready", "sync"]) {
    room.onMessage(type, (_client: Client, payload: unknown) => {
      handled.push({ type, payload });
      return { ok: true };
    });
  }
  const clock = { t: 0 };
  const lines: string[] = [];
  const rate = installFrameGuard(room, { now: () => clock.t, log: (l) => lines.push(l), ...options });
  const send = (c: FakeClient, frame: Uint8Array) =>
    (room as unknown as { _onMessage(c: Client, b: Uint8Array): void })._onMessage(
      c.client,
      Buffer.from(frame),
    );
  return { room, handled, clock, lines, rate, send };
}

const rejected = (message: string | RegExp) => ({
  status: STATUS.REJECTED,
  payload: {
    code: "INVALID_REQUEST",
    message: typeof message === "string" ? message : expect.stringMatching(message),
  },
});

describe("frame guard", () => {
  it("passes a well-formed request to its handler and Colyseus answers it", () => {
    const { handled, send } = guardedRoom();
    const c = fakeClient("s1", "m1");
    send(c, requestFrame(4, "ready", { ready: true }));
    expect(handled).toEqual([{ type: "ready", payload: { ready: true } }]);
    expect(c.responses()).toEqual([{ requestId: 4, status: STATUS.OK, payload: { ok: true } }]);
  });

  it("answers each malformed request REJECTED INVALID_REQUEST with a sentence, reaching no handler", () => {
    const { handled, send } = guardedRoom();
    const c = fakeClient("s1", "m1");
    const cases: Array<[Uint8Array, ReturnType<typeof rejected>]> = [
      [requestBytes(1, "nope", pack({})), rejected("There is no request of that type.")],
      [requestBytes(2, "__proto__", pack({})), rejected("There is no request of that type.")],
      [requestBytes(3, "constructor"), rejected("There is no request of that type.")],
      [requestBytes(4, 17, pack({})), rejected("There is no request of that type.")],
      [new Uint8Array([CODE.ROOM_REQUEST, 5]), rejected("The request has no readable type.")],
      [new Uint8Array([CODE.ROOM_REQUEST, 6, 0xa4, 0x72]), rejected("The request has no readable type.")],
      [
        requestBytes(7, "ready", new Uint8Array([0x81, 0xa5])),
        rejected("The request's payload is not valid MessagePack."),
      ],
      [
        requestBytes(8, "ready", new Uint8Array([0xc0, 0xc0])),
        rejected("The request's payload is not valid MessagePack."),
      ],
      [
        requestBytes(9, "ready", deepArrays(10_000)),
        rejected("The request's payload is nested more than 16 levels deep."),
      ],
      [
        requestFrame(
          10,
          "ready",
          Array.from({ length: 5000 }, () => 1),
        ),
        rejected("The request's payload holds more than 1000 values."),
      ],
      [
        requestBytes(11, "ready", new Uint8Array([0xc4, 1, 0])),
        rejected("The request's payload may hold only objects, arrays, strings, numbers, booleans and null."),
      ],
      [
        requestBytes(12, "ready", new Uint8Array([0x81, 0x01, 0xc3])),
        rejected("The request's payload has an object key that is not a string."),
      ],
      [
        concat(new Uint8Array([CODE.ROOM_REQUEST | 0x80]), requestFrame(13, "nope").subarray(1)),
        rejected("There is no request of that type."),
      ],
    ];
    for (const [frame] of cases) send(c, frame);
    expect(handled).toEqual([]);
    expect(c.responses()).toEqual(cases.map(([, r], i) => ({ requestId: i + 1, ...r })));
    expect(c.closed()).toBe(false);
  });

  it("never echoes the client's bytes in an answer", () => {
    const { send } = guardedRoom();
    const c = fakeClient("s1", "m1");
    send(c, requestFrame(1, "<script>alert(1)</script>", {}));
    send(c, requestBytes(2, "ready", new TextEncoder().encode("<script>")));
    for (const r of c.responses()) expect(JSON.stringify(r.payload)).not.toContain("script");
  });

  it("drops frames without a readable request id, plain messages, bytes, inputs and unknown codes, and keeps the connection", () => {
    const { handled, send, room } = guardedRoom();
    room.onMessage("*", () => handled.push({ type: "*", payload: null }));
    const c = fakeClient("s1", "m1");
    for (const frame of [
      new Uint8Array([CODE.ROOM_REQUEST]),
      new Uint8Array([CODE.ROOM_REQUEST, 0xcd, 1]),
      new Uint8Array(0),
      concat(header(CODE.ROOM_DATA, null, "ready"), pack({ ready: true })),
      concat(header(CODE.ROOM_DATA, null, "nope"), pack({})),
      concat(header(CODE.ROOM_DATA_BYTES, null, "ready"), new Uint8Array([1, 2])),
      new Uint8Array([CODE.ROOM_INPUT_RELIABLE, 1, 2, 3]),
      new Uint8Array([0]),
      new Uint8Array([31, 1]),
      new Uint8Array([CODE.ROOM_DATA]),
    ]) {
      send(c, frame);
    }
    expect(handled).toEqual([]);
    expect(c.sent).toEqual([]);
    expect(c.closed()).toBe(false);
  });

  it("logs one line per connection for malformed frames, naming room, session and what was wrong, never the payload", () => {
    const { send, lines } = guardedRoom();
    const a = fakeClient("sA", "mA");
    const b = fakeClient("sB", "mB");
    send(a, concat(header(CODE.ROOM_DATA, null, "secret-type"), pack({ secret: "hunter2" })));
    send(a, requestFrame(1, "nope-secret", { secret: "hunter2" }));
    send(a, requestBytes(2, "ready", deepArrays(100)));
    send(b, requestBytes(3, "ready", deepArrays(100)));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /room gTEST, session sA: a plain message \(ROOM_DATA\) frame; the protocol takes requests only/,
    );
    expect(lines[1]).toMatch(/room gTEST, session sB: a request payload nested more than 16 levels deep/);
    for (const l of lines) expect(l).not.toMatch(/secret|hunter2/);
  });

  it("leaves join, ping and leave frames to Colyseus", () => {
    const { send } = guardedRoom();
    const c = fakeClient("s1", "m1");
    send(c, new Uint8Array([CODE.PING]));
    expect(c.sent.map((b) => Array.from(b))).toEqual([[CODE.PING]]);
    const joining = fakeClient("s2", "m2");
    (joining.client as { state: number }).state = ClientState.JOINING;
    (joining.client as unknown as { _enqueuedMessages: Uint8Array[] })._enqueuedMessages = [];
    send(joining, new Uint8Array([CODE.JOIN_ROOM]));
    expect(joining.client.state).toBe(ClientState.JOINED);
    send(c, new Uint8Array([CODE.LEAVE_ROOM]));
    expect(c.client.state).toBe(ClientState.LEAVING);
  });

  it("answers requests over the member's rate RATE_LIMITED, shares the bucket between a member's connections, and refills", () => {
    const { send, handled, clock, lines } = guardedRoom({ rate: { burst: 3, perSecond: 2 } });
    const tab1 = fakeClient("s1", "m1");
    const tab2 = fakeClient("s2", "m1");
    const other = fakeClient("s3", "m2");
    // Pings are not requests: they take no token.
    for (let i = 0; i < 10; i++) send(tab1, new Uint8Array([CODE.PING]));
    for (let i = 0; i < 2; i++) send(tab1, requestFrame(i, "sync", {}));
    for (let i = 2; i < 4; i++) send(tab2, requestFrame(i, "sync", {}));
    send(other, requestFrame(9, "sync", {}));
    expect(handled).toHaveLength(4);
    expect(tab2.responses()).toEqual([
      { requestId: 2, status: STATUS.OK, payload: { ok: true } },
      {
        requestId: 3,
        status: STATUS.REJECTED,
        payload: { code: "RATE_LIMITED", message: "Too many requests; wait a moment." },
      },
    ]);
    // Malformed requests are answered without taking a token.
    send(tab1, requestFrame(20, "nope", {}));
    send(tab1, requestBytes(21, "sync", deepArrays(50)));
    expect(
      tab1
        .responses()
        .slice(-2)
        .map((r) => (r.payload as { code: string }).code),
    ).toEqual(["INVALID_REQUEST", "INVALID_REQUEST"]);
    clock.t += 500;
    send(tab1, requestFrame(22, "sync", {}));
    send(tab1, requestFrame(23, "sync", {}));
    expect(
      tab1
        .responses()
        .slice(-2)
        .map((r) => r.status),
    ).toEqual([STATUS.OK, STATUS.REJECTED]);
    expect(lines.filter((l) => l.includes("over the rate"))).toHaveLength(2);
  });

  it("frees a member's bucket when its last connection closes", () => {
    const { send, rate, room } = guardedRoom();
    const tab1 = fakeClient("s1", "m1");
    const tab2 = fakeClient("s2", "m1");
    room.clients.push(tab1.client, tab2.client);
    send(tab1, requestFrame(1, "sync", {}));
    send(tab2, requestFrame(2, "sync", {}));
    expect(rate.size).toBe(1);
    room.clients.splice(room.clients.indexOf(tab1.client), 1);
    tab1.client.ref.emit("close");
    expect(rate.size).toBe(1);
    room.clients.splice(room.clients.indexOf(tab2.client), 1);
    tab2.client.ref.emit("close");
    expect(rate.size).toBe(0);
  });

  it("counts frames it answers or drops toward maxMessagesPerSecond: a flood of junk still closes the connection", () => {
    const { send, room } = guardedRoom();
    room.maxMessagesPerSecond = 5;
    const c = fakeClient("s1", "m1");
    for (let i = 0; i < 6; i++) send(c, concat(header(CODE.ROOM_DATA, null, "x"), pack(i)));
    expect(c.client.state).toBe(ClientState.JOINED);
    send(c, requestFrame(7, "nope", {}));
    expect(c.client.state).toBe(ClientState.LEAVING);
    expect(c.responses()).toEqual([]);
  });
});
