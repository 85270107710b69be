/**
 * participation.csv: what each person did in a game, read off its journal (every entry says who made it):
 * orders, chat, proposals, answers, and the turns they marked their seat ready before it resolved. What a
 * teacher grades participation from. Bots and the server's own entries are nobody's.
 */
import type { SeatId } from "@firebreak/shared";
import { authorOf, type StoredEntry } from "../session/journal.ts";
import type { Member } from "../session/types.ts";
import { csvDocument, type Cell } from "./csv.ts";

/** The columns of participation.csv, in order (docs/protocol.md §3.5). */
export const PARTICIPATION_COLUMNS = [
  "name",
  "role",
  "seat",
  "state",
  "orders_submitted",
  "turns_with_orders",
  "messages_written",
  "proposals_made",
  "proposals_answered",
  "turns_ready_on_time",
  "turns_played",
  "removed",
] as const;

/** One person's part in a game. */
export interface Participant {
  name: string;
  role: Member["role"];
  /** The seat they held last (at the end, or when they were removed); null if none. */
  seat: SeatId | null;
  ordersSubmitted: number;
  turnsWithOrders: number;
  messagesWritten: number;
  proposalsMade: number;
  proposalsAnswered: number;
  turnsReadyOnTime: number;
  removed: boolean;
}

/**
 * Everyone who was ever a member of the game (the creator first, then in the order they joined), with what
 * they did.
 */
export function participants(entries: readonly StoredEntry[]): {
  people: Participant[];
  turns: number;
} {
  const people = new Map<string, Participant & { orderTurns: Set<number> }>();
  const knocks = new Map<string, SeatId>();
  /** Per seat, the member whose "ready" stands this turn. */
  let readyBy = new Map<SeatId, string>();
  let turns = 0;
  const add = (m: unknown): void => {
    const c = m as Partial<Member> | null;
    if (!c || typeof c.id !== "string" || people.has(c.id)) return;
    people.set(c.id, {
      name: typeof c.name === "string" ? c.name : "",
      role: c.role === "facilitator" || c.role === "observer" ? c.role : "player",
      seat: typeof c.seat === "string" ? c.seat : null,
      ordersSubmitted: 0,
      turnsWithOrders: 0,
      messagesWritten: 0,
      proposalsMade: 0,
      proposalsAnswered: 0,
      turnsReadyOnTime: 0,
      removed: false,
      orderTurns: new Set(),
    });
  };
  for (const e of entries) {
    const by = authorOf(e);
    const who = by === null ? undefined : people.get(by);
    switch (e.kind) {
      case "create":
        add(e.facilitator);
        break;
      case "join":
        add(e.member);
        break;
      case "knock":
        knocks.set(e.member, e.seat);
        break;
      case "admit": {
        const p = people.get(e.member);
        const seat = knocks.get(e.member);
        if (p && e.admit && seat !== undefined) p.seat = seat;
        knocks.delete(e.member);
        break;
      }
      case "assign": {
        const p = people.get(e.member);
        if (p) p.seat = e.seat;
        break;
      }
      case "remove": {
        const p = people.get(e.member);
        if (p) p.removed = true;
        break;
      }
      case "chat":
        if (who) who.messagesWritten++;
        break;
      case "ready":
        if (e.ready && by !== null && people.has(by)) readyBy.set(e.seat, by);
        else if (!e.ready) readyBy.delete(e.seat);
        break;
      case "bot":
        if (e.bot) readyBy.delete(e.seat);
        break;
      case "step":
        if (e.step.type === "orders" && who) {
          who.ordersSubmitted++;
          who.orderTurns.add(e.step.turn);
        } else if (e.step.type === "propose" && who) who.proposalsMade++;
        else if (e.step.type === "respond" && who) who.proposalsAnswered++;
        else if (e.step.type === "resolve") {
          turns++;
          for (const member of readyBy.values()) {
            const p = people.get(member);
            if (p) p.turnsReadyOnTime++;
          }
          readyBy = new Map();
        }
        break;
    }
  }
  const list = [...people.values()].map(({ orderTurns, ...p }) => ({
    ...p,
    turnsWithOrders: orderTurns.size,
  }));
  return { people: list, turns };
}

/** participation.csv (docs/protocol.md §3.5); `stateName` names a seat's state. */
export function participationCsv(
  entries: readonly StoredEntry[],
  stateName: (seat: SeatId) => string,
): string {
  const { people, turns } = participants(entries);
  const rows: Cell[][] = people.map((p) => [
    p.name,
    p.role,
    p.seat ?? "",
    p.seat === null ? "" : stateName(p.seat),
    p.ordersSubmitted,
    p.turnsWithOrders,
    p.messagesWritten,
    p.proposalsMade,
    p.proposalsAnswered,
    p.turnsReadyOnTime,
    turns,
    p.removed ? "yes" : "no",
  ]);
  return csvDocument(PARTICIPATION_COLUMNS, rows);
}
