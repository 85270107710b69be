/**
 * The crisis room: one game on Colyseus. It admits connections, journals what the session driver plans
 * (driver/) and the requests' entries (session/requests.ts), arms the driver's timers on its clock, hands
 * `hard` bots' decisions to worker threads, and keeps every connection's view up to date. The rules of who
 * may do what, and of what happens next, live in session/ and driver/.
 */
import { Room, type AuthContext, type Client } from "@colyseus/core";
import {
  REMOVED_CLOSE_CODE,
  REMOVED_REASON,
  type RequestAnswer,
  type RequestPayload,
  type RequestType,
  type SessionPhase,
} from "@firebreak/shared";
import { answerOf } from "../bots/thinking.ts";
import { arrive, begin, depart, fire, request, thought, type Plan } from "../driver/driver.ts";
import { timersFor, type Facts, type Timer } from "../driver/timers.ts";
import { codeInUse, roomsByCode, sleepingByCode } from "../games/registry.ts";
import { wakeForCode } from "../games/wake.ts";
import { admitMatchmaking } from "../http/matchmake-admission.ts";
import { gameGone, sessionChanged } from "../notify/hub.ts";
import { services } from "../services.ts";
import type { Applied } from "../session/journal.ts";
import { arrivalEntries, type Admission } from "../session/joining.ts";
import { entryFor, type Mint } from "../session/requests.ts";
import { ok, type Result } from "../session/result.ts";
import { randomMint } from "../session/tokens.ts";
import type { Member, SessionState } from "../session/types.ts";
import { RoomViews } from "../views/room-views.ts";
import { BotJobs } from "./bot-jobs.ts";
import { Connections, memberIdOf } from "./connections.ts";
import { deliver, viewersOf } from "./deliver.ts";
import { installFrameGuard } from "./frame-guard.ts";
import { registerHandlers, type RequestHost } from "./handlers.ts";
import { admit, sendWelcome } from "./join.ts";
import { PublicState, publishMetadata, syncPublic, type PublicStateInstance } from "./public-state.ts";
import { RoomTimers } from "./room-timers.ts";
import { appendEntry, finishIfEnded, openGame } from "./stored-game.ts";

/** The room type "crisis". */
export class CrisisRoom extends Room implements RequestHost {
  override maxMessagesPerSecond = 120;
  override autoDispose = false;
  override state: PublicStateInstance = new PublicState();
  session!: SessionState;
  gameId = "";
  /** Who is connected: members, held connections, frames' arrival times. */
  private readonly connections = new Connections();
  /** True once the room has gone to sleep (idle), so its dispose registers it for waking. */
  private asleep = false;
  /** The creator of a game this room made, until it joins (its join carries the create options). */
  private creator: Member | null = null;
  /** `hard` bots' decisions in worker threads; an answer still wanted is carried out like any other plan. */
  private readonly bots = new BotJobs((job, t) => {
    const turn = answerOf(this.session, job, t);
    if (turn) this.carryOut(thought(this.session, job.seat, turn, services().now(), this.facts()));
  });
  private readonly timers = new RoomTimers(
    this.clock,
    () => services().now(),
    (t: Timer) => void this.carryOut(fire(this.session, t, services().now(), this.facts())),
  );
  private readonly views = new RoomViews();
  /** Fresh ids, secrets and join codes (a new code is used by no game of this process). */
  private readonly mint: Mint = randomMint(codeInUse);

  /**
   * Runs in matchmaking before any room is looked up: http/matchmake-admission.ts decides which calls may
   * proceed (create within its limits; join and joinById only with a code, token or invite) and counts wrong
   * codes per client address (`context.ip`, which http/client-address.ts sets from the peer or a trusted
   * proxy).
   */
  static override async onAuth(_token: string, options: unknown, context: AuthContext): Promise<boolean> {
    // A join by the code of a game asleep (idle, out of memory) wakes it first, so the matchmaker finds its
    // room.
    await wakeForCode(options);
    admitMatchmaking(options, context);
    return true;
  }

  override onCreate(raw: unknown): void {
    const opened = openGame(raw, this.mint);
    this.session = opened.session;
    this.gameId = opened.gameId;
    this.creator = opened.creator;
    this.roomId = this.gameId;
    sleepingByCode.delete(this.session.code);
    roomsByCode.set(this.session.code, this.roomId);
    publishMetadata(this, this.session);
    installFrameGuard(this);
    registerHandlers(this);
    this.carryOut(begin(this.session, services().now(), this.facts(), opened.restored));
  }

  override onAuth(_client: Client, raw: unknown, context?: AuthContext): Admission {
    // The first join is the creator's own (it carries the create options).
    const c = this.creator;
    this.creator = null;
    return c ? { member: c, fresh: c.role === "player" } : admit(this.session, raw, this.mint, context?.ip);
  }

  override onJoin(client: Client, _options: unknown, auth: Admission): void {
    this.connections.watch(client);
    const at = services().now();
    const entries = arrivalEntries(auth, at);
    const plan = arrive(this.session, auth.member.id, entries, at, this.facts(auth.member.id));
    if (!plan.ok) throw new Error(`${plan.error.code}: ${plan.error.message}`);
    // The welcome goes first: a client learns who it is before what it sees.
    const journalled = this.carryOut(plan.value, entries.length > 0, () => {
      this.connections.admit(client, auth.member.id);
      sendWelcome(client, auth.member, this.roomId, this.session.code);
      this.connections.live(auth.member.id);
    });
    if (!journalled.ok) throw new Error(`${journalled.error.code}: ${journalled.error.message}`);
  }

  override onDrop(client: Client): void {
    const m = this.memberOf(client);
    // A removed member's connection is not held for it.
    if (m) this.connections.hold(client);
    this.gone(client);
    // Its promise rejects when the window closes unused or the room is disposing (a shutdown): both are
    // normal here.
    if (m) this.allowReconnection(client, services().reconnectSeconds).catch(() => undefined);
  }

  override onReconnect(client: Client): void {
    this.connections.watch(client);
    this.connections.release(client);
    const m = this.memberOf(client);
    if (!m) {
      client.leave(REMOVED_CLOSE_CODE, REMOVED_REASON);
      return;
    }
    this.connections.live(m.id);
    // Patches sent while it was away may be lost: a fresh snapshot.
    this.views.forget(client.sessionId);
    const plan = arrive(this.session, m.id, [], services().now(), this.facts());
    if (plan.ok) this.carryOut(plan.value);
  }

  override onLeave(client: Client): void {
    this.connections.release(client);
    this.gone(client);
  }

  override onDispose(): void {
    gameGone(this.gameId);
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
    return this.connections.arrivalOf(client);
  }

  /**
   * The game's turn and the session's phase now (a method, so narrowing does not go stale across commits).
   */
  progress(): { turn: number; phase: SessionPhase } {
    return { turn: this.session.game.turn, phase: this.session.phase };
  }

  /**
   * Carries out one request of a member: its journal entry (session/requests.ts), then what the driver plans
   * after it.
   */
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

  /**
   * Sends a client a fresh snapshot of its view (after a reconnection, or when its patches no longer apply).
   */
  resync(client: Client): void {
    this.views.forget(client.sessionId);
    this.pushViews();
  }

  /**
   * What the driver needs to know of the room; `arriving` counts a member as connected before its connection
   * is recorded.
   */
  private facts(arriving?: string): Facts {
    return {
      connected: this.connections.connected(arriving),
      present: this.connections.present(this.clients.length),
      armed: this.timers.list(),
      idleSeconds: services().idleSeconds,
      offThread: (spec) => this.bots.offThread(spec),
    };
  }

  /**
   * Carries a plan out: journals its entries in order (adopting the session after each), runs `before` (a
   * joiner's welcome) once they are journalled, hands a bot's decision to a worker, arms the timers, then
   * syncs the public state and the views; a room that leaves memory disconnects. When `own` (the first entry
   * is the caller's) and it cannot be journalled, nothing happens and the refusal is returned; a later entry
   * that cannot be stops the plan there.
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
    if (whole && plan.think !== null) this.bots.dispatch(plan.think);
    this.timers.set(whole ? plan.timers : timersFor(this.session, services().now(), this.facts()));
    syncPublic(this, this.state, this.session);
    this.pushViews();
    if (plan.leave === "sleep") this.asleep = true;
    if (plan.leave !== null) void this.disconnect();
    return ok(true);
  }

  /**
   * Appends an entry the driver applied to the journal (durable), then adopts the session after it and its
   * effects.
   */
  private journal(step: Applied): Result<true> {
    const saved = appendEntry(this.gameId, step.entry, step.after);
    if (!saved.ok) return saved;
    const before = this.session;
    this.session = step.after;
    const e = step.entry;
    if (e.kind === "code") {
      roomsByCode.delete(before.code);
      roomsByCode.set(e.code, this.roomId);
      publishMetadata(this, this.session);
    }
    if (e.kind === "remove") this.connections.removed(e.member, this.clients);
    finishIfEnded(this.gameId, before, this.session);
    sessionChanged(this.gameId, before, this.session, services().now());
    return ok(true);
  }

  /**
   * A connection left or dropped: its member is no longer connected unless another connection is, and the
   * driver replans.
   */
  private gone(client: Client): void {
    this.connections.gone(client, this.memberOf(client)?.id, this.clients);
    this.carryOut(depart(this.session, services().now(), this.facts()));
  }

  /**
   * Brings every client's view up to date: a snapshot to one that holds none, else a patch per distinct
   * viewer; nothing when unchanged.
   */
  private pushViews(): void {
    const { viewers, byId } = viewersOf(this.clients, (c) => this.memberOf(c));
    deliver(this.views.deliveries(viewers, this.session, this.connections.members), byId);
  }
}
