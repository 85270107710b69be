/** The crisis room: thin glue between Colyseus and the session reducer. */
import { getMessageBytes, Protocol, Room, type AuthContext, type Client, type Delayed } from "@colyseus/core";
import { createOptionsSchema, hashValue, joinOptionsSchema, REMOVED_CLOSE_CODE, REMOVED_REASON, viewFor, type GameView, type RequestAnswer, type RequestPayload, type RequestType, type SessionPhase, type Welcome } from "@firebreak/shared";
import { botMovesUntil, botTurnEntries } from "../bots/moves.ts";
import { sharedView, viewerOf, viewKey } from "../views/client-view.ts";
import { ok, refuse, type Result } from "../session/result.ts";
import { allReady, applyEntry, createSession, replayJournal } from "../session/session.ts";
import { hasFacilitator, isSessionSeat, mustKnock } from "../session/membership.ts";
import { cleanName, personName } from "../session/names.ts";
import { inviteBySecret, memberByToken, newId, newJoinCode, newToken, normaliseCode } from "../session/tokens.ts";
import type { CreateOptions, Member, SessionState } from "../session/types.ts";
import type { JournalEntry } from "../session/journal.ts";
import { ViewSync, type Viewer } from "../views/view-sync.ts";
import { codeInUse, roomsByCode, sleepingByCode, sleepingGame } from "../games/registry.ts";
import { wake } from "../games/wake.ts";
import { RESTORE_KEY, services } from "../services.ts";
import { admitMatchmaking } from "../http/matchmake-admission.ts";
import { wrongJoins } from "../http/limits.ts";
import { BotThinking } from "../bots/thinking.ts";
import { installFrameGuard } from "./frame-guard.ts";
import { registerHandlers, type RequestHost } from "./handlers.ts";
import { entryFor, type Mint } from "../session/requests.ts";
import { PublicState, type PublicStateInstance } from "./public-state.ts";

/** How long a finished game's room stays open for its debrief while people are still connected. */
export const ENDED_ROOM_SECONDS = 30 * 60;

/** What a client carries once authenticated. */
export interface ClientAuth {
  member: Member;
  /** True when this join created the member (journalled in onJoin). */
  fresh: boolean;
  /** The seat invite this join uses up. */
  invite?: string;
  /** The seat this new member knocks on (it joins without a seat until the facilitator admits it). */
  knock?: string;
}

/** The room type "crisis". */
export class CrisisRoom extends Room implements RequestHost {
  override maxMessagesPerSecond = 120;
  override autoDispose = false;
  override state: PublicStateInstance = new PublicState();
  session!: SessionState;
  gameId = "";
  readonly connected = new Set<string>();
  private deadlineTimer: Delayed | null = null;
  private takeoverTimers = new Map<string, Delayed>();
  private idleTimer: Delayed | null = null;
  /** True once the room has gone to sleep (idle), so its dispose registers it for waking. */
  private asleep = false;
  private creator: Member | null = null;
  private closing = false;
  /** When each connection's latest frame reached the room (performance.now()): requests are timed from there. */
  private readonly arrivals = new WeakMap<object, number>();
  /** `hard` bots' decisions in worker threads: the answer commits through `commit` and settles the room again. */
  private readonly bots = new BotThinking(services().bots, (seat, t) => {
    for (const e of botTurnEntries(this.session, seat, t, services().now()).entries) this.commit(e);
    this.settle();
  });
  private readonly views = new ViewSync();
  /** Per viewer, the last projection and the game state it was made from (unchanged game, same view object: the diff skips it). */
  private readonly gameViews = new Map<string, { game: SessionState["game"]; view: GameView }>();

  /**
   * Runs in matchmaking before any room is looked up: http/matchmake-admission.ts decides which calls may proceed
   * (create within its limits; join and joinById only with a code, token or invite) and counts wrong codes per
   * client address (`context.ip`, which http/client-address.ts sets from the peer or a trusted proxy).
   */
  static override async onAuth(_token: string, options: unknown, context: AuthContext): Promise<boolean> {
    // A join by the code of a game asleep (idle, out of memory) wakes it first, so the matchmaker finds its room.
    const code = (options as { code?: unknown } | null)?.code;
    const sleeping = typeof code === "string" && !roomsByCode.has(normaliseCode(code)) ? sleepingGame(normaliseCode(code)) : undefined;
    if (sleeping !== undefined) await wake(sleeping).catch(() => undefined);
    admitMatchmaking(options, context);
    return true;
  }

  override onCreate(raw: unknown): void {
    const svc = services();
    const opts = raw as { restore?: string; key?: string };
    if (opts?.restore !== undefined) {
      if (opts.key !== RESTORE_KEY) throw new Error("INVALID_REQUEST: games are restored by the server, not by clients");
      if ([...roomsByCode.values()].includes(opts.restore)) throw new Error("INVALID_REQUEST: that game is already running");
      this.restore(opts.restore);
    } else {
      const parsed = createOptionsSchema.safeParse(raw);
      if (!parsed.success) throw new Error(`INVALID_REQUEST: ${parsed.error.issues[0]?.message ?? "bad options"}`);
      const o = parsed.data;
      const scenario = svc.scenario(o.scenario);
      if (!scenario) throw new Error(`UNKNOWN_SCENARIO: no scenario "${o.scenario}"`);
      if (o.solo && !scenario.states.some((st) => st.id === o.solo?.seat)) throw new Error(`UNKNOWN_SEAT: no state "${o.solo.seat}" in ${o.scenario}`);
      const at = svc.now();
      const options: CreateOptions = {
        scenario: o.scenario,
        seed: o.seed ?? newToken(),
        name: cleanName(o.name).slice(0, 60) || "Firebreak game",
        turnSeconds: o.turnSeconds ?? (o.solo ? 0 : 300),
        botLevel: o.botLevel ?? "normal",
        solo: o.solo ?? null,
        takeoverSeconds: o.takeoverSeconds ?? svc.takeoverSeconds,
        cbms: [],
        cast: o.cast ?? "scenario",
      };
      const code = this.mint.code();
      // A solo player's name follows the players' rules; a facilitator's lines are marked by role whatever it is called.
      const creatorName = cleanName(o.creatorName ?? "").slice(0, 40) || (o.solo ? "Player" : "Facilitator");
      if (o.solo) {
        const checked = personName(creatorName);
        if (!checked.ok) throw new Error(`INVALID_NAME: ${checked.reason}`);
      }
      this.creator = o.solo
        ? { id: newId("m"), name: creatorName, role: "player", seat: o.solo.seat, token: newToken() }
        : { id: newId("m"), name: creatorName, role: "facilitator", seat: null, token: newToken() };
      const entry: JournalEntry = { kind: "create", at, by: this.creator.id, options, code, facilitator: o.solo ? null : this.creator };
      const created = createSession(entry, scenario);
      if (!created.ok) throw new Error(`${created.error.code}: ${created.error.message}`);
      this.gameId = newId("g");
      svc.store.create(this.gameId, code, entry);
      this.session = created.value;
    }
    this.roomId = this.gameId;
    sleepingByCode.delete(this.session.code);
    roomsByCode.set(this.session.code, this.roomId);
    void this.setMetadata({ code: this.session.code, name: this.session.options.name, scenario: this.session.options.scenario, phase: this.session.phase });
    installFrameGuard(this);
    registerHandlers(this);
    this.syncPublic();
    this.armDeadline();
    // Replaying the journal never reruns bots: a bot that had not acted when the server stopped (e.g. a hard bot still thinking) decides now.
    if (opts?.restore !== undefined && this.session.phase === "planning" && this.session.seats.some((c) => c.bot && !this.session.ready.includes(c.seat))) this.settle();
    this.armIdle();
  }

  /**
   * With nobody connected, a game whose clock is not running (a lobby, a game without time limit, a paused one) leaves
   * memory after `idleSeconds`; its journal stays, and looking its code up or a member's token wakes it (rooms/wake.ts).
   * A running clock keeps it awake: its deadline and bot takeovers play on.
   */
  private armIdle(): void {
    this.idleTimer?.clear();
    this.idleTimer = null;
    const secs = services().idleSeconds;
    if (secs <= 0 || this.clients.length > 0 || this.closing || this.session.phase === "ended") return;
    this.idleTimer = this.clock.setTimeout(() => {
      this.idleTimer = null;
      if (this.clients.length > 0 || this.closing || this.session.phase === "ended") return;
      if (this.session.phase === "planning" && this.session.deadline !== null) return this.armIdle();
      this.asleep = true;
      void this.disconnect();
    }, secs * 1000);
  }

  private restore(gameId: string): void {
    const svc = services();
    const entries = svc.store.entries(gameId);
    const first = entries[0];
    if (!first || first.kind !== "create") throw new Error(`NO_SUCH_GAME: ${gameId}`);
    const scenario = svc.scenario(first.options.scenario);
    if (!scenario) throw new Error(`UNKNOWN_SCENARIO: ${first.options.scenario}`);
    // A journal that does not replay (written by an older server, or damaged) must not take the process down: the
    // error goes to the caller, which sets the game aside.
    let s: ReturnType<typeof replayJournal>;
    try {
      s = replayJournal(entries, scenario);
    } catch (e) {
      throw new Error(`REPLAY_FAILED: the journal threw while replaying (${(e as Error).message})`);
    }
    if (!s.ok) throw new Error(`REPLAY_FAILED: ${s.error.code}: ${s.error.message}`);
    this.gameId = gameId;
    this.session = s.value;
  }

  override onAuth(_client: Client, raw: unknown, context?: AuthContext): ClientAuth {
    if (this.creator) {
      // The first join is the creator's own (it carries the create options).
      const c = this.creator;
      this.creator = null;
      return { member: c, fresh: c.role === "player" };
    }
    const parsed = joinOptionsSchema.safeParse(raw ?? {});
    if (!parsed.success) throw new Error(`INVALID_REQUEST: ${parsed.error.issues[0]?.message ?? "bad join options"}`);
    const o = parsed.data;
    const s = this.session;
    // Wrong tokens and invites count toward the address's wrong-join limit, like wrong codes.
    const wrong = (message: string): Error => new Error(wrongJoins.hit(context?.ip ?? "unknown") ? message : "RATE_LIMITED: too many wrong join codes; wait a minute and try again");
    if (o.token !== undefined) {
      const m = memberByToken(s, o.token);
      if (!m) throw wrong("BAD_TOKEN: that seat token or facilitator key is not valid for this game (it may have been removed by the facilitator)");
      return { member: m, fresh: false };
    }
    const inv = o.invite === undefined ? undefined : inviteBySecret(s, o.invite);
    if (o.invite !== undefined && !inv) throw wrong("BAD_INVITE: that seat invite is not valid for this game (used, withdrawn, or mistyped)");
    if (!inv && (o.code === undefined || normaliseCode(o.code) !== s.code)) throw new Error("BAD_CODE: joining a game needs its join code (or a seat token to rejoin)");
    if (s.phase === "ended") throw new Error("GAME_OVER: the game is over; open its debrief instead");
    const named = personName(o.name ?? (o.role === "observer" ? "Observer" : "Player"));
    if (!named.ok) throw new Error(`INVALID_NAME: ${named.reason}`);
    if (inv) return { member: { id: newId("m"), name: named.name, role: "player", seat: inv.seat, token: newToken() }, fresh: true, invite: inv.id };
    const role = o.role ?? "player";
    let seat: string | null = null;
    let knock: string | undefined;
    if (role === "player" && s.options.solo) throw new Error("SEAT_TAKEN: a solo game has one player; join as an observer to watch");
    if (role === "player" && o.seat !== undefined) {
      if (!isSessionSeat(s, o.seat)) throw new Error(`UNKNOWN_SEAT: no state "${o.seat}"`);
      if (!mustKnock(s, o.seat)) seat = o.seat;
      else if (hasFacilitator(s)) knock = o.seat;
      else throw new Error("SEAT_TAKEN: that state already has a player and this game has no facilitator to let you in; join as an observer");
    }
    const member: Member = { id: newId("m"), name: named.name, role, seat, token: newToken() };
    return knock === undefined ? { member, fresh: true } : { member, fresh: true, knock };
  }

  /** Stamps each frame of the client's connection on arrival, before Colyseus decodes and validates it (GET /api/metrics). */
  private watchArrivals(client: Client): void {
    const ref = client.ref;
    if (this.arrivals.has(ref)) return;
    this.arrivals.set(ref, performance.now());
    ref.prependListener("message", () => this.arrivals.set(ref, performance.now()));
  }

  /** When the frame now being handled for `client` reached the room (performance.now()), if known. */
  arrivalOf(client: Client): number | undefined {
    return this.arrivals.get(client.ref);
  }

  override onJoin(client: Client, _options: unknown, auth: ClientAuth): void {
    this.watchArrivals(client);
    this.idleTimer?.clear();
    this.idleTimer = null;
    if (auth.fresh) {
      const at = services().now();
      const by = auth.member.id;
      const r = this.commit(auth.invite === undefined ? { kind: "join", at, by, member: auth.member } : { kind: "join", at, by, member: auth.member, invite: auth.invite });
      if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
      if (auth.knock !== undefined) this.commit({ kind: "knock", at, by, member: auth.member.id, seat: auth.knock });
    }
    client.userData = { memberId: auth.member.id };
    // The welcome goes first: anything below may push views, and a client learns who it is before what it sees.
    const welcome: Welcome = { memberId: auth.member.id, token: auth.member.token, roomId: this.roomId, code: this.session.code };
    client.send("welcome", welcome);
    this.connected.add(auth.member.id);
    this.clearTakeover(auth.member.seat);
    if (this.session.options.solo && this.session.phase === "lobby") this.commit({ kind: "start", at: services().now(), by: "system" });
    this.settle();
  }

  override onDrop(client: Client): void {
    this.markGone(client);
    // A removed member's connection is not held for it.
    // Its promise rejects when the window closes unused or the room is disposing (a shutdown): both are normal here.
    if (this.memberOf(client)) this.allowReconnection(client, services().reconnectSeconds).catch(() => undefined);
  }

  override onReconnect(client: Client): void {
    this.watchArrivals(client);
    const m = this.memberOf(client);
    if (!m) {
      client.leave(REMOVED_CLOSE_CODE, REMOVED_REASON);
      return;
    }
    this.connected.add(m.id);
    this.clearTakeover(m.seat);
    this.resync(client);
  }

  override onLeave(client: Client): void {
    this.markGone(client);
    // A finished game lives on in the store (its record and debrief); its room closes once nobody is watching.
    if (this.session.phase === "ended" && this.clients.length === 0) void this.disconnect();
    else this.armIdle();
  }

  override onDispose(): void {
    roomsByCode.delete(this.session?.code);
    if (this.asleep && this.session) sleepingByCode.set(this.session.code, this.gameId);
    this.idleTimer?.clear();
    this.deadlineTimer?.clear();
    this.bots.stop();
  }

  /** The game's turn and the session's phase now (a method, so narrowing does not go stale across commits). */
  progress(): { turn: number; phase: SessionPhase } {
    return { turn: this.session.game.turn, phase: this.session.phase };
  }

  /** Fresh ids, secrets and join codes (a new code is used by no game of this process). */
  private readonly mint: Mint = {
    id: newId,
    token: newToken,
    code: () => {
      let code = newJoinCode();
      while (codeInUse(code)) code = newJoinCode();
      return code;
    },
  };

  /** Carries out one request of a member: its journal entry (session/requests.ts), then bots, resolution and views. */
  answer<T extends RequestType>(m: Member, type: T, payload: RequestPayload<T>): Result<RequestAnswer<T>> {
    const made = entryFor(type, payload, { session: this.session, member: m, at: services().now(), scenario: services().scenario(this.session.options.scenario), mint: this.mint });
    if (!made.ok) return made;
    const r = this.commit(made.value.entry);
    if (!r.ok) return r;
    this.settle();
    const answer = { ok: true as const, turn: this.session.game.turn, phase: this.session.phase, ...made.value.answer };
    return ok(answer as RequestAnswer<T>);
  }

  /** The member a client is. */
  memberOf(client: Client): Member | undefined {
    return this.member((client.userData as { memberId?: string } | undefined)?.memberId ?? "");
  }

  member(id: string): Member | undefined {
    return this.session.members.find((m) => m.id === id);
  }

  /** Applies an entry: reducer first, then the journal (durable), then effects. Nothing changes on rejection. */
  commit(entry: JournalEntry): Result<SessionState> {
    const next = applyEntry(this.session, entry);
    if (!next.ok) return next;
    try {
      services().store.append(this.gameId, entry);
    } catch (e) {
      return refuse("STORE_FAILED", `The game could not be saved: ${(e as Error).message}`);
    }
    const before = this.session;
    this.session = next.value;
    this.afterCommit(entry, before);
    return ok(next.value);
  }

  /** What an accepted entry changes outside the session: the code registry, and the connections of a removed member. */
  private afterCommit(entry: JournalEntry, before: SessionState): void {
    if (entry.kind === "code") {
      roomsByCode.delete(before.code);
      roomsByCode.set(entry.code, this.roomId);
      void this.setMetadata({ code: entry.code, name: this.session.options.name, scenario: this.session.options.scenario, phase: this.session.phase });
    }
    if (entry.kind === "remove") {
      this.connected.delete(entry.member);
      for (const c of this.clients) {
        if ((c.userData as { memberId?: string } | undefined)?.memberId === entry.member) c.leave(REMOVED_CLOSE_CODE, REMOVED_REASON);
      }
    }
  }

  /** After an accepted request: bots act, turns resolve when everyone is ready, clients see the result. */
  settle(): void {
    for (let guard = 0; guard < 50; guard++) {
      const at = services().now();
      // Fast bots act now; a `hard` bot decides in a worker and the seats after it wait for its answer (BotThinking).
      const { entries, waiting } = botMovesUntil(this.session, at, (spec) => this.bots.offThread(spec));
      for (const e of entries) this.commit(e);
      if (waiting !== null) this.bots.dispatch(this.session, waiting, () => this.session);
      if (waiting === null && this.session.phase === "planning" && this.session.pausedRemaining === null && allReady(this.session)) {
        const r = this.commit({ kind: "step", at, by: "system", step: { type: "resolve", turn: this.session.game.turn } });
        if (!r.ok || this.progress().phase === "ended") break;
        continue;
      }
      break;
    }
    if (this.session.phase === "ended" && !this.closing) {
      this.closing = true;
      services().store.finish(this.gameId);
      this.clock.setTimeout(() => void this.disconnect(), ENDED_ROOM_SECONDS * 1000);
    }
    for (const c of this.session.seats) if (!c.bot) this.armTakeover(c.seat);
    this.armDeadline();
    this.syncPublic();
    this.pushViews();
  }

  /**
   * Brings every client's view up to date: a snapshot to a client that holds none (or an outdated one), otherwise one
   * patch per distinct viewer, encoded once and sent to each of its clients as soon as it is diffed (the next viewer is
   * diffed while it travels); nothing to a client whose view is unchanged.
   */
  pushViews(): void {
    const viewers: Viewer[] = [];
    const byId = new Map<string, Client>();
    for (const client of this.clients) {
      const member = this.memberOf(client);
      if (!member) continue;
      viewers.push({ client: client.sessionId, member });
      byId.set(client.sessionId, client);
    }
    const build = (m: Member) => sharedView(this.session, m, this.connected, this.gameView(m));
    for (const d of this.views.plan(viewers, build)) {
      if (d.kind === "view") {
        byId.get(d.to)?.send("view", d.view);
        continue;
      }
      const bytes = getMessageBytes.raw(Protocol.ROOM_DATA, "patch", d.patch);
      for (const id of d.to) byId.get(id)?.enqueueRaw(bytes);
    }
  }

  /** The engine's projection for a member, computed once per distinct viewer and reused while the game state is the same object. */
  private gameView(m: Member): GameView {
    const viewer = viewerOf(m, this.session.phase);
    // The key names the engine's viewer too: a player's projection changes at the start while the game state does not.
    const key = `${viewKey(m)}|${viewer.role}`;
    const cached = this.gameViews.get(key);
    if (cached && cached.game === this.session.game) return cached.view;
    const view = viewFor(this.session.game, viewer);
    this.gameViews.set(key, { game: this.session.game, view });
    return view;
  }

  /** Sends a client a fresh snapshot of its view (after a reconnection, or when its patches no longer apply). */
  resync(client: Client): void {
    this.views.forget(client.sessionId);
    this.pushViews();
  }

  private syncPublic(): void {
    const s = this.session;
    this.state.phase = s.phase;
    this.state.turn = s.game.turn;
    this.state.maxTurns = s.game.maxTurns;
    this.state.deadline = s.deadline ?? 0;
    this.state.paused = s.pausedRemaining !== null;
    // The matchmaker's copy of the metadata changes only with the phase.
    if (this.metadata?.phase !== s.phase) void this.setMetadata({ code: s.code, name: s.options.name, scenario: s.options.scenario, phase: s.phase });
  }

  private armDeadline(): void {
    this.deadlineTimer?.clear();
    this.deadlineTimer = null;
    const d = this.session.deadline;
    if (this.session.phase !== "planning" || d === null) return;
    const turn = this.session.game.turn;
    this.deadlineTimer = this.clock.setTimeout(() => {
      if (this.session.phase !== "planning" || this.session.game.turn !== turn || this.session.pausedRemaining !== null) return;
      // DESIGN §4: at the deadline, seats that are not ready submit nothing.
      for (const seat of this.session.seats.filter((c) => !c.bot && !this.session.ready.includes(c.seat)).map((c) => c.seat)) {
        this.commit({ kind: "step", at: services().now(), by: "system", step: { type: "orders", turn, seat, orders: [] } });
      }
      const r = this.commit({ kind: "step", at: services().now(), by: "system", step: { type: "resolve", turn } });
      if (r.ok) this.settle();
    }, Math.max(0, d - services().now()));
  }

  private markGone(client: Client): void {
    const m = this.memberOf(client);
    if (!m) return;
    const still = this.clients.some((c) => c !== client && this.memberOf(c)?.id === m.id);
    if (!still) this.connected.delete(m.id);
    this.armTakeover(m.seat);
    this.pushViews();
  }

  private armTakeover(seat: string | null): void {
    const secs = this.session.options.takeoverSeconds;
    if (seat === null || secs <= 0 || this.session.phase !== "planning") return;
    const anyone = this.session.members.some((m) => m.role === "player" && m.seat === seat && this.connected.has(m.id));
    if (anyone || this.takeoverTimers.has(seat)) return;
    this.takeoverTimers.set(
      seat,
      this.clock.setTimeout(() => {
        this.takeoverTimers.delete(seat);
        const still = this.session.members.some((m) => m.role === "player" && m.seat === seat && this.connected.has(m.id));
        const ctl = this.session.seats.find((c) => c.seat === seat);
        if (still || !ctl || ctl.bot || this.session.phase !== "planning") return;
        const r = this.commit({ kind: "bot", at: services().now(), by: "system", seat, bot: true, persona: null, reason: "absent" });
        if (!r.ok) return;
        this.commit({ kind: "chat", at: services().now(), by: "system", channel: { kind: "public" }, text: `${this.session.game.nations[seat]?.name ?? seat}'s players have been away for ${secs} s: a bot plays for them until they return.` });
        this.settle();
      }, secs * 1000),
    );
  }

  private clearTakeover(seat: string | null): void {
    if (seat === null) return;
    this.takeoverTimers.get(seat)?.clear();
    this.takeoverTimers.delete(seat);
    const ctl = this.session?.seats.find((c) => c.seat === seat);
    if (ctl?.bot && ctl.reason === "absent") {
      const r = this.commit({ kind: "bot", at: services().now(), by: "system", seat, bot: false, persona: null, reason: null });
      if (r.ok) this.settle();
    }
  }

  /** The game's state hash (for tests and the health of a restore). */
  stateHash(): string {
    return hashValue(this.session.game);
  }
}
