/**
 * Who a connection joining a game becomes (docs/protocol.md §6.1, the room's checks in their order): the
 * member whose token it brings; or a newcomer, by a seat invite or the join code, seated, seatless or
 * knocking on a seat that has players; or why not.
 */
import { joinOptionsSchema } from "@firebreak/shared";
import type { JournalEntry } from "./journal.ts";
import { hasFacilitator, isSessionSeat, mustKnock } from "./membership.ts";
import { personName } from "./names.ts";
import type { Mint } from "./requests.ts";
import { ok, refuse, type Result } from "./result.ts";
import { inviteBySecret, memberByToken, normaliseCode } from "./tokens.ts";
import type { Member, SessionState } from "./types.ts";

/** A join let in: the member it is, and for a newcomer what its arrival journals. */
export interface Admission {
  member: Member;
  /** True when this join makes a new member (its join entry is journalled when it connects). */
  fresh: boolean;
  /** The seat invite this join uses up. */
  invite?: string;
  /** The seat this new member knocks on (it joins without a seat until a facilitator admits it). */
  knock?: string;
}

/**
 * A join with these raw options, checked against the session. BAD_TOKEN and BAD_INVITE count as wrong guesses
 * for the address.
 */
export function admission(s: SessionState, raw: unknown, mint: Mint): Result<Admission> {
  const parsed = joinOptionsSchema.safeParse(raw ?? {});
  if (!parsed.success)
    return refuse("INVALID_REQUEST", parsed.error.issues[0]?.message ?? "bad join options");
  const o = parsed.data;
  if (o.token !== undefined) {
    const m = memberByToken(s, o.token);
    return m
      ? ok({ member: m, fresh: false })
      : refuse(
          "BAD_TOKEN",
          "that seat token or facilitator key is not valid for this game (it may have been removed by the facilitator)",
        );
  }
  const inv = o.invite === undefined ? undefined : inviteBySecret(s, o.invite);
  if (o.invite !== undefined && !inv)
    return refuse("BAD_INVITE", "that seat invite is not valid for this game (used, withdrawn, or mistyped)");
  if (!inv && (o.code === undefined || normaliseCode(o.code) !== s.code))
    return refuse("BAD_CODE", "joining a game needs its join code (or a seat token to rejoin)");
  if (s.phase === "ended") return refuse("GAME_OVER", "the game is over; open its debrief instead");
  const named = personName(o.name ?? (o.role === "observer" ? "Observer" : "Player"));
  if (!named.ok) return refuse("INVALID_NAME", named.reason);
  if (inv)
    return ok({
      member: { id: mint.id("m"), name: named.name, role: "player", seat: inv.seat, token: mint.token() },
      fresh: true,
      invite: inv.id,
    });
  const role = o.role ?? "player";
  let seat: string | null = null;
  let knock: string | undefined;
  if (role === "player" && s.options.solo)
    return refuse("SEAT_TAKEN", "a solo game has one player; join as an observer to watch");
  if (role === "player" && o.seat !== undefined) {
    if (!isSessionSeat(s, o.seat)) return refuse("UNKNOWN_SEAT", `no state "${o.seat}"`);
    if (!mustKnock(s, o.seat)) seat = o.seat;
    else if (hasFacilitator(s)) knock = o.seat;
    else
      return refuse(
        "SEAT_TAKEN",
        "that state already has a player and this game has no facilitator to let you in; join as an observer",
      );
  }
  const member: Member = { id: mint.id("m"), name: named.name, role, seat, token: mint.token() };
  return ok(knock === undefined ? { member, fresh: true } : { member, fresh: true, knock });
}

/**
 * What a join let in journals when its connection arrives: a newcomer's join (with the invite it used), and
 * its knock.
 */
export function arrivalEntries(a: Admission, at: number): JournalEntry[] {
  if (!a.fresh) return [];
  const by = a.member.id;
  const join: JournalEntry =
    a.invite === undefined
      ? { kind: "join", at, by, member: a.member }
      : { kind: "join", at, by, member: a.member, invite: a.invite };
  return a.knock === undefined ? [join] : [join, { kind: "knock", at, by, member: by, seat: a.knock }];
}
