/**
 * Which chat messages this member has read: a message counts as read once its channel has been open in the
 * Diplomacy panel. Kept per member in the browser's storage, so a reload does not mark everything unread
 * again.
 */
import { signal } from "@preact/signals";
import type { ClientView } from "../net/client.ts";

/**
 * The highest message id read, by channel, for the member `of`; `changed` tells the components that read it.
 */
let read: { of: string; upTo: Record<string, number> } = { of: "", upTo: {} };
const changed = signal(0);

const key = (member: string) => `firebreak:read:${member}`;

function load(member: string): Record<string, number> {
  try {
    const raw = localStorage.getItem(key(member));
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    const upTo: Record<string, number> = {};
    if (parsed && typeof parsed === "object")
      for (const [c, n] of Object.entries(parsed)) if (typeof n === "number") upTo[c] = n;
    return upTo;
  } catch {
    return {};
  }
}

function readFor(member: string): Record<string, number> {
  void changed.value;
  if (read.of !== member) read = { of: member, upTo: load(member) };
  return read.upTo;
}

/** True for a line this member wrote (its own lines are never unread). */
function own(m: ClientView["chat"][number], v: ClientView): boolean {
  if (m.fromName !== v.me.name) return false;
  return v.me.role === "facilitator"
    ? m.role === "facilitator"
    : m.role === "player" && m.from === (v.me.seat ?? "");
}

/** Unread messages by channel (only channels with some). */
export function unreadByChannel(v: ClientView): Map<string, number> {
  const upTo = readFor(v.me.memberId);
  const out = new Map<string, number>();
  for (const m of v.chat) {
    const seen = Object.hasOwn(upTo, m.channel) ? (upTo[m.channel] ?? -1) : -1;
    if (m.id > seen && !own(m, v)) out.set(m.channel, (out.get(m.channel) ?? 0) + 1);
  }
  return out;
}

/** Marks every message of `channel` held in the view as read. */
export function markRead(channel: string, v: ClientView): void {
  const upTo = readFor(v.me.memberId);
  const newest = v.chat.reduce((n, m) => (m.channel === channel && m.id > n ? m.id : n), -1);
  const seen = Object.hasOwn(upTo, channel) ? (upTo[channel] ?? -1) : -1;
  if (newest <= seen) return;
  const next = { ...upTo, [channel]: newest };
  read = { of: v.me.memberId, upTo: next };
  changed.value++;
  try {
    localStorage.setItem(key(v.me.memberId), JSON.stringify(next));
  } catch {
    // Storage full or refused: read marks last for this page only.
  }
}
