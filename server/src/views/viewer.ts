/**
 * Who a member is as a viewer: the engine's viewer, the key of members who see the same thing, and the `me`
 * of a view.
 */
import type { ClientView, Viewer } from "@firebreak/shared";
import type { Member, SessionState } from "../session/types.ts";

/**
 * The viewer the engine should project for a member. Before the facilitator starts the game a player sees the
 * public view only: secret briefings and objectives reach a seat's players once the game has begun, so nobody
 * can hop seats in the lobby to read them.
 */
export function viewerOf(m: Member, phase: SessionState["phase"]): Viewer {
  if (m.role === "facilitator") return { role: "facilitator" };
  if (m.role === "player" && m.seat !== null && phase !== "lobby") return { role: "player", seat: m.seat };
  return { role: "observer" };
}

/** What the shared part of a member's view depends on: members with the same key see the same thing. */
export function viewKey(m: Member): string {
  return `${m.role}:${m.seat ?? ""}${m.knock ? `?${m.knock.seat}` : ""}`;
}

/** The `me` part of a member's view. */
export function meOf(m: Member): ClientView["me"] {
  return { memberId: m.id, name: m.name, role: m.role, seat: m.seat, knock: m.knock?.seat ?? null };
}

/** One connected client and the member it is. */
export interface Connection {
  client: string;
  member: Member;
}

/**
 * Members who see the same thing: their key, one of them, the engine's viewer for them, and each client with
 * its `me`.
 */
export interface ViewerGroup {
  key: string;
  member: Member;
  viewer: Viewer;
  clients: Array<{ client: string; me: ClientView["me"] }>;
}

/**
 * Groups connections by view key (first seen first), each with what its view needs to know of who they are.
 */
export function groupViewers(
  connections: readonly Connection[],
  phase: SessionState["phase"],
): ViewerGroup[] {
  const byKey = new Map<string, ViewerGroup>();
  for (const c of connections) {
    const key = viewKey(c.member);
    const group = byKey.get(key);
    const entry = { client: c.client, me: meOf(c.member) };
    if (group) group.clients.push(entry);
    else byKey.set(key, { key, member: c.member, viewer: viewerOf(c.member, phase), clients: [entry] });
  }
  return [...byKey.values()];
}
