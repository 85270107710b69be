/** Chat channels: who may write to and read from each. */
import { hasCbmInForce } from "./cbm.ts";
import { isSessionSeat } from "./membership.ts";
import type { Channel, ChatMessage, Member, SessionState } from "./types.ts";
import type { SeatId } from "@firebreak/shared";

/** Most characters in one chat message. */
export const CHAT_MAX_LENGTH = 500;

/**
 * Parses a channel name: "public", "team", "private:<seat>", "hotline:<seat>", seen from a member's seat
 * (observers do not write: permissions.ts).
 */
export function parseChannel(name: string, member: Member, s: SessionState): Channel | string {
  if (name === "public") return { kind: "public" };
  // In the lobby people may still change seats: a team's or a pair's lines written then would be read by
  // whoever passes through the seat, so those channels open with the game.
  if (s.phase === "lobby")
    return "team, private and hotline channels open when the facilitator starts the game; write on public";
  const parts = name.split(":");
  if (member.role === "facilitator") {
    const [kind, a, b] = parts;
    if (kind === "team" && parts.length === 2 && isSessionSeat(s, a)) return { kind: "team", seat: a };
    if (
      (kind === "private" || kind === "hotline") &&
      parts.length === 3 &&
      isSessionSeat(s, a) &&
      isSessionSeat(s, b) &&
      a !== b
    ) {
      if (kind === "hotline" && !hasCbmInForce(s, "hotline", a, b))
        return `no hotline between ${a} and ${b} is in force`;
      return (a < b ? { kind, a, b } : { kind, a: b, b: a }) as Channel;
    }
    return `unknown channel "${name}" (facilitator: public, team:<seat>, private:<a>:<b>, hotline:<a>:<b>)`;
  }
  if (member.role !== "player" || member.seat === null)
    return `you have no seat yet, so you write only on the public channel (not "${name}")`;
  const me = member.seat;
  if (name === "team") return { kind: "team", seat: me };
  const [kind, other] = parts;
  if ((kind === "private" || kind === "hotline") && parts.length === 2 && other)
    return pairChannelError(s, kind, me, other) ?? pairChannel(kind, me, other);
  return `unknown channel "${name}" (use public, team, private:<seat> or hotline:<seat>)`;
}

/** The private line or hotline between two seats, as stored (the two seats in string order). */
export function pairChannel(kind: "private" | "hotline", x: SeatId, y: SeatId): Channel {
  return x < y ? { kind, a: x, b: y } : { kind, a: y, b: x };
}

/**
 * Why `seat` may not write on the private line or hotline with `other` (null when it may): another state, and
 * a hotline in force.
 */
export function pairChannelError(
  s: SessionState,
  kind: "private" | "hotline",
  seat: SeatId,
  other: SeatId,
): string | null {
  if (!isSessionSeat(s, other) || other === seat) return `no other state "${other}"`;
  if (kind === "hotline" && !hasCbmInForce(s, "hotline", seat, other))
    return `no hotline with ${other} is in force`;
  return null;
}

/**
 * Why the bot holding `seat` may not write on `c` (null when it may): it writes in public, on its private
 * lines, and on its hotlines in force; never on a team channel.
 */
export function botChannelError(s: SessionState, seat: SeatId, c: Channel): string | null {
  if (c.kind === "public") return null;
  if (c.kind === "team") return "a bot does not write on a team channel";
  if (c.a >= c.b) return "a private line or hotline names its two states in string order";
  if (c.a !== seat && c.b !== seat) return `${seat} is not on that line`;
  return pairChannelError(s, c.kind, seat, c.a === seat ? c.b : c.a);
}

/** Whether a member may read a message. */
export function canRead(member: Member, m: ChatMessage): boolean {
  if (member.role === "facilitator") return true;
  const c = m.channel;
  if (c.kind === "public") return true;
  if (member.role !== "player" || member.seat === null) return false;
  if (c.kind === "team") return c.seat === member.seat;
  return c.a === member.seat || c.b === member.seat;
}

/** The channel's name as the reader would write it. */
export function channelName(c: Channel, reader: Member): string {
  if (c.kind === "public") return "public";
  if (c.kind === "team") return reader.role === "facilitator" ? `team:${c.seat}` : "team";
  if (reader.role === "facilitator" || reader.seat === null) return `${c.kind}:${c.a}:${c.b}`;
  return `${c.kind}:${c.a === reader.seat ? c.b : c.a}`;
}
