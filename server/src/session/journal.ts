/**
 * What a game's journal holds: every change to its session, in order, each saying who made it. A session is the fold
 * of its journal (session.ts); an entry is appended before the request that made it is answered.
 */
import type { BotPersona, SeatId, Step } from "@firebreak/shared";
import type { Channel, CreateOptions, Invite, Member, SeatControl, SessionState } from "./types.ts";

/**
 * Who made an entry: a member's id; "system", the server itself (a deadline's empty orders and resolution, a takeover
 * and its notice, a seat handed back on its player's return, a solo game's start); or "bot:<seat>", the bot holding
 * that seat.
 */
export type Author = string;

/** Everything that can happen to a session, journalled before it is acknowledged. */
export type JournalEntry =
  /** `by`: the creator (the facilitator of a class game, the player of a solo one). */
  | {
      kind: "create";
      at: number;
      by: Author;
      options: CreateOptions;
      code: string;
      facilitator: Member | null;
    }
  /** `invite`: the id of the seat invite this join used up. `by`: the person joining, or the facilitator making a co-facilitator. */
  | { kind: "join"; at: number; by: Author; member: Member; invite?: string }
  /** A member asks to join a seat that has players (after the start): the facilitator admits or refuses. */
  | { kind: "knock"; at: number; by: Author; member: string; seat: SeatId }
  /** The facilitator's answer to a knock (or the member withdrawing it): `admit` seats the member, otherwise it stays without a seat. */
  | { kind: "admit"; at: number; by: Author; member: string; admit: boolean }
  | { kind: "invite"; at: number; by: Author; invite: Invite }
  | { kind: "uninvite"; at: number; by: Author; invite: string }
  /** The facilitator removes a member: its token stops working at once. */
  | { kind: "remove"; at: number; by: Author; member: string }
  /** The facilitator rotates the join code: the old one stops working. */
  | { kind: "code"; at: number; by: Author; code: string }
  /** A member moves to a seat or off any (by itself, or by the facilitator). */
  | { kind: "assign"; at: number; by: Author; member: string; seat: SeatId | null }
  | {
      kind: "bot";
      at: number;
      by: Author;
      seat: SeatId;
      bot: boolean;
      persona: BotPersona | null;
      reason: SeatControl["reason"];
    }
  | { kind: "start"; at: number; by: Author }
  | { kind: "step"; at: number; by: Author; step: Step }
  | { kind: "ready"; at: number; by: Author; seat: SeatId; ready: boolean }
  /** A chat line; its writer is `by` (the system's notices, a bot's words too). */
  | { kind: "chat"; at: number; by: Author; channel: Channel; text: string }
  | { kind: "pause"; at: number; by: Author }
  | { kind: "resume"; at: number; by: Author }
  | { kind: "extend"; at: number; by: Author; seconds: number };

/** An entry the reducer accepted, and the session after it. */
export interface Applied {
  entry: JournalEntry;
  after: SessionState;
}

/** The kinds that did not say who made them before every entry did. */
type UnsignedKind =
  | "create"
  | "join"
  | "knock"
  | "assign"
  | "bot"
  | "start"
  | "ready"
  | "chat"
  | "pause"
  | "resume"
  | "extend";

/** An entry of one of those kinds as an older server wrote it: without `by`, and a chat line named its writer `member`. */
type Unsigned<E> = E extends { kind: "chat" } ? Omit<E, "by"> & { member: Author } : Omit<E, "by">;

/** An entry as a journal holds it: as this server writes it, or as an older one did (see `authorOf`). */
export type StoredEntry = JournalEntry | Unsigned<Extract<JournalEntry, { kind: UnsignedKind }>>;

/**
 * Who made an entry. Null for an entry of an older journal that did not say: it was checked when it was accepted, and
 * replays as it did then (its chat lines named their writer, who is their author).
 */
export function authorOf(e: StoredEntry): Author | null {
  if ("by" in e) return e.by;
  return e.kind === "chat" ? e.member : null;
}
