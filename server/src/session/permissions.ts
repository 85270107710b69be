/**
 * Who may do what in a game, decided here and nowhere else. A request is asked first (its sender's role), so
 * one its sender may not make is refused as such before anything about it is checked (docs/protocol.md §4.2,
 * §11); every journal entry is asked again by the reducer, whoever made it: a member, a bot, the server
 * itself, or a journal being replayed.
 */
import type { RequestType, SeatId, Step } from "@firebreak/shared";
import { authorOf, type StoredEntry } from "./journal.ts";
import { isSessionSeat, memberById, mustKnock } from "./membership.ts";
import { ok, refuse, type Result } from "./result.ts";
import type { Member, SessionState } from "./types.ts";

/**
 * What someone does, as far as who may do it goes: play a seat, take a seat, write in chat, or run the game.
 */
export type Act = "play" | "take a seat" | "write" | "facilitate";

/** The act each request is. */
export const REQUEST_ACTS: { readonly [T in RequestType]: Act } = {
  orders: "play",
  ready: "play",
  propose: "play",
  respond: "play",
  chat: "write",
  "lobby:seat": "take a seat",
  knock: "take a seat",
  "fac:start": "facilitate",
  "fac:assign": "facilitate",
  "fac:bot": "facilitate",
  "fac:pause": "facilitate",
  "fac:resume": "facilitate",
  "fac:extend": "facilitate",
  "fac:advance": "facilitate",
  "fac:inject": "facilitate",
  "fac:end": "facilitate",
  "fac:admit": "facilitate",
  "fac:invite": "facilitate",
  "fac:uninvite": "facilitate",
  "fac:remove": "facilitate",
  "fac:code": "facilitate",
  "fac:cofac": "facilitate",
  reclaim: "play",
  "fac:settings": "facilitate",
  "fac:strike": "facilitate",
};

const allowed: Result<true> = ok(true);

/** Whether a member's role lets it do an act at all. */
export function roleMay(m: Member, act: Act): Result<true> {
  switch (act) {
    case "play":
      return m.role === "player" && m.seat !== null
        ? allowed
        : refuse("NOT_A_PLAYER", "Only a player with a seat can do that.");
    case "take a seat":
      return m.role !== "facilitator" ? allowed : refuse("NOT_A_PLAYER", "The facilitator has no seat.");
    case "write":
      return m.role !== "observer"
        ? allowed
        : refuse("NO_CHANNEL", "observers read the public channel but do not write");
    case "facilitate":
      return m.role === "facilitator" ? allowed : onlyFacilitator();
  }
}

function onlyFacilitator(): Result<true> {
  return refuse("NOT_FACILITATOR", "Only the facilitator can do that.");
}

/** The requests a fork's facilitator makes for a seat it plays (naming it: `seat`). */
const FORK_PLAY: ReadonlySet<RequestType> = new Set(["orders", "ready", "propose", "respond"]);

/**
 * Whether a member may make a request of this type: its role, asked before anything else about the request.
 * In a fork (`s` given) the facilitator may also play: orders, ready, proposals and answers for a seat it
 * names.
 */
export function mayRequest(m: Member, type: RequestType, s?: SessionState): Result<true> {
  if (m.role === "facilitator" && s?.options.fork && FORK_PLAY.has(type)) return allowed;
  return roleMay(m, REQUEST_ACTS[type]);
}

/** True for the steps a seat takes for itself (the others, inject, end and resolve, run the game). */
function isSeatStep(step: Step): step is Extract<Step, { seat: SeatId }> {
  return step.type === "orders" || step.type === "propose" || step.type === "respond";
}

/**
 * Whether the maker of an entry may make it:
 * - the system (the server itself) may make any entry;
 * - the bot holding a seat: its seat's orders, proposals, answers, words and ready mark;
 * - a player with a seat no bot holds: its seat's orders, proposals, answers and ready mark; chat; moving
 *   itself; a
 *   player whose seat a bot holds: taking it back;
 * - a member without a seat (a player or an observer): taking a seat, knocking and withdrawing its knock;
 *   chat, but
 *   not an observer;
 * - a person joining: itself, as a player or an observer; a facilitator may add a co-facilitator;
 * - a facilitator: everything that runs the game (start, clock, injects, the end, bots, seats, knocks,
 *   invites,
 *   removals, the code, co-facilitators) and chat; a seat's own steps and ready mark only in a fork, for a seat no bot
 *   and no player holds.
 * An entry of an older journal that does not name its maker was checked when it was accepted, and is allowed.
 */
export function permit(s: SessionState, e: StoredEntry): Result<true> {
  const by = authorOf(e);
  if (by === null || by === "system") return allowed;
  if (by.startsWith("bot:")) return botMay(s, by.slice(4), e);
  // A person joining makes itself a player or an observer; only a facilitator makes a facilitator
  // (fac:cofac).
  if (e.kind === "join" && e.member.id === by)
    return e.member.role === "facilitator" ? onlyFacilitator() : allowed;
  const m = memberById(s, by);
  if (!m) return refuse("UNKNOWN_MEMBER", "Unknown member.");
  switch (e.kind) {
    case "step":
      return isSeatStep(e.step) ? plays(s, m, e.step.seat) : roleMay(m, "facilitate");
    case "ready":
      return plays(s, m, e.seat);
    case "bot":
      return !e.bot && m.role === "player" && m.seat === e.seat ? reclaims(s, m) : roleMay(m, "facilitate");
    case "chat":
      return roleMay(m, "write");
    case "knock":
      return e.member === m.id
        ? roleMay(m, "take a seat")
        : refuse("INVALID_REQUEST", "Only the member itself can knock on a seat.");
    case "assign":
      return e.member === m.id && m.role !== "facilitator"
        ? seatsItself(s, m, e.seat)
        : roleMay(m, "facilitate");
    case "admit":
      return e.member === m.id && !e.admit && m.role !== "facilitator" ? allowed : roleMay(m, "facilitate");
    default:
      return roleMay(m, "facilitate");
  }
}

/**
 * Whether a member acts for `seat` now: a player of that seat, which no bot holds (else it is told how to
 * take it back); in a fork, also the facilitator, for a seat no bot and no player holds (facilitatorPlays).
 */
function plays(s: SessionState, m: Member, seat: SeatId): Result<true> {
  if (m.role === "facilitator" && s.options.fork) return facilitatorPlays(s, seat);
  const role = roleMay(m, "play");
  if (!role.ok) return role;
  if (seat !== m.seat) return refuse("NOT_A_PLAYER", `You play ${m.seat}, not ${seat}.`);
  if (s.seats.find((c) => c.seat === m.seat)?.bot)
    return refuse(
      "BOT_HOLDS_SEAT",
      `A bot plays ${s.game.nations[seat]?.name ?? seat} for you now: take your seat back (reclaim) to act yourself.`,
    );
  return allowed;
}

/**
 * Whether a fork's facilitator may act for `seat`: one of the game's seats that no bot and no player holds.
 */
function facilitatorPlays(s: SessionState, seat: SeatId): Result<true> {
  if (seat === "")
    return refuse(
      "INVALID_REQUEST",
      "Name the seat you act for: a fork's facilitator gives seat with each move.",
    );
  if (!isSessionSeat(s, seat)) return refuse("UNKNOWN_SEAT", `No state "${seat}".`);
  const name = s.game.nations[seat]?.name ?? seat;
  if (s.members.some((x) => x.role === "player" && x.seat === seat))
    return refuse("NOT_A_PLAYER", `${name} has its own players: they play it.`);
  if (s.seats.find((c) => c.seat === seat)?.bot)
    return refuse(
      "BOT_HOLDS_SEAT",
      `A bot plays ${name}: take the seat from it (fac:bot with bot false) to play it yourself.`,
    );
  return allowed;
}

/**
 * Whether a player may take its seat back from the bot that holds it (any reason): only while a bot holds it.
 */
function reclaims(s: SessionState, m: Member): Result<true> {
  return s.seats.find((c) => c.seat === m.seat)?.bot
    ? allowed
    : refuse("NO_BOT_HOLDS_SEAT", "No bot holds your seat: you play it already.");
}

/**
 * Whether a member may move itself to `seat`: in the lobby anywhere; after the start only from no seat onto
 * one no player holds (else it knocks).
 */
function seatsItself(s: SessionState, m: Member, seat: SeatId | null): Result<true> {
  return s.phase === "lobby" || (m.seat === null && seat !== null && !mustKnock(s, seat))
    ? allowed
    : seatsInTheLobby();
}

/** The refusal for choosing a seat after the start. */
export function seatsInTheLobby<T>(): Result<T> {
  return refuse(
    "NOT_IN_LOBBY",
    "Seats are chosen in the lobby; knock on a seat to ask the facilitator to let you in.",
  );
}

/** Whether the bot of `seat` may make an entry: only while it holds the seat, and only for that seat. */
function botMay(s: SessionState, seat: SeatId, e: StoredEntry): Result<true> {
  if (!s.seats.find((c) => c.seat === seat)?.bot) return refuse("NOT_A_PLAYER", `No bot holds ${seat}.`);
  if (e.kind === "chat") return allowed;
  const own =
    (e.kind === "step" && isSeatStep(e.step) && e.step.seat === seat) ||
    (e.kind === "ready" && e.seat === seat);
  return own ? allowed : refuse("NOT_A_PLAYER", "A bot acts only for its own seat.");
}
