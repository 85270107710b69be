/**
 * The crisis room: one game on Colyseus. It admits connections, journals what the session driver plans (driver/) and
 * the requests' entries (session/requests.ts), arms the driver's timers on its clock, hands `hard` bots' decisions to
 * worker threads, and keeps every connection's view up to date. The rules of who may do what, and of what happens next,
 * live in session/ and driver/.
 */
import { Room, type AuthContext, type Client } from "@colyseus/core";
import {
  REMOVED_CLOSE_CODE,
  REMOVED_REASON,
  type RequestAnswer,
  type RequestPayload,
  type RequestType,
  type SessionPhase,
  type Welcome,
} from "@firebreak/shared";
import { BotThinking } from "../bots/thinking.ts";
import { arrive, begin, depart, fire, request, thought, type Plan } from "../driver/driver.ts";
import { timersFor, type Facts, type Timer } from "../driver/timers.ts";
import { codeInUse, roomsByCode, sleepingByCode } from "../games/registry.ts";
import { wakeForCode } from "../games/wake.ts";
import { wrongJoins } from "../http/limits.ts";
import { admitMatchmaking } from "../http/matchmake-admission.ts";
import { services } from "../services.ts";
import { newGame } from "../session/creating.ts";
import type { Applied } from "../session/journal.ts";
import { admission, arrivalEntries, type Admission } from "../session/joining.ts";
import { entryFor, type Mint } from "../session/requests.ts";
import { ok, type Result } from "../session/result.ts";
import { newId, randomMint } from "../session/tokens.ts";
import type { Member, SessionState } from "../session/types.ts";
import { RoomViews } from "../views/room-views.ts";
import type { Viewer } from "../views/view-sync.ts";
import { deliver } from "./deliver.ts";
import { installFrameGuard } from "./frame-guard.ts";
import { registerHandlers, type RequestHost } from "./handlers.ts";
import { PublicState, syncPublicState, type PublicStateInstance } from "./public-state.ts";
import { restoredSession } from "./restore.ts";
import { RoomTimers } from "./room-timers.ts";

/** The room type "crisis". */
export class CrisisRoom extends Room implements RequestHost {
  override maxMessagesPerSecond = 120;
  override autoDispose = false;
  override state: PublicStateInstance = new PublicState();
  session!: SessionState;
  gameId = "";
  /** Members with at least one live connection. */
  readonly connected = new Set<string>();
  /** Dropped connections that may still reconnect (Colyseus holds their place): someone is still here. */
  private readonly held = new Set<string>();
  /** True once the room has gone to sleep (idle), so its dispose registers it for waking. */
  private asleep = false;
  /** The creator of a game this room made, until it joins (its join carries the create options). */
  private creator: Member | null = null;
  /** When each connection's latest frame reached the room (performance.now()): requests are timed from there. */
  private readonly arrivals = new WeakMap<object, number>();
  /** `hard` bots' decisions in worker threads; a wanted answer is carried out like any other plan. */
  private readonly bots = new BotThinking(
    services().bots,
    (seat, t) => void this.carryOut(thought(this.session, seat, t, services().now(), this.facts())),
  );
  private readonly timers = new RoomTimers(
    this.clock,
    () => services().now(),
    (t: Timer) => void this.carryOut(fire(this.session, t, services().now(), this.facts())),
  );
  private readonly views = new RoomViews();
  /** Fresh ids, secrets and join codes (a new code is used by no game of this process). */
  private readonly mint: Mint = randomMint(codeInUse);

  /**
   * Runs in matchmaking before any room is looked up: http/matchmake-admission.ts decides which calls may proceed
   * (create within its limits; join and joinById only with a code, token or invite) and counts wrong codes per
   * client address (`context.ip`, which http/client-address.ts sets from the peer or a trusted proxy).
   */
  static override async onAuth(_token: string, options: unknown, context: AuthContext): Promise<boolean> {
    // A join by the code of a game asleep (idle, out of memory) wakes it first, so the matchmaker finds its room.
    await wakeForCode(options);
    admitMatchmaking(options, context);
    return true;
  }

  override onCreate(raw: unknown): void {
    const svc = services();
    const restore = (raw as { restore?: unknown; key?: unknown } | undefined) ?? {};
    if (restore.restore !== undefined) {
      this.session = restoredSession(String(restore.restore), restore.key);
      this.gameId = String(restore.restore);
    } else {
      const made = newGame(raw, {
        at: svc.now(),
        scenario: (id) => svc.scenario(id),
        takeoverSeconds: svc.takeoverSeconds,
        mint: this.mint,
      });
      if (!made.ok) throw new Error(`${made.error.code}: ${made.error.message}`);
      this.creator = made.value.creator;
      this.gameId = newId("g");
      svc.store.create(this.gameId, made.value.entry.code, made.value.entry);
      this.session = made.value.session;
    }
    this.roomId = this.gameId;
    sleepingByCode.delete(this.session.code);
    roomsByCode.set(this.session.code, this.roomId);
    this.publishMetadata();
    installFrameGuard(this);
    registerHandlers(this);
    this.carryOut(begin(this.session, svc.now(), this.facts(), restore.restore !== undefined));
  }

  override onAuth(_client: Client, raw: unknown, context?: AuthContext): Admission {
    if (this.creator) {
      // The first join is the creator's own (it carries the create options).
      const c = this.creator;
      this.creator = null;
      return { member: c, fresh: c.role === "player" };
    }
    const r = admission(this.session, raw, this.mint);
    if (r.ok) return r.value;
    // Wrong tokens and invites count toward the address's wrong-join limit, like wrong codes.
    const guess = r.error.code === "BAD_TOKEN" || r.error.code === "BAD_INVITE";
    if (guess && !wrongJoins.hit(context?.ip ?? "unknown"))
      throw new Error("RATE_LIMITED: too many wrong join codes; wait a minute and try again");
    throw new Error(`${r.error.code}: ${r.error.message}`);
  }

  override onJoin(client: Client, _options: unknown, auth: Admission): void {
    this.watchArrivals(client);
    const at = services().now();
    const entries = arrivalEntries(auth, at);
    const plan = arrive(this.session, auth.member.id, entries, at, this.facts(auth.member.id));
    if (!plan.ok) throw new Error(`${plan.error.code}: ${plan.error.message}`);
    // The welcome goes first: a client learns who it is before what it sees.
    const journalled = this.carryOut(plan.value, entries.length > 0, () => {
      client.userData = { memberId: auth.member.id };
      const welcome: Welcome = {
        memberId: auth.member.id,
        token: auth.member.token,
        roomId: this.roomId,
        code: this.session.code,
      };
      client.send("welcome", welcome);
      this.connected.add(auth.member.id);
    });
    if (!journalled.ok) throw new Error(`${journalled.error.code}: ${journalled.error.message}`);
  }

  override onDrop(client: Client): void {
    const m = this.memberOf(client);
    // A removed member's connection is not held for it.
    if (m) this.held.add(client.sessionId);
    this.gone(client);
    // Its promise rejects when the window closes unused or the room is disposing (a shutdown): both are normal here.
    if (m) this.allowReconnection(client, services().reconnectSeconds).catch(() => undefined);
  }

  override onReconnect(client: Client): void {
    this.watchArrivals(client);
    this.held.delete(client.sessionId);
    const m = this.memberOf(client);
    if (!m) {
      client.leave(REMOVED_CLOSE_CODE, REMOVED_REASON);
      return;
    }
    this.connected.add(m.id);
    // Patches sent while it was away may be lost: a fresh snapshot.
    this.views.forget(client.sessionId);
    const plan = arrive(this.session, m.id, [], services().now(), this.facts());
    if (plan.ok) this.carryOut(plan.value);
  }

  override onLeave(client: Client): void {
    this.held.delete(client.sessionId);
    this.gone(client);
  }

  override onDispose(): void {
    roomsByCode.delete(this.session?.code);
    if (this.asleep && this.session) sleepingByCode.set(this.session.code, this.gameId);
    this.timers.clear();
    this.bots.stop();
  }

  /** The member a client is. */
  memberOf(client: Client): Member | undefined {
    const id = memberIdOf(client);
    return this.session.members.find((m) => m.id === id);
  }

  /** When the frame now being handled for `client` reached the room (performance.now()), if known. */
  arrivalOf(client: Client): number | undefined {
    return this.arrivals.get(client.ref);
  }

  /** The game's turn and the session's phase now (a method, so narrowing does not go stale across commits). */
  progress(): { turn: number; phase: SessionPhase } {
    return { turn: this.session.game.turn, phase: this.session.phase };
  }

  /** Carries out one request of a member: its journal entry (session/requests.ts), then what the driver plans after it. */
  answer<T extends RequestType>(m: Member, type: T, payload: RequestPayload<T>): Result<RequestAnswer<T>> {
    const at = services().now();
    const made = entryFor(type, payload, {
      session: this.session,
      member: m,
      at,
      scenario: services().scenario(this.session.options.scenario),
      mint: this.mint,
    });
    if (!made.ok) return made;
    const plan = request(this.session, made.value.entry, at, this.facts());
    if (!plan.ok) return plan;
    const journalled = this.carryOut(plan.value, true);
    if (!journalled.ok) return journalled;
    return ok({
      ok: true,
      turn: this.session.game.turn,
      phase: this.session.phase,
      ...made.value.answer,
    } as RequestAnswer<T>);
  }

  /** Sends a client a fresh snapshot of its view (after a reconnection, or when its patches no longer apply). */
  resync(client: Client): void {
    this.views.forget(client.sessionId);
    this.pushViews();
  }

  /** What the driver needs to know of the room; `arriving` counts a member as connected before its connection is recorded. */
  private facts(arriving?: string): Facts {
    return {
      connected: arriving === undefined ? this.connected : new Set([...this.connected, arriving]),
      present: this.clients.length + this.held.size > 0,
      armed: this.timers.list(),
      idleSeconds: services().idleSeconds,
      offThread: (spec) => this.bots.offThread(spec),
    };
  }

  /**
   * Carries a plan out: journals its entries in order (adopting the session after each), runs `before` (a joiner's
   * welcome) once they are journalled, hands a bot's decision to a worker, arms the timers, then syncs the public state
   * and the views; a room that leaves memory disconnects. When `own` (the first entry is the caller's) and it cannot be
   * journalled, nothing happens and the refusal is returned; a later entry that cannot be stops the plan there.
   */
  private carryOut(plan: Plan, own = false, before?: () => void): Result<true> {
    let done = 0;
    for (const step of plan.steps) {
      const r = this.journal(step);
      if (!r.ok && own && done === 0) return r;
      if (!r.ok) break;
      done++;
    }
    before?.();
    const whole = done === plan.steps.length;
    if (whole && plan.think !== null) this.bots.dispatch(this.session, plan.think, () => this.session);
    this.timers.set(whole ? plan.timers : timersFor(this.session, services().now(), this.facts()));
    this.syncPublic();
    this.pushViews();
    if (plan.leave === "sleep") this.asleep = true;
    if (plan.leave !== null) void this.disconnect();
    return ok(true);
  }

  /** Appends an entry the driver applied to the journal (durable), then adopts the session after it and its effects. */
  private journal(step: Applied): Result<true> {
    try {
      services().store.append(this.gameId, step.entry);
    } catch (e) {
      return {
        ok: false,
        error: { code: "STORE_FAILED", message: `The game could not be saved: ${(e as Error).message}` },
      };
    }
    const before = this.session;
    this.session = step.after;
    const e = step.entry;
    if (e.kind === "code") {
      roomsByCode.delete(before.code);
      roomsByCode.set(e.code, this.roomId);
      this.publishMetadata();
    }
    if (e.kind === "remove") {
      this.connected.delete(e.member);
      for (const c of this.clients)
        if (memberIdOf(c) === e.member) c.leave(REMOVED_CLOSE_CODE, REMOVED_REASON);
    }
    // A finished game is no longer restored; it lives on in the store (its record and debrief).
    if (before.phase !== "ended" && this.session.phase === "ended") services().store.finish(this.gameId);
    return ok(true);
  }

  /** A connection left or dropped: its member is no longer connected unless another connection is, and the driver replans. */
  private gone(client: Client): void {
    const m = this.memberOf(client);
    if (m && !this.clients.some((c) => c !== client && this.memberOf(c)?.id === m.id))
      this.connected.delete(m.id);
    this.carryOut(depart(this.session, services().now(), this.facts()));
  }

  /** Stamps each frame of the client's connection on arrival, before Colyseus decodes and validates it (GET /api/metrics). */
  private watchArrivals(client: Client): void {
    const ref = client.ref;
    if (this.arrivals.has(ref)) return;
    this.arrivals.set(ref, performance.now());
    ref.prependListener("message", () => this.arrivals.set(ref, performance.now()));
  }

  /** Brings every client's view up to date: a snapshot to one that holds none, else a patch per distinct viewer; nothing when unchanged. */
  private pushViews(): void {
    const viewers: Viewer[] = [];
    const byId = new Map<string, Client>();
    for (const client of this.clients) {
      const member = this.memberOf(client);
      if (!member) continue;
      viewers.push({ client: client.sessionId, member });
      byId.set(client.sessionId, client);
    }
    deliver(this.views.deliveries(viewers, this.session, this.connected), byId);
  }

  /** The synced Colyseus state (public facts only), and the matchmaker's copy of the metadata when the phase changed. */
  private syncPublic(): void {
    syncPublicState(this.state, this.session);
    if (this.metadata?.phase !== this.session.phase) this.publishMetadata();
  }

  /** The matchmaker's copy of the game: its code (for join by code), name, scenario and phase (for the code lookup). */
  private publishMetadata(): void {
    const s = this.session;
    void this.setMetadata({
      code: s.code,
      name: s.options.name,
      scenario: s.options.scenario,
      phase: s.phase,
    });
  }
}

/** The member id a connection was given at its join. */
function memberIdOf(client: Client): string | undefined {
  return (client.userData as { memberId?: string } | undefined)?.memberId;
}
