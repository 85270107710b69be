/**
 * What a game's journal holds: every change to its session, in order, each saying who made it. A session is
 * the fold of its journal (session.ts); an entry is appended before the request that made it is answered.
 */
import type { BotPersona, GameSettings, SeatId, Step } from "@firebreak/shared";
import type { Channel, CreateOptions, Invite, Member, SeatControl, SessionState } from "./types.ts";

/**
 * Who made an entry: a member's id; "system", the server itself (a deadline's empty orders and resolution, a
 * takeover and its notice, a seat handed back on its player's return, a solo game's start); or "bot:<seat>",
 * the bot holding that seat.
 */
export type Author = string;

/**
 * Everything that can happen to a session, journalled before it is acknowledged. A `create` or `step` entry
 * the journal holds carries `hash`, the state hash of the game after it (`stateHash`), so that a later engine
 * can check it still plays the same game (journals written before the hashes were kept have none).
 */
export type JournalEntry =
  /** `by`: the creator (the facilitator of a class game, the player of a solo one). */
  | {
      kind: "create";
      at: number;
      by: Author;
      options: CreateOptions;
      code: string;
      facilitator: Member | null;
      hash?: string;
    }
  /**
   * `invite`: the id of the seat invite this join used up. `by`: the person joining, or the facilitator
   * making a co-facilitator.
   */
  | { kind: "join"; at: number; by: Author; member: Member; invite?: string }
  /** A member asks to join a seat that has players (after the start): the facilitator admits or refuses. */
  | { kind: "knock"; at: number; by: Author; member: string; seat: SeatId }
  /**
   * The facilitator's answer to a knock (or the member withdrawing it): `admit` seats the member, otherwise
   * it stays without a seat.
   */
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
  | { kind: "step"; at: number; by: Author; step: Step; hash?: string }
  | { kind: "ready"; at: number; by: Author; seat: SeatId; ready: boolean }
  /** A chat line; its writer is `by` (the system's notices, a bot's words too). */
  | { kind: "chat"; at: number; by: Author; channel: Channel; text: string }
  | { kind: "pause"; at: number; by: Author }
  | { kind: "resume"; at: number; by: Author }
  | { kind: "extend"; at: number; by: Author; seconds: number }
  /**
   * A facilitator changes the session's rules for strikes or takeovers, or the turn's length (only the
   * settings named).
   */
  | { kind: "settings"; at: number; by: Author; settings: Partial<GameSettings> & { turnSeconds?: number } }
  /** A facilitator approves a seat's held strikes (they join its orders) or refuses them. */
  | { kind: "strike"; at: number; by: Author; seat: SeatId; approve: boolean };

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

/**
 * An entry of one of those kinds as an older server wrote it: without `by`, and a chat line named its writer
 * `member`.
 */
type Unsigned<E> = E extends { kind: "chat" } ? Omit<E, "by"> & { member: Author } : Omit<E, "by">;

/** An entry as a journal holds it: as this server writes it, or as an older one did (see `authorOf`). */
export type StoredEntry = JournalEntry | Unsigned<Extract<JournalEntry, { kind: UnsignedKind }>>;

/**
 * Who made an entry. Null for an entry of an older journal that did not say: it was checked when it was
 * accepted, and replays as it did then (its chat lines named their writer, who is their author).
 */
export function authorOf(e: StoredEntry): Author | null {
  if ("by" in e) return e.by;
  return e.kind === "chat" ? e.member : null;
}

/**
 * The members of a game read off its journal alone, without replaying it (for a game no engine of this server
 * can replay any more): its facilitator, everyone who joined, less those the facilitator removed. Entries
 * were checked when they were accepted; ids are kept in a Map, so no journal text can reach a prototype.
 */
export function journalMembers(entries: readonly StoredEntry[]): Member[] {
  const members = new Map<string, Member>();
  const keep = (m: unknown): void => {
    const c = m as Partial<Member> | null;
    if (c && typeof c.id === "string" && typeof c.token === "string") members.set(c.id, c as Member);
  };
  for (const e of entries) {
    if (e.kind === "create") keep(e.facilitator);
    else if (e.kind === "join") keep(e.member);
    else if (e.kind === "remove") members.delete(e.member);
  }
  return [...members.values()];
}
