/**
 * Who belongs to a game and where: joins, seat moves, knocks on a seat that has players, seat invites,
 * removals and the join code. Pure reducers over journal entries; ids are looked up in the session's own
 * lists, never as keys.
 */
import { isSeat } from "@firebreak/shared";
import { ok, refuse, type Result } from "./result.ts";
import type { Member, SessionState } from "./types.ts";
import type { StoredEntry } from "./journal.ts";

type Entry<K extends StoredEntry["kind"]> = Extract<StoredEntry, { kind: K }>;

/**
 * True when `id` names one of the game's states (looked up in its list of seats, so no prototype key passes).
 */
export function isSessionSeat(s: SessionState, id: unknown): id is string {
  return isSeat(s.game, id);
}

/** The member with this id, if any. */
export function memberById(s: SessionState, id: string): Member | undefined {
  return s.members.find((m) => m.id === id);
}

/** The players holding a seat (connected or not). */
function seatPlayers(s: SessionState, seat: string): Member[] {
  return s.members.filter((m) => m.role === "player" && m.seat === seat);
}

/** Whether the game has a facilitator (class games; a solo game has none). */
export function hasFacilitator(s: SessionState): boolean {
  return s.members.some((m) => m.role === "facilitator");
}

/**
 * Why a join into `seat` must knock first (null when it may take the seat at once): after the start, a seat
 * that has players needs the facilitator's admission.
 */
export function mustKnock(s: SessionState, seat: string): boolean {
  return s.phase !== "lobby" && seatPlayers(s, seat).length > 0;
}

/**
 * A seat taken by humans comes back from a bot that holds it only because it was empty or its players were
 * away.
 */
function reclaimSeat(s: SessionState, seat: string | null): SessionState["seats"] {
  return s.seats.map((c) =>
    c.seat === seat && c.bot && c.reason !== "facilitator" ? { ...c, bot: false, reason: null } : c,
  );
}

/** A new member joins (with a seat, without one, or through a seat invite). */
export function join(s: SessionState, e: Entry<"join">): Result<SessionState> {
  if (memberById(s, e.member.id)) return refuse("INVALID_REQUEST", "Member id taken.");
  if (s.members.some((m) => m.token === e.member.token)) return refuse("INVALID_REQUEST", "Token taken.");
  const seat = e.member.seat;
  if (seat !== null && !isSessionSeat(s, seat)) return refuse("UNKNOWN_SEAT", `No state "${seat}".`);
  let invites = s.invites;
  if (e.invite !== undefined) {
    const inv = s.invites.find((i) => i.id === e.invite);
    if (!inv || inv.seat !== seat)
      return refuse("BAD_INVITE", "That seat invite is not valid (used, withdrawn, or for another seat).");
    invites = s.invites.filter((i) => i.id !== e.invite);
  } else if (seat !== null && e.member.role === "player" && mustKnock(s, seat)) {
    return refuse(
      "SEAT_TAKEN",
      "That seat has players: knock and wait for the facilitator, or ask for a seat invite.",
    );
  }
  return ok({ ...s, members: [...s.members, e.member], seats: reclaimSeat(s, seat), invites });
}

/** A member is moved to a seat (or off any seat, becoming an observer). */
export function assign(s: SessionState, e: Entry<"assign">): Result<SessionState> {
  const m = memberById(s, e.member);
  if (!m) return refuse("UNKNOWN_MEMBER", "Unknown member.");
  if (m.role === "facilitator") return refuse("INVALID_REQUEST", "The facilitator has no seat.");
  if (e.seat !== null && !isSessionSeat(s, e.seat)) return refuse("UNKNOWN_SEAT", `No state "${e.seat}".`);
  const members = s.members.map((x) =>
    x.id === e.member
      ? withoutKnock({
          ...x,
          seat: e.seat,
          role: e.seat === null ? ("observer" as const) : ("player" as const),
        })
      : x,
  );
  return ok({ ...s, members, seats: reclaimSeat(s, e.seat) });
}

/** A member without a seat asks to join a seat that has players. */
export function knock(s: SessionState, e: Entry<"knock">): Result<SessionState> {
  const m = memberById(s, e.member);
  if (!m) return refuse("UNKNOWN_MEMBER", "Unknown member.");
  if (m.role === "facilitator") return refuse("INVALID_REQUEST", "The facilitator has no seat.");
  if (!isSessionSeat(s, e.seat)) return refuse("UNKNOWN_SEAT", `No state "${e.seat}".`);
  if (!hasFacilitator(s))
    return refuse("SEAT_TAKEN", "That seat has a player and this game has no facilitator to admit you.");
  if (m.seat !== null) return alreadySeated();
  const members = s.members.map((x) => (x.id === e.member ? { ...x, knock: { seat: e.seat, at: e.at } } : x));
  return ok({ ...s, members });
}

/** The refusal for a member that has a seat asking for one. */
export function alreadySeated<T>(): Result<T> {
  return refuse("INVALID_REQUEST", "You already have a seat; the facilitator can move you.");
}

/** A member without its knock (after an answer, or a move by the facilitator). */
function withoutKnock(m: Member): Member {
  const { knock: _k, ...rest } = m;
  return rest;
}

/**
 * The facilitator admits a knocking member to the seat it asked for, or refuses (it stays without a seat).
 */
export function admit(s: SessionState, e: Entry<"admit">): Result<SessionState> {
  const m = memberById(s, e.member);
  if (!m?.knock) return refuse("NO_KNOCK", "That person is not waiting to join a seat.");
  const seat = m.knock.seat;
  const members = s.members.map((x) =>
    x.id === e.member
      ? e.admit
        ? withoutKnock({ ...x, seat, role: "player" as const })
        : withoutKnock(x)
      : x,
  );
  return ok({ ...s, members, seats: e.admit ? reclaimSeat(s, seat) : s.seats });
}

/** The facilitator creates a seat invite. */
export function invite(s: SessionState, e: Entry<"invite">): Result<SessionState> {
  if (!isSessionSeat(s, e.invite.seat)) return refuse("UNKNOWN_SEAT", `No state "${e.invite.seat}".`);
  if (s.invites.some((i) => i.id === e.invite.id || i.secret === e.invite.secret))
    return refuse("INVALID_REQUEST", "Invite id taken.");
  return ok({ ...s, invites: [...s.invites, e.invite] });
}

/** The facilitator withdraws a seat invite before it is used. */
export function uninvite(s: SessionState, e: Entry<"uninvite">): Result<SessionState> {
  if (!s.invites.some((i) => i.id === e.invite))
    return refuse("BAD_INVITE", "No open seat invite with that id.");
  return ok({ ...s, invites: s.invites.filter((i) => i.id !== e.invite) });
}

/**
 * The facilitator removes a member: gone from the game, its token no longer opens it. The last facilitator
 * stays.
 */
export function remove(s: SessionState, e: Entry<"remove">): Result<SessionState> {
  const m = memberById(s, e.member);
  if (!m) return refuse("UNKNOWN_MEMBER", "Unknown member.");
  // Nobody removes themselves, so a game always keeps the facilitator who removes the others.
  if (m.id === e.by) return refuse("INVALID_REQUEST", "You cannot remove yourself; another facilitator can.");
  return ok({ ...s, members: s.members.filter((x) => x.id !== e.member) });
}

/** The join code changes: the old one stops working. */
export function rotateCode(s: SessionState, e: Entry<"code">): Result<SessionState> {
  if (e.code === s.code) return refuse("INVALID_REQUEST", "The new code is the old one.");
  return ok({ ...s, code: e.code });
}
