/** What one client receives: the engine's viewFor for its role and seat, plus the session around it. */
import {
  stateHash,
  viewFor,
  type ChatLine,
  type ClientView,
  type FacilitatorBrief,
  type FacilitatorDesk,
  type GameState,
  type GameView,
  type HeldStrike,
} from "@firebreak/shared";
import { canRead, channelName } from "../session/channels.ts";
import type { ChatMessage, Member, SessionState } from "../session/types.ts";
import { meOf, viewerOf } from "./viewer.ts";

/** Most messages of one channel a view carries (the newest); the game's record keeps them all. */
export const CHAT_VIEW_LIMIT = 100;

const hashes = new WeakMap<GameState, string>();

/** The final state's hash, computed once per game state (every view after the end carries it). */
function endHash(game: GameState): string {
  let h = hashes.get(game);
  if (h === undefined) {
    h = stateHash(game);
    hashes.set(game, h);
  }
  return h;
}

/**
 * A view without its `me` and `version`: the same for every member with the same role and seat (see
 * `viewKey`).
 */
export type SharedView = Omit<ClientView, "me" | "version">;

/**
 * Builds a member's whole view (version 0); `connected` says which members have a live connection, `brief` is
 * the facilitators' brief of the scenario (given to facilitators only).
 */
export function clientView(
  s: SessionState,
  m: Member,
  connected: ReadonlySet<string>,
  game: GameView = viewFor(s.game, viewerOf(m, s.phase)),
  brief: FacilitatorBrief | null = null,
): ClientView {
  return { me: meOf(m), version: 0, ...sharedView(s, m, connected, game, brief) };
}

/**
 * The messages a member may read, the newest `limit` of each channel (all of them with Infinity), oldest
 * first.
 */
function readable(s: SessionState, m: Member, limit: number): ChatMessage[] {
  const perChannel = new Map<string, number>();
  const out: ChatMessage[] = [];
  for (let i = s.chat.length - 1; i >= 0; i--) {
    const c = s.chat[i] as ChatMessage;
    if (!canRead(m, c)) continue;
    const key = JSON.stringify(c.channel);
    const n = perChannel.get(key) ?? 0;
    if (n >= limit) continue;
    perChannel.set(key, n + 1);
    out.push(c);
  }
  return out.reverse();
}

/**
 * The chat lines a member may read as its view names them (channels from its side): the newest `limit` of
 * each channel.
 */
export function chatLines(s: SessionState, m: Member, limit = CHAT_VIEW_LIMIT): ChatLine[] {
  return readable(s, m, limit).map(
    (c): ChatLine => ({
      id: c.id,
      at: c.at,
      turn: c.turn,
      channel: channelName(c.channel, m),
      from: c.from,
      fromName: c.fromName,
      role: c.role,
      text: c.text,
    }),
  );
}

/** Members waiting to be admitted, oldest knock first. */
function knocking(s: SessionState): Array<Member & { knock: { seat: string; at: number } }> {
  return s.members
    .flatMap((m) => (m.knock ? [m as Member & { knock: { seat: string; at: number } }] : []))
    .sort((a, b) => a.knock.at - b.knock.at);
}

/** The facilitator's desk: knocks, open invites, and who facilitates. */
function desk(s: SessionState, connected: ReadonlySet<string>): FacilitatorDesk {
  return {
    knocks: knocking(s).map((m) => ({ member: m.id, name: m.name, seat: m.knock.seat, at: m.knock.at })),
    invites: s.invites.map((i) => ({ id: i.id, seat: i.seat, secret: i.secret, at: i.at })),
    facilitators: s.members
      .filter((x) => x.role === "facilitator")
      .map((x) => ({ id: x.id, name: x.name, connected: connected.has(x.id) })),
  };
}

/**
 * Held strikes as a member may see them: every seat's for facilitators, its own seat's for a player, none for
 * anyone else.
 */
function heldStrikes(s: SessionState, m: Member): HeldStrike[] {
  return s.held
    .filter((h) => m.role === "facilitator" || (m.role === "player" && m.seat === h.seat))
    .map((h) => ({
      seat: h.seat,
      turn: h.turn,
      targets: h.strikes.map((o) => o.target),
      by: h.byName,
      at: h.at,
      status: h.status,
    }));
}

/**
 * Why a bot holds a player's own seat now (null when the member is not a player, or plays its seat itself).
 */
function botHoldsSeat(s: SessionState, m: Member): ClientView["session"]["botHoldsYourSeat"] {
  if (m.role !== "player" || m.seat === null) return null;
  const c = s.seats.find((x) => x.seat === m.seat);
  return c?.bot ? c.reason : null;
}

/**
 * The part of a member's view that depends only on its role and seat; `game` is the engine's viewFor for
 * them, `brief` the scenario's teacher material, which only a facilitator's view carries.
 */
export function sharedView(
  s: SessionState,
  m: Member,
  connected: ReadonlySet<string>,
  game: GameView = viewFor(s.game, viewerOf(m, s.phase)),
  brief: FacilitatorBrief | null = null,
): SharedView {
  const revealPersona = m.role === "facilitator" || s.phase === "ended";
  return {
    session: {
      code: s.code,
      name: s.options.name,
      phase: s.phase,
      turnSeconds: s.options.turnSeconds,
      deadline: s.deadline,
      paused: s.pausedRemaining !== null,
      pausedRemaining: s.pausedRemaining,
      ready: s.ready,
      seats: s.seats.map((c) => ({
        seat: c.seat,
        name: s.game.nations[c.seat]?.name ?? c.seat,
        bot: c.bot,
        persona: c.bot && revealPersona ? c.persona : null,
        reason: c.reason,
        members: s.members
          .filter((x) => x.role === "player" && x.seat === c.seat)
          .map((x) => ({
            id: m.role === "facilitator" ? x.id : null,
            name: x.name,
            connected: connected.has(x.id),
          })),
      })),
      observers: s.members.filter((x) => x.role === "observer").length,
      unseated:
        m.role === "facilitator"
          ? s.members.flatMap((x) =>
              x.role !== "facilitator" && (x.role === "observer" || x.seat === null)
                ? [{ id: x.id, name: x.name, role: x.role, connected: connected.has(x.id) }]
                : [],
            )
          : [],
      stateHash: s.phase === "ended" ? endHash(s.game) : null,
      desk: m.role === "facilitator" ? desk(s, connected) : null,
      settings: s.settings,
      botHoldsYourSeat: botHoldsSeat(s, m),
      heldStrikes: heldStrikes(s, m),
      ...(s.options.fork ? { fork: { ...s.options.fork.parent, play: [...s.options.fork.play] } } : {}),
    },
    game,
    facilitator: m.role === "facilitator" ? brief : null,
    chat: chatLines(s, m),
    orderLog:
      m.role === "facilitator"
        ? s.orderLog
        : s.orderLog.filter((o) => m.seat !== null && o.seat === m.seat && m.role === "player"),
  };
}
