/** Chat channels: who may write to and read from each. */
import { hasCbmInForce } from "./cbm.ts";
import type { Channel, ChatMessage, Member, SessionState } from "./types.ts";

/** Most characters in one chat message. */
export const CHAT_MAX_LENGTH = 500;

/** Parses a channel name: "public", "team", "private:<seat>", "hotline:<seat>", seen from a member's seat. */
export function parseChannel(name: string, member: Member, s: SessionState): Channel | string {
  if (member.role === "observer") return "observers read the public channel but do not write";
  if (name === "public") return { kind: "public" };
  if (member.role === "facilitator") {
    const [kind, a, b] = name.split(":");
    if (kind === "team" && a && s.game.nations[a]) return { kind: "team", seat: a };
    if ((kind === "private" || kind === "hotline") && a && b && s.game.nations[a] && s.game.nations[b] && a !== b) {
      if (kind === "hotline" && !hasCbmInForce(s, "hotline", a, b)) return `no hotline between ${a} and ${b} is in force`;
      return (a < b ? { kind, a, b } : { kind, a: b, b: a }) as Channel;
    }
    return `unknown channel "${name}" (facilitator: public, team:<seat>, private:<a>:<b>, hotline:<a>:<b>)`;
  }
  if (member.role !== "player" || member.seat === null) return "observers may only read the public channel";
  const me = member.seat;
  if (name === "team") return { kind: "team", seat: me };
  const [kind, other] = name.split(":");
  if ((kind === "private" || kind === "hotline") && other) {
    if (!s.game.nations[other] || other === me) return `no other state "${other}"`;
    if (kind === "hotline" && !hasCbmInForce(s, "hotline", me, other)) return `no hotline with ${other} is in force`;
    return me < other ? { kind, a: me, b: other } : { kind, a: other, b: me };
  }
  return `unknown channel "${name}" (use public, team, private:<seat> or hotline:<seat>)`;
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
