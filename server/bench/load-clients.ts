/** The load bench's people: scripted SDK clients that set up rooms, play them, and record what they measure. */
import { Client, type Room } from "@colyseus/sdk";
import { type ClientView, type PatchOp, type ViewPatch, ViewMirror } from "@firebreak/shared";
import { fetchFrom } from "./local-fetch.ts";

/** The scenario every room plays, and its seats (one player each). */
export const SCENARIO = "baltic-fog";
export const SEATS = ["aestria", "borevia", "meridia", "havland"] as const;

/** Set when the bench is shutting down: disconnects from then on are expected. */
export const bench = { stopping: false };

/** Resolves after `ms`. */
export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Small seeded PRNG (mulberry32) for think times and order choices. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type RequestType = "fac:start" | "orders" | "ready";

/** Everything measured while rooms play. */
export class Recorder {
  latency: Record<RequestType, number[]> = { "fac:start": [], orders: [], ready: [] };
  rejected: Record<string, number> = {};
  failed: Record<string, number> = {};
  joinMs: number[] = [];
  /** [sent at, latency, type] of every answered request, for the debug timeline (LOAD_DEBUG=1). */
  timeline: Array<[number, number, string]> = [];
  views = 0;
  disconnects = 0;
  inflight = 0;

  async request(room: Room, type: RequestType, payload: unknown): Promise<"ok" | "rejected" | "failed"> {
    const t0 = performance.now();
    this.inflight++;
    try {
      await room.request(type, payload);
      this.latency[type].push(performance.now() - t0);
      this.timeline.push([t0, performance.now() - t0, type]);
      return "ok";
    } catch (e) {
      const err = e as Error & { reason?: { code?: string } };
      if (err.name === "rejected") {
        // A deliberate rejection is an answer too.
        this.latency[type].push(performance.now() - t0);
        const k = `${type}:${err.reason?.code ?? "?"}`;
        this.rejected[k] = (this.rejected[k] ?? 0) + 1;
        return "rejected";
      }
      const k = `${type}:${err.message.slice(0, 60)}`;
      this.failed[k] = (this.failed[k] ?? 0) + 1;
      return "failed";
    } finally {
      this.inflight--;
    }
  }
}

export type Role = "facilitator" | "player" | "observer";

/** One connected person of a room. */
export interface Person {
  room: Room;
  role: Role;
  seat: string | null;
  index: number;
  /** Turn of the latest planning view (0 before the game starts). */
  seenTurn: number;
  actedTurn: number;
  ended: boolean;
  /** The join code, from the first view. */
  code: string;
  /** The latest view, kept only in the quiet game (1,200 retained views would weigh on this process's heap). */
  last: ClientView | null;
  /** Applies patches to `last` (quiet game only). */
  mirror: ViewMirror<ClientView> | null;
  /** Phase and turn of the latest snapshot or patch: all the scripted players need. */
  phase: string;
  turn: number;
  outcome: string;
  firstView: Promise<void>;
}

/** Reads the phase, turn and outcome from a patch op (the scripted players need nothing else). */
export function progress(p: Person, op: PatchOp): void {
  if (op[0] !== "set") return;
  const [a, b] = op[1];
  if (a === "session" && b === "phase") p.phase = String(op[2]);
  else if (a === "game" && b === "turn") p.turn = Number(op[2]);
  else if (a === "game" && b === "outcome") p.outcome = (op[2] as { kind?: string } | null)?.kind ?? "";
}

/** One room being played. */
export class RoomRun {
  people: Person[] = [];
  /** Turn → time the last "ready" of that turn was sent. */
  lastReady = new Map<number, number>();
  /** Turn → when each client (by index) first had a view past that turn. */
  arrivals = new Map<number, number[]>();
  endedAt = 0;
  ended = 0;
  turns = 0;
  outcome = "";
  readonly random: () => number;
  readonly id: number;
  readonly rec: Recorder;
  readonly thinkMs: number;
  readonly stopAt: number;
  readonly keepLast: boolean;

  constructor(id: number, rec: Recorder, thinkMs: number, stopAt: number, keepLast: boolean) {
    this.keepLast = keepLast;
    this.id = id;
    this.rec = rec;
    this.thinkMs = thinkMs;
    this.stopAt = stopAt;
    this.random = rng(0x9e3779b9 ^ (id * 7919));
  }

  /** Wires a joined SDK room as the next person. */
  add(room: Room, role: Role, seat: string | null): Person {
    let resolveFirst: () => void = () => {};
    const p: Person = {
      room,
      role,
      seat,
      index: this.people.length,
      seenTurn: 0,
      actedTurn: 0,
      ended: false,
      code: "",
      last: null,
      mirror: this.keepLast ? new ViewMirror<ClientView>() : null,
      phase: "lobby",
      turn: 0,
      outcome: "",
      firstView: new Promise<void>((r) => (resolveFirst = r)),
    };
    this.people.push(p);
    const onView = (): void => {
      const now = performance.now();
      this.rec.views++;
      resolveFirst();
      const phase = p.phase;
      if (phase === "lobby") return;
      if (p.seenTurn > 0 && !p.ended && (p.turn > p.seenTurn || phase === "ended")) {
        let a = this.arrivals.get(p.seenTurn);
        if (!a) {
          a = [];
          this.arrivals.set(p.seenTurn, a);
        }
        a[p.index] = now;
      }
      if (phase === "ended") {
        if (!p.ended) {
          p.ended = true;
          this.ended++;
          if (this.ended === this.people.length) {
            this.endedAt = now;
            this.turns = p.turn;
            this.outcome = p.outcome || "none";
          }
        }
        return;
      }
      p.seenTurn = p.turn;
      if (p.role === "player" && p.turn > p.actedTurn) {
        p.actedTurn = p.turn;
        void this.act(p, p.turn);
      }
    };
    room.onMessage("view", (v: ClientView) => {
      if (!p.code) p.code = v.session.code;
      p.phase = v.session.phase;
      p.turn = v.game.turn;
      p.outcome = v.game.outcome?.kind ?? "";
      if (p.mirror) p.last = p.mirror.snapshot(v);
      onView();
    });
    room.onMessage("patch", (patch: ViewPatch) => {
      for (const op of patch.ops) progress(p, op);
      if (p.mirror) p.last = p.mirror.patch(patch);
      onView();
    });
    room.onMessage("*", () => {});
    room.onDrop(() => {
      if (!bench.stopping) this.rec.disconnects++;
    });
    room.onLeave(() => {
      if (!bench.stopping) this.rec.disconnects++;
    });
    return p;
  }

  /** A player's turn: think, send orders, wait a little, send ready. */
  private async act(p: Person, turn: number): Promise<void> {
    await sleep(this.thinkMs * (0.5 + this.random()));
    if (p.ended || p.seenTurn !== turn || performance.now() > this.stopAt) return;
    const r = await this.rec.request(p.room, "orders", { turn, orders: this.ordersFor(p) });
    if (r === "rejected")
      await this.rec.request(p.room, "orders", { turn, orders: [{ type: "hunt" }, { type: "harden" }] });
    await sleep(this.thinkMs * 0.5 * this.random());
    if (p.ended || p.seenTurn !== turn || performance.now() > this.stopAt) return;
    const t0 = performance.now();
    this.lastReady.set(turn, Math.max(this.lastReady.get(turn) ?? 0, t0));
    await this.rec.request(p.room, "ready", { ready: true });
  }

  /** Mostly defensive orders, sometimes legal espionage against another seat (3 action points). */
  private ordersFor(p: Person): unknown[] {
    const x = this.random();
    if (x < 0.6) return [{ type: "hunt" }, { type: "harden" }];
    if (x < 0.85) {
      const others = SEATS.filter((s) => s !== p.seat);
      return [
        { type: "espionage", target: others[Math.floor(this.random() * others.length)] },
        { type: "hunt" },
      ];
    }
    return [{ type: "harden" }, { type: "develop" }];
  }

  /**
   * Turn latencies (ms) of every turn all clients saw the end of: to the last client (`first` false) or
   * to the first (all 6 clients decode in this one process, one after the other).
   */
  turnLatencies(first = false): number[] {
    const out: number[] = [];
    for (const [turn, ready] of this.lastReady) {
      const a = this.arrivals.get(turn);
      if (!a) continue;
      const seen = a.filter((x) => x !== undefined);
      if (seen.length < this.people.length) continue;
      out.push((first ? Math.min(...seen) : Math.max(...seen)) - ready);
    }
    return out;
  }
}

/**
 * Creates a room (facilitator), looks its code up over HTTP, joins 4 players and an observer. The room's
 * HTTP requests leave from its own loopback address `from` (see local-fetch.ts).
 */
export async function setupRoom(
  i: number,
  from: string,
  url: string,
  http: string,
  rec: Recorder,
  thinkMs: number,
  stopAt: number,
  keepLast = false,
): Promise<RoomRun> {
  const fetchFn = fetchFrom(from);
  // The room's HTTP requests leave from its own address, which the server takes as the client's.
  const client = (): Client => new Client(url, { fetchFn });
  const run = new RoomRun(i, rec, thinkMs, stopAt, keepLast);
  const timed = async (make: () => Promise<Room>, role: Role, seat: string | null): Promise<Person> => {
    const t0 = performance.now();
    const p = run.add(await make(), role, seat);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      p.firstView,
      new Promise<never>(
        (_, reject) =>
          (timer = setTimeout(() => reject(new Error(`no view within 15 s of joining`)), 15_000)),
      ),
    ]);
    clearTimeout(timer);
    rec.joinMs.push(performance.now() - t0);
    return p;
  };
  const fac = await timed(
    () =>
      client().create("crisis", {
        scenario: SCENARIO,
        name: `Load game ${i}`,
        creatorName: `Facilitator ${i}`,
        seed: `load-${i}`,
        turnSeconds: 0,
      }),
    "facilitator",
    null,
  );
  const code = fac.code;
  const res = await fetchFn(`${http}/api/games/${code.toLowerCase()}`);
  if (!res.ok) throw new Error(`code lookup ${code}: HTTP ${res.status}`);
  const { roomId } = (await res.json()) as { roomId: string };
  await Promise.all([
    ...SEATS.map((seat) =>
      timed(
        () => client().joinById(roomId, { code, name: `P${i} ${seat}`, role: "player", seat }),
        "player",
        seat,
      ),
    ),
    timed(
      () => client().joinById(roomId, { code, name: `Observer ${i}`, role: "observer" }),
      "observer",
      null,
    ),
  ]);
  return run;
}

/** Waits until every room has ended or `until` has passed. */
export async function waitForEnd(runs: readonly RoomRun[], until: number): Promise<void> {
  while (performance.now() < until && runs.some((r) => r.ended < r.people.length)) await sleep(100);
}

/**
 * Think time of the quiet game: short, but it keeps each client under the room's limit of 20 messages
 * per second (a client over it is disconnected by Colyseus).
 */
export const QUIET_THINK_MS = 200;

/** Plays one room alone with a short think time (the warm-up game, and the quiet game before the load). */
export async function quietGame(
  i: number,
  url: string,
  http: string,
  until: number,
): Promise<{ run: RoomRun; rec: Recorder; seconds: number }> {
  const rec = new Recorder();
  const run = await setupRoom(
    i,
    `127.2.0.${i % 2 === 0 ? 1 : 2}`,
    url,
    http,
    rec,
    QUIET_THINK_MS,
    until,
    true,
  );
  const t0 = performance.now();
  const fac = run.people[0] as Person;
  await rec.request(fac.room, "fac:start", {});
  await waitForEnd([run], until);
  return { run, rec, seconds: (performance.now() - t0) / 1000 };
}
