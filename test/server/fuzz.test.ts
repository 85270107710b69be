/**
 * Hostile traffic through the real server over WebSockets, from a seeded generator (FUZZ_SEED reproduces a
 * run). A class game (facilitator, Aestria, Borevia, Meridia, Havland, observers, seatless players) is
 * started; then:
 *  1. observers and seatless players write raw frames on their connections: random msgpack, prototype keys in every id
 *     field, deep nesting, huge arrays, wrong types, truncated and bit-flipped frames, random bytes, plain messages,
 *     valid-looking requests for other seats; the honest players and the facilitator write some junk too;
 *  2. every prototype key goes into every id field from the member that can reach the lookup (players of Meridia and
 *     Havland, the facilitator, a lobby game, joins);
 *  3. Meridia and Havland fuzz their own seat;
 *  4. the honest players play a turn.
 * Every frame that carries a readable request id must be answered OK or REJECTED `{ code, message }` with a
 * documented code; nothing closes a connection; the game is unchanged by 1 and 2; Object.prototype, Object,
 * Function.prototype and Array.prototype keep their own properties.
 */
import { matchMaker } from "@colyseus/core";
import { Client, type Room as SdkRoom } from "@colyseus/sdk";
import {
  BOT_PERSONAS,
  CBM_KINDS,
  ERROR_CODES,
  hashValue,
  requestSchemas,
  SERVER_ERROR_CODES,
  type ClientView,
} from "@firebreak/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CrisisRoom } from "../../server/src/rooms/crisis-room.ts";
import { readRequestHeader } from "../../server/src/rooms/request-frame.ts";
import { create, join, testServer, type Peer } from "./harness.ts";
import {
  CODE,
  concat,
  deepArrays,
  echoedId,
  header,
  pack,
  readResponse,
  requestBytes,
  STATUS,
  type Response,
} from "./wire.ts";

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_202);
/** Raw fuzzing connections (observers and seatless players), batches each, frames per batch. */
const FUZZERS = 16;
const BATCHES = 90;
const BATCH = 16;
/**
 * At most one batch per this many ms on a connection: (16 frames + a ping) × 5 batches stays under the room's
 * 120 frames a second.
 */
const BATCH_MS = 250;

const DOCUMENTED = new Set<string>([
  ...SERVER_ERROR_CODES,
  ...ERROR_CODES,
  "RATE_LIMITED",
  "INVALID_REQUEST",
]);
const REQUEST_TYPES = [...Object.keys(requestSchemas), "sync"];
/** Every name a plain object answers to. */
const PROTO_KEYS = [
  ...new Set([
    "__proto__",
    "constructor",
    "toString",
    "hasOwnProperty",
    "valueOf",
    "isPrototypeOf",
    ...Object.getOwnPropertyNames(Object.prototype),
  ]),
];
const SEATS = ["aestria", "borevia", "meridia", "havland"];
const ID_STRINGS = [
  ...PROTO_KEYS,
  ...SEATS,
  "",
  " ",
  "x".repeat(64),
  "x".repeat(65),
  "AESTRIA",
  "aestria ",
  "prototype",
  "then",
  "length",
  "__proto_",
  "null",
  "undefined",
  "0",
  "-1",
  "é",
  "\u0000",
];
const UNKNOWN_TYPES = [
  ...PROTO_KEYS,
  "",
  "nope",
  "ORDERS",
  "orders ",
  "fac:",
  "fac:*",
  "*",
  "_$bready",
  "welcome",
  "view",
  "patch",
  "x".repeat(300),
];
const ORDER_TYPES = [
  "espionage",
  "preposition",
  "ddos",
  "influence",
  "disrupt",
  "destroy",
  "develop",
  "harden",
  "hunt",
  "investigate",
  "attribute",
  "inquire",
  "answer",
  "sanction",
  "expel",
  "statement",
  "mobilize",
  "strike",
];
const TARGETED_ORDERS = [
  "espionage",
  "preposition",
  "ddos",
  "influence",
  "disrupt",
  "destroy",
  "sanction",
  "expel",
  "mobilize",
  "strike",
];
const EFFECT_FIELDS: Array<[string, (k: string) => Record<string, unknown>]> = [
  ["tension a", (k) => ({ type: "tension", a: k, b: "aestria", delta: 1 })],
  ["tension b", (k) => ({ type: "tension", a: "aestria", b: k, delta: 1 })],
  ["stat state", (k) => ({ type: "stat", state: k, stat: "economy", delta: 1 })],
  ["stat stat", (k) => ({ type: "stat", state: "aestria", stat: k, delta: 1 })],
  ["suspicion from", (k) => ({ type: "suspicion", from: k, to: "aestria", delta: 0.5 })],
  ["suspicion to", (k) => ({ type: "suspicion", from: "aestria", to: k, delta: 0.5 })],
  ["incident target", (k) => ({ type: "nonStateIncident", target: k, kind: "ddos" })],
];

/** xorshift32: the whole run follows from SEED. */
class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0 || 1;
  }
  u32(): number {
    let x = this.s;
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    this.s = x;
    return x;
  }
  int(n: number): number {
    return this.u32() % n;
  }
  chance(p: number): boolean {
    return this.u32() / 2 ** 32 < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)] as T;
  }
  bytes(n: number): Uint8Array {
    return Uint8Array.from({ length: n }, () => this.int(256));
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Waits for a condition the server's answers make true (the limit only turns a hang into a readable failure).
 */
async function until(what: () => string | null, limitMs = 60_000): Promise<void> {
  const start = Date.now();
  for (;;) {
    const missing = what();
    if (missing === null) return;
    if (Date.now() - start > limitMs) throw new Error(`still waiting: ${missing}`);
    await sleep(5);
  }
}

/**
 * Why an answer breaks the protocol (null when it keeps it): OK `{ ok: true, … }`, or REJECTED `{ code,
 * message }` with a documented code.
 */
function breach(r: { status: number; payload: unknown }): string | null {
  const p = r.payload as Record<string, unknown> | null | undefined;
  const text = JSON.stringify(p) ?? "undefined";
  if (/RangeError|call stack/i.test(text)) return `a RangeError: ${text}`;
  if (r.status === STATUS.OK)
    return p !== null && typeof p === "object" && p.ok === true ? null : `OK without { ok: true }: ${text}`;
  if (r.status !== STATUS.REJECTED) return `status ${r.status}: ${text}`;
  if (p === null || typeof p !== "object" || Object.keys(p).sort().join() !== "code,message")
    return `REJECTED without exactly { code, message }: ${text}`;
  if (typeof p.code !== "string" || !DOCUMENTED.has(p.code)) return `undocumented code: ${text}`;
  if (typeof p.message !== "string" || p.message.length === 0) return `no message: ${text}`;
  return null;
}

const bump = (m: Map<number, number>, k: number) => m.set(k, (m.get(k) ?? 0) + 1);

/**
 * A connection written to frame by frame; counts the frames that carry a readable request id and the answers
 * that come back.
 */
class Wire {
  readonly expected = new Map<number, number>();
  readonly answered = new Map<number, number>();
  readonly responses: Array<Response & { note: string }> = [];
  readonly notes = new Map<number, string>();
  frames = 0;
  answerable = 0;
  closed: number | null = null;
  private pingsSent = 0;
  private pongs = 0;
  private readonly ws: WebSocket;
  readonly name: string;

  constructor(name: string, room: SdkRoom) {
    this.name = name;
    this.ws = (room.connection.transport as unknown as { ws: WebSocket }).ws;
    this.ws.addEventListener("message", (ev: MessageEvent) =>
      this.receive(new Uint8Array(ev.data as ArrayBuffer)),
    );
    room.onLeave((code: number) => {
      this.closed = code;
    });
  }

  send(frame: Uint8Array, note: string): void {
    this.frames++;
    const code = (frame[0] ?? 0) & 0x1f;
    if (frame.length > 0 && code === CODE.PING) this.pingsSent++;
    const h = frame.length > 0 && code === CODE.ROOM_REQUEST ? readRequestHeader(frame) : null;
    if (h) {
      const id = echoedId(h.requestId);
      bump(this.expected, id);
      this.notes.set(id, note);
      this.answerable++;
    }
    this.ws.send(frame);
  }

  /** Resolves once the server has handled everything sent so far (its answer to a ping comes after them). */
  async flush(): Promise<void> {
    this.pingsSent++;
    this.ws.send(new Uint8Array([CODE.PING]));
    const want = this.pingsSent;
    await until(() =>
      this.pongs >= want
        ? null
        : this.closed !== null
          ? null
          : `${this.name}: ${this.pongs}/${want} pings answered`,
    );
  }

  /**
   * Sends `batches` batches of the generator's frames, each handled by the server before the next, at most
   * one per BATCH_MS.
   */
  async fuzz(gen: Generator, batches: number): Promise<void> {
    for (let batch = 0; batch < batches && this.closed === null; batch++) {
      const t0 = Date.now();
      for (let f = 0; f < BATCH; f++) {
        const { bytes, note } = gen.frame();
        this.send(bytes, note);
      }
      await this.flush();
      await sleep(Math.max(0, BATCH_MS - (Date.now() - t0)));
    }
  }

  /** Answers that break the protocol. */
  breaches(): string[] {
    return this.responses.flatMap((r) => {
      const why = breach(r);
      return why === null ? [] : [`${this.name} #${r.requestId} (${r.note}): ${why}`];
    });
  }

  /** Request ids sent and not answered as often as sent. */
  unanswered(): string[] {
    return [...this.expected]
      .filter(([id, n]) => (this.answered.get(id) ?? 0) < n)
      .map(([id, n]) => `${this.name} #${id} (${this.notes.get(id)}): ${this.answered.get(id) ?? 0}/${n}`);
  }

  private receive(bytes: Uint8Array): void {
    if (bytes[0] === CODE.PING) this.pongs++;
    const r = readResponse(bytes);
    if (!r) return;
    bump(this.answered, r.requestId);
    this.responses.push({ ...r, note: this.notes.get(r.requestId) ?? "(sdk)" });
  }
}

/** What the generator knows about the game: ids worth aiming at. */
interface Aim {
  turn: number;
  proposals: string[];
  members: string[];
  incidents: string[];
}

/** The ids a facilitator's view shows. */
function aimAt(v: ClientView): Aim {
  return {
    turn: v.game.turn,
    proposals: v.game.proposals.map((p) => p.id),
    members: [
      ...v.session.seats.flatMap((s) => s.members.map((m) => m.id)),
      ...v.session.unseated.map((m) => m.id),
    ].filter((x): x is string => typeof x === "string"),
    incidents: v.game.incidents.map((x) => x.id),
  };
}

/** One hostile frame. */
class Generator {
  private nextId = 1_000_000;
  private readonly rng: Rng;
  private readonly aim: Aim;
  constructor(rng: Rng, aim: Aim) {
    this.rng = rng;
    this.aim = aim;
  }

  frame(): { bytes: Uint8Array; note: string } {
    const r = this.rng;
    const kinds: Array<[number, string]> = [
      [26, "hostile"],
      [10, "random-value"],
      [8, "other-seat"],
      [6, "wrong-type"],
      [6, "proto-type"],
      [4, "deep"],
      [4, "huge"],
      [8, "truncated"],
      [8, "flipped"],
      [10, "random-bytes"],
      [10, "data"],
    ];
    let roll = r.int(kinds.reduce((n, [w]) => n + w, 0));
    const kind =
      kinds.find(([w]) => {
        roll -= w;
        return roll < 0;
      })?.[1] ?? "hostile";
    let bytes = this.build(kind);
    if (bytes.length > 30_000) bytes = bytes.subarray(0, 30_000);
    if (bytes.length > 0 && ((bytes[0] ?? 0) & 0x1f) === CODE.LEAVE_ROOM)
      bytes = concat(Uint8Array.of((bytes[0] ?? 0) ^ 1), bytes.subarray(1));
    return { bytes, note: kind };
  }

  private id(): number {
    return this.rng.chance(0.9)
      ? this.nextId++
      : this.rng.pick([
          0,
          1,
          127,
          128,
          255,
          65_535,
          65_536,
          2 ** 32 - 1,
          2 ** 40,
          -1,
          -129,
          -40_000,
          0.5,
          1e300,
        ]);
  }

  private type(): string {
    return this.rng.chance(0.85) ? this.rng.pick(REQUEST_TYPES) : this.rng.pick(UNKNOWN_TYPES);
  }

  private request(type: string | number, payload: unknown): Uint8Array {
    let body: Uint8Array | undefined;
    try {
      body = payload === undefined ? undefined : pack(payload);
    } catch {
      body = this.rng.bytes(8);
    }
    return requestBytes(this.id(), type, body);
  }

  private build(kind: string): Uint8Array {
    const r = this.rng;
    switch (kind) {
      case "hostile": {
        const type = this.type();
        return this.request(type, this.mutate(this.hostile(type)));
      }
      case "random-value":
        return this.request(this.type(), this.value(4));
      case "other-seat": {
        const type = r.pick(REQUEST_TYPES);
        return this.request(type, this.plausible(type));
      }
      case "wrong-type":
        return this.request(
          this.type(),
          r.pick<unknown>([undefined, null, 0, -1, "", "{}", [], [{}], true, 1.5, "x".repeat(1000)]),
        );
      case "proto-type":
        return this.request(
          r.chance(0.8) ? r.pick(PROTO_KEYS) : r.pick([0, 1, -1, 2 ** 31]),
          r.chance(0.5) ? {} : this.hostile(r.pick(REQUEST_TYPES)),
        );
      case "deep": {
        const n = r.pick([17, 100, 1000, 10_000, 29_000]);
        const inner = r.chance(0.5) ? deepArrays(n) : deepMaps(Math.min(n, 9_000));
        const body = r.chance(0.5)
          ? inner
          : concat(Uint8Array.of(0x82), pack("turn"), pack(this.aim.turn), pack("orders"), inner);
        return requestBytes(this.id(), this.type(), body);
      }
      case "huge": {
        const body = r.pick([
          () => pack({ turn: this.aim.turn, orders: Array.from({ length: 5000 }, () => ({ type: "hunt" })) }),
          () => pack(Array.from({ length: 25_000 }, () => 0)),
          () => Uint8Array.of(0xdd, 0xff, 0xff, 0xff, 0xff, 0x01),
          () => Uint8Array.of(0xdf, 0x7f, 0xff, 0xff, 0xff, 0xa1, 0x61, 0x01),
          () => concat(Uint8Array.of(0xdb, 0x7f, 0xff, 0xff, 0xff), r.bytes(20)),
          () => pack({ channel: "public", text: "x".repeat(28_000) }),
          () => pack({ parties: Array.from({ length: 3000 }, () => "aestria"), kind: "hotline" }),
        ])();
        return requestBytes(this.id(), this.type(), body);
      }
      case "truncated": {
        const whole = this.request(this.type(), this.hostile(r.pick(REQUEST_TYPES)));
        return whole.subarray(0, r.int(whole.length) + 1);
      }
      case "flipped": {
        const whole = Uint8Array.from(this.request(this.type(), this.plausible(r.pick(REQUEST_TYPES))));
        for (let i = r.int(4) + 1; i > 0; i--) whole[r.int(whole.length)] = r.int(256);
        return whole;
      }
      case "random-bytes":
        return r.chance(0.5)
          ? concat(Uint8Array.of(CODE.ROOM_REQUEST), r.bytes(r.int(40)))
          : r.bytes(r.int(64));
      default: {
        const code = r.pick([
          CODE.ROOM_DATA,
          CODE.ROOM_DATA,
          CODE.ROOM_DATA_BYTES,
          CODE.ROOM_INPUT_RELIABLE,
          20,
          0,
          11,
          14,
          15,
          16,
          22,
          23,
          31,
          CODE.JOIN_ROOM,
          CODE.ROOM_DATA | 0x80,
        ]);
        const type = r.chance(0.7) ? r.pick(REQUEST_TYPES) : r.pick(UNKNOWN_TYPES);
        let body: Uint8Array;
        try {
          body = pack(this.hostile(type));
        } catch {
          body = r.bytes(4);
        }
        return concat(header(code, null, type), body);
      }
    }
  }

  /** An id, usually a string (prototype keys weigh most), sometimes not a string at all. */
  private idish(): unknown {
    const r = this.rng;
    if (r.chance(0.85)) return r.chance(0.5) ? r.pick(PROTO_KEYS) : r.pick(ID_STRINGS);
    return r.pick<unknown>([
      42,
      -1,
      null,
      true,
      {},
      [],
      ["aestria"],
      1.5,
      Object.fromEntries([["__proto__", { polluted: 1 }]]),
    ]);
  }

  private channel(): unknown {
    const r = this.rng;
    const k = () => r.pick(ID_STRINGS);
    return r.pick([
      () => `private:${k()}`,
      () => `hotline:${k()}`,
      () => `team:${k()}`,
      () => `private:${k()}:${k()}`,
      () => `hotline:${k()}:${k()}`,
      () => `${k()}:${k()}`,
      () => k(),
      () => "public",
      () => "team",
      () => this.idish(),
    ])();
  }

  private order(): unknown {
    const r = this.rng;
    const o: Record<string, unknown> = { type: r.chance(0.9) ? r.pick(ORDER_TYPES) : this.idish() };
    for (const f of ["target", "falseFlag", "incident", "accused", "inquiry"])
      if (r.chance(0.4))
        o[f] = f === "incident" && r.chance(0.3) ? r.pick([...this.aim.incidents, "i1"]) : this.idish();
    if (r.chance(0.2)) o.proxy = r.pick([true, false, "yes", 1]);
    if (r.chance(0.2)) o.overt = r.pick([true, false, null]);
    if (r.chance(0.2)) o.reply = r.pick(["deny", "explain", "acknowledge", ...PROTO_KEYS]);
    if (r.chance(0.2)) o.tone = r.pick(["reassure", "warn", "constructor"]);
    if (r.chance(0.1)) o.text = r.pick(["", "hello", "x".repeat(3000)]);
    return o;
  }

  /** A payload shaped like the type's, with hostile values in its fields. */
  private hostile(type: string): unknown {
    const r = this.rng;
    switch (type) {
      case "orders":
        return {
          turn: r.pick<unknown>([this.aim.turn, this.aim.turn, 0, -1, 1001, "1", 1.5, null]),
          orders: Array.from({ length: r.int(14) }, () => this.order()),
        };
      case "ready":
        return { ready: r.pick<unknown>([true, false, "true", 1, null]) };
      case "chat":
        return {
          channel: this.channel(),
          text: r.pick<unknown>(["hi", "", "   ", "x".repeat(501), "x".repeat(2001), 5, null]),
        };
      case "propose":
        return {
          kind: r.chance(0.5) ? r.pick(CBM_KINDS) : this.idish(),
          parties: Array.from({ length: r.int(5) }, () => this.idish()),
        };
      case "respond":
        return {
          proposal: r.chance(0.3) ? r.pick([...this.aim.proposals, "p1"]) : this.idish(),
          accept: r.pick<unknown>([true, false, "yes"]),
          ...(r.chance(0.3) ? { note: r.pick<unknown>(["no", "x".repeat(281), 3]) } : {}),
        };
      case "lobby:seat":
        return { seat: r.chance(0.2) ? null : this.idish() };
      case "fac:assign":
        return {
          member: r.chance(0.3) ? r.pick([...this.aim.members, "m1"]) : this.idish(),
          seat: r.chance(0.2) ? null : this.idish(),
        };
      case "fac:bot":
        return {
          seat: this.idish(),
          bot: r.pick<unknown>([true, false, 1]),
          ...(r.chance(0.5) ? { persona: r.chance(0.5) ? r.pick(BOT_PERSONAS) : this.idish() } : {}),
        };
      case "fac:extend":
        return { seconds: r.pick<unknown>([10, 9, 3600, 604_800, 604_801, -5, 1.5, "60", null]) };
      case "fac:inject":
        return r.chance(0.4)
          ? { id: this.idish() }
          : {
              inject: {
                id: this.idish(),
                title: "t",
                text: "t",
                effects: Array.from({ length: r.int(3) }, () =>
                  r.pick(EFFECT_FIELDS)[1](String(this.idish())),
                ),
              },
            };
      default:
        return r.chance(0.7) ? {} : Object.fromEntries([[r.pick(ID_STRINGS), this.value(2)]]);
    }
  }

  /**
   * A well-formed request naming real seats, proposals and members: refused by role or seat, not by shape.
   */
  private plausible(type: string): unknown {
    const r = this.rng;
    const seat = r.pick(SEATS);
    switch (type) {
      case "orders":
        return { turn: this.aim.turn, orders: [{ type: "espionage", target: seat }] };
      case "ready":
        return { ready: true };
      case "chat":
        return {
          channel: r.pick([
            "public",
            "team",
            `private:${seat}`,
            `team:${seat}`,
            "private:aestria:borevia",
            "hotline:borevia",
          ]),
          text: "hello",
        };
      case "propose":
        return { kind: r.pick(CBM_KINDS), parties: [seat] };
      case "respond":
        return { proposal: r.pick([...this.aim.proposals, "p1"]), accept: true };
      case "lobby:seat":
        return { seat };
      case "fac:assign":
        return { member: r.pick([...this.aim.members, "m1"]), seat };
      case "fac:bot":
        return { seat, bot: r.chance(0.5), persona: r.pick(BOT_PERSONAS) };
      case "fac:extend":
        return { seconds: 60 };
      case "fac:inject":
        return r.chance(0.5)
          ? { id: "blackout" }
          : {
              inject: {
                id: "fuzz",
                title: "t",
                text: "t",
                effects: [{ type: "tension", a: "aestria", b: "borevia", delta: 3 }],
              },
            };
      default:
        return {};
    }
  }

  /** Replaces, adds or removes a field now and then. */
  private mutate(p: unknown): unknown {
    const r = this.rng;
    if (p === null || typeof p !== "object" || Array.isArray(p) || !r.chance(0.3)) return p;
    const o = { ...(p as Record<string, unknown>) };
    const keys = Object.keys(o);
    const which = r.int(3);
    if (which === 0 && keys.length > 0) o[r.pick(keys)] = this.value(2);
    else if (which === 1 && keys.length > 0) delete o[r.pick(keys)];
    else
      Object.defineProperty(o, r.pick(ID_STRINGS), {
        value: this.value(1),
        enumerable: true,
        configurable: true,
        writable: true,
      });
    return o;
  }

  /** Any value msgpackr can write: JSON values, undefined, BigInt, dates, bytes, maps with number keys. */
  private value(depth: number): unknown {
    const r = this.rng;
    switch (r.int(depth > 0 ? 15 : 11)) {
      case 0:
        return null;
      case 1:
        return r.chance(0.5);
      case 2:
        return r.int(200) - 100;
      case 3:
        return r.u32() * r.u32();
      case 4:
        return r.u32() / 7;
      case 5:
        return r.pick(ID_STRINGS);
      case 6:
        return String.fromCharCode(...Array.from({ length: r.int(12) }, () => r.int(0x3000)));
      case 7:
        return undefined;
      case 8:
        return BigInt(r.u32()) * 2n ** 20n;
      case 9:
        return new Date(r.u32());
      case 10:
        return r.bytes(r.int(8));
      case 11:
        return new Map([[r.int(5), this.value(depth - 1)]]);
      case 12:
      case 13:
        return Array.from({ length: r.int(6) }, () => this.value(depth - 1));
      default:
        return Object.fromEntries(
          Array.from({ length: r.int(5) }, () => [r.pick(ID_STRINGS), this.value(depth - 1)]),
        );
    }
  }
}

/** `levels` single-key maps nested in one another, as msgpack bytes. */
function deepMaps(levels: number): Uint8Array {
  const out = new Uint8Array(levels * 3 + 1);
  for (let i = 0; i < levels; i++) out.set([0x81, 0xa1, 0x61], i * 3);
  out[levels * 3] = 1;
  return out;
}

/** An answer to an SDK request, in the wire's terms. */
interface Answer {
  status: number;
  payload: unknown;
}

/**
 * Sends a request with the SDK; a RATE_LIMITED answer is waited out and sent again (the members here send
 * hundreds).
 */
async function ask(room: SdkRoom, type: string, payload: unknown): Promise<Answer> {
  for (let attempt = 0; ; attempt++) {
    try {
      return { status: STATUS.OK, payload: await room.request(type, payload) };
    } catch (e) {
      const err = e as Error & { reason?: { code?: string } };
      if (err.name !== "rejected")
        return { status: STATUS.ERROR, payload: { name: err.name, message: err.message } };
      if (err.reason?.code !== "RATE_LIMITED" || attempt >= 300)
        return { status: STATUS.REJECTED, payload: err.reason };
      await sleep(110);
    }
  }
}

/**
 * The own properties of Object.prototype and of the objects a prototype key reaches next (Object,
 * Function.prototype, Array.prototype): names and kinds.
 */
function prototypeShape(): string[] {
  const reached: Array<[string, object]> = [
    ["Object.prototype", Object.prototype],
    ["Object", Object],
    ["Function.prototype", Function.prototype],
    ["Array.prototype", Array.prototype],
  ];
  return reached.flatMap(([name, o]) =>
    Object.getOwnPropertyNames(o).map((k) => {
      const d = Object.getOwnPropertyDescriptor(o, k);
      return `${name}.${k}:${typeof d?.value}:${String(d?.get === undefined)}:${String(d?.enumerable)}`;
    }),
  );
}

let srv: Awaited<ReturnType<typeof testServer>>;
beforeAll(async () => {
  srv = await testServer();
});
afterAll(async () => {
  await srv.close();
});

/** A bare SDK connection (no view mirror, so it never sends a request of its own). */
async function rawMember(roomId: string, options: Record<string, unknown>): Promise<SdkRoom> {
  const room = await new Client(srv.url).joinById(roomId, options);
  room.onMessage("*", () => {});
  return room;
}

describe("fuzzing the server over WebSockets", () => {
  const seed = `seed ${SEED}`;
  let fac: Peer, a: Peer, b: Peer, c: Peer, d: Peer;
  let roomId = "";
  let code = "";
  let lobby: { fac: Peer; player: Peer; code: string; roomId: string };
  const honestClosed: string[] = [];
  const findings: string[] = [];
  const prototypeBefore = prototypeShape();
  const hashOf = (id: string) => hashValue((matchMaker.getLocalRoomById(id) as CrisisRoom).session.game);

  beforeAll(async () => {
    fac = await create(srv.url, {
      scenario: "baltic-fog",
      name: "Facilitator",
      seed: "fuzz-1",
      turnSeconds: 0,
      takeoverSeconds: 0,
    });
    roomId = fac.room.roomId;
    code = fac.view.session.code;
    a = await join(srv.url, roomId, { code, name: "Ana", role: "player", seat: "aestria" });
    b = await join(srv.url, roomId, { code, name: "Ben", role: "player", seat: "borevia" });
    c = await join(srv.url, roomId, { code, name: "Cy", role: "player", seat: "meridia" });
    d = await join(srv.url, roomId, { code, name: "Dee", role: "player", seat: "havland" });
    for (const [name, p] of [
      ["facilitator", fac],
      ["Ana", a],
      ["Ben", b],
      ["Cy", c],
      ["Dee", d],
    ] as const)
      p.room.onLeave((closeCode: number) => honestClosed.push(`${name} closed ${closeCode}`));
    expect((await fac.ask("fac:start")).ok).toBe(true);
    await a.until((v) => v.session.phase === "planning");
    const lf = await create(srv.url, {
      scenario: "baltic-fog",
      name: "Lobby",
      seed: "fuzz-lobby",
      turnSeconds: 0,
    });
    const lp = await join(srv.url, lf.room.roomId, {
      code: lf.view.session.code,
      name: "Lee",
      role: "player",
    });
    lobby = { fac: lf, player: lp, code: lf.view.session.code, roomId: lf.room.roomId };
  });

  it(`answers every request frame with OK or a documented rejection, closes nothing and changes nothing (${seed})`, async () => {
    const fuzzRooms: SdkRoom[] = [];
    for (let i = 0; i < FUZZERS; i++) {
      fuzzRooms.push(
        await rawMember(
          roomId,
          i % 4 === 3
            ? { code, name: `Seatless ${i}`, role: "player" }
            : { code, name: `Watcher ${i}`, role: "observer" },
        ),
      );
    }
    const aim = aimAt(fac.view);
    const hashBefore = hashOf(roomId);

    const wires = fuzzRooms.map((room, i) => new Wire(`fuzzer ${i}`, room));
    const honest = [new Wire("facilitator", fac.room), new Wire("Ana", a.room), new Wire("Ben", b.room)];
    const started = Date.now();
    await Promise.all([
      ...wires.map((w, i) => w.fuzz(new Generator(new Rng(SEED + i), aim), BATCHES)),
      // Honest connections get junk too (frames the guard answers or drops without charging the member): none
      // may close.
      ...honest.map(async (w, i) => {
        const gen = new Generator(new Rng(SEED + 100 + i), aim);
        for (let n = 0; n < 40; n++) {
          const { bytes, note } = gen.frame();
          const h = ((bytes[0] ?? 0) & 0x1f) === CODE.ROOM_REQUEST ? readRequestHeader(bytes) : null;
          // Only what the guard refuses by itself: a wrong type, or a payload it cannot take; never a request
          // a handler would act on.
          if (h && typeof h.type === "string" && REQUEST_TYPES.includes(h.type)) continue;
          w.send(bytes, note);
          if (n % 10 === 9) await w.flush();
        }
        await w.flush();
      }),
    ]);
    const seconds = (Date.now() - started) / 1000;

    const all = [...wires, ...honest];
    const frames = all.reduce((n, w) => n + w.frames, 0);
    const answerable = all.reduce((n, w) => n + w.answerable, 0);
    const responses = all.flatMap((w) => w.responses.filter((r) => r.note !== "(sdk)"));
    const byCode = new Map<string, number>();
    for (const r of responses) {
      const k =
        r.status === STATUS.OK
          ? "OK"
          : String((r.payload as { code?: unknown } | undefined)?.code ?? `status ${r.status}`);
      byCode.set(k, (byCode.get(k) ?? 0) + 1);
    }
    process.stdout.write(
      `fuzz ${seed}: ${frames} frames (${answerable} with a request id) in ${seconds.toFixed(1)} s; ` +
        `answers ${JSON.stringify(Object.fromEntries([...byCode].sort()))}\n`,
    );

    expect(all.flatMap((w) => w.unanswered()).slice(0, 20), seed).toEqual([]);
    expect(responses.length).toBeGreaterThanOrEqual(answerable);
    expect(all.flatMap((w) => w.breaches()).slice(0, 20), seed).toEqual([]);
    expect(
      all.filter((w) => w.closed !== null).map((w) => `${w.name} closed ${w.closed}`),
      seed,
    ).toEqual([]);
    expect(honestClosed).toEqual([]);
    expect(hashOf(roomId), `${seed}: observers, seatless players and junk changed the game`).toBe(hashBefore);
    expect(prototypeShape()).toEqual(prototypeBefore);
    for (const room of fuzzRooms) await room.leave(true);
  });

  it("refuses every prototype key in every id field, from the member whose request reaches the lookup", async () => {
    const hashBefore = hashOf(roomId);
    const lobbyHashBefore = hashOf(lobby.roomId);
    const turn = a.view.game.turn;
    const record = (who: string, type: string, payload: unknown, answer: Answer): void => {
      const why = breach(answer) ?? (answer.status === STATUS.OK ? "accepted" : null);
      if (why) findings.push(`${who} ${type} ${JSON.stringify(payload)} → ${why}`);
    };
    const run = async (who: string, peer: Peer, cases: Array<[string, unknown]>): Promise<void> => {
      for (const [type, payload] of cases) record(who, type, payload, await ask(peer.room, type, payload));
    };
    const playerCases = (k: string): Array<[string, unknown]> => [
      ...TARGETED_ORDERS.map((t): [string, unknown] => [
        "orders",
        { turn, orders: [{ type: t, target: k }] },
      ]),
      ["orders", { turn, orders: [{ type: "statement", tone: "warn", target: k }] }],
      ["orders", { turn, orders: [{ type: "espionage", target: "aestria", falseFlag: k }] }],
      ["orders", { turn, orders: [{ type: "investigate", incident: k }] }],
      ["orders", { turn, orders: [{ type: "attribute", incident: k, accused: "aestria" }] }],
      [
        "orders",
        { turn, orders: [{ type: "attribute", incident: a.view.game.incidents[0]?.id ?? k, accused: k }] },
      ],
      ["orders", { turn, orders: [{ type: "inquire", target: k, incident: k }] }],
      ["orders", { turn, orders: [{ type: "inquire", target: "aestria", incident: k }] }],
      ["orders", { turn, orders: [{ type: "answer", inquiry: k, reply: "deny" }] }],
      ["propose", { kind: k, parties: ["aestria"] }],
      ["propose", { kind: "hotline", parties: [k] }],
      ["respond", { proposal: k, accept: true }],
      ["respond", { proposal: k, accept: false, note: "no" }],
      ["chat", { channel: `private:${k}`, text: "hello" }],
      ["chat", { channel: `hotline:${k}`, text: "hello" }],
      ["chat", { channel: k, text: "hello" }],
      ["chat", { channel: `${k}:aestria`, text: "hello" }],
    ];
    const injectCases = (k: string): Array<[string, unknown]> => [
      ["fac:inject", { id: k }],
      ["fac:inject", { inject: { id: k, title: "t", text: "t", effects: [] } }],
      ...EFFECT_FIELDS.map(([, effect]): [string, unknown] => [
        "fac:inject",
        { inject: { id: "fuzz", title: "t", text: "t", effects: [effect(k)] } },
      ]),
    ];
    const lobbyFacCases = (k: string): Array<[string, unknown]> => [
      ["fac:assign", { member: k, seat: "aestria" }],
      ["fac:assign", { member: lobby.player.memberId, seat: k }],
      ["fac:bot", { seat: k, bot: true }],
      ["fac:bot", { seat: k, bot: false }],
      ["fac:bot", { seat: "aestria", bot: true, persona: k }],
      ["chat", { channel: `team:${k}`, text: "hello" }],
      ["chat", { channel: `private:${k}:aestria`, text: "hello" }],
      ["chat", { channel: `private:aestria:${k}`, text: "hello" }],
      ["chat", { channel: `hotline:${k}:aestria`, text: "hello" }],
      ["chat", { channel: `hotline:aestria:${k}`, text: "hello" }],
    ];
    const joins = async (): Promise<void> => {
      for (const k of PROTO_KEYS) {
        for (const [where, id, joinCode] of [
          ["game", roomId, code],
          ["lobby", lobby.roomId, lobby.code],
        ] as const) {
          const options = { code: joinCode, name: "Proto", role: "player", seat: k };
          try {
            const room = await new Client(srv.url).joinById(id, options);
            findings.push(`join ${where} ${JSON.stringify(options)} → accepted`);
            await room.leave(true);
          } catch (e) {
            const m = /^([A-Z_]+): /.exec((e as Error).message);
            if (!m || !DOCUMENTED.has(m[1] ?? ""))
              findings.push(`join ${where} ${JSON.stringify(options)} → ${(e as Error).message}`);
          }
        }
      }
    };
    const half = Math.ceil(PROTO_KEYS.length / 2);
    await Promise.all([
      run("Meridia", c, PROTO_KEYS.slice(0, half).flatMap(playerCases)),
      run("Havland", d, PROTO_KEYS.slice(half).flatMap(playerCases)),
      run("facilitator", fac, PROTO_KEYS.flatMap(injectCases)),
      run("lobby facilitator", lobby.fac, PROTO_KEYS.flatMap(lobbyFacCases)),
      run(
        "lobby player",
        lobby.player,
        PROTO_KEYS.map((k): [string, unknown] => ["lobby:seat", { seat: k }]),
      ),
      joins(),
    ]);
    expect(findings, `${findings.length} prototype-key requests were not refused`).toEqual([]);
    expect(hashOf(roomId)).toBe(hashBefore);
    expect(hashOf(lobby.roomId)).toBe(lobbyHashBefore);
    expect(prototypeShape()).toEqual(prototypeBefore);
    expect(honestClosed).toEqual([]);
  });

  it(`answers hostile requests from a seat's own players with OK or a documented rejection (${seed})`, async () => {
    const aim = aimAt(fac.view);
    const wires = [new Wire("Meridia", c.room), new Wire("Havland", d.room)];
    await Promise.all(wires.map((w, i) => w.fuzz(new Generator(new Rng(SEED + 200 + i), aim), 20)));
    expect(wires.flatMap((w) => w.unanswered()).slice(0, 20), seed).toEqual([]);
    expect(wires.flatMap((w) => w.breaches()).slice(0, 20), seed).toEqual([]);
    expect(honestClosed).toEqual([]);
    expect(prototypeShape()).toEqual(prototypeBefore);
  });

  it("afterwards a normal turn is playable, an 'accept all' burst included, on connections that were never closed", async () => {
    const turn = a.view.game.turn;
    const waiting = a.view.game.proposals.filter(
      (p) =>
        p.parties.includes("aestria") && !p.accepted.includes("aestria") && !p.declined.includes("aestria"),
    );
    // "Accept all" on a solo game's ten opening proposals is ten requests at once; here ten syncs stand in
    // for the ones that are not open.
    const burst = await Promise.all([
      ...waiting.map((p) => ask(a.room, "respond", { proposal: p.id, accept: true })),
      ...Array.from({ length: Math.max(0, 10 - waiting.length) }, () => ask(a.room, "sync", {})),
    ]);
    expect(
      burst.map((x) => breach(x) ?? (x.status === STATUS.OK ? "OK" : JSON.stringify(x.payload))),
    ).toEqual(burst.map(() => "OK"));
    for (const [p, orders] of [
      [a, [{ type: "espionage", target: "borevia" }, { type: "harden" }]],
      [b, [{ type: "hunt" }]],
      [c, []],
      [d, []],
    ] as const) {
      const o = await ask(p.room, "orders", { turn, orders });
      expect(o.status, JSON.stringify(o.payload)).toBe(STATUS.OK);
    }
    for (const p of [a, b, c, d])
      expect((await ask(p.room, "ready", { ready: true })).status).toBe(STATUS.OK);
    for (const p of [a, b, fac]) await p.until((x) => x.game.turn > turn || x.session.phase === "ended");
    expect(honestClosed).toEqual([]);
    expect(prototypeShape()).toEqual(prototypeBefore);
  });
});
