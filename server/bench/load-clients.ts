/**
 * The load bench's people: scripted SDK clients of one room that follow its views, play their turns and time
 * them.
 */
import type { Room } from "@colyseus/sdk";
import { type ClientView, type PatchOp, type ViewPatch, ViewMirror } from "@firebreak/shared";
import { bench, rng, SEATS, sleep } from "./load-basics.ts";
import type { Recorder } from "./load-recorder.ts";

/** What a person is in its room. */
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
  /**
   * The latest view, kept only in the quiet game (1,200 retained views would weigh on this process's heap).
   */
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
