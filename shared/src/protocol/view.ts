/**
 * What a connection sees: the `"view"` snapshot (`ClientView`), the engine's projection for its viewer wrapped in the
 * session around it. docs/protocol.md §7.2 documents every field.
 */
import type { BotPersona } from "../bots/doctrines.ts";
import type { SeatId } from "../model/basics.ts";
import type { GameView } from "../view/types.ts";

/** A member's role: plays a seat, watches, or runs the game (the white cell). */
export type Role = "player" | "observer" | "facilitator";

/** The session's phase: the lobby, a turn being planned, or the end (the debrief). */
export type SessionPhase = "lobby" | "planning" | "ended";

/** Why a bot holds a seat: nobody took it, the facilitator handed it over, or its players were away. */
export type BotReason = "empty" | "facilitator" | "absent";

/** Who wrote a chat line, by role: a person at a seat, the facilitator, a bot, or the game's own notices. */
export type ChatRole = "player" | "facilitator" | "bot" | "system";

/** One seat in the lobby/board sidebar. */
export interface SeatSummary {
  seat: SeatId;
  name: string;
  bot: boolean;
  /** The bot's persona: shown to the facilitator, and to everyone once the game has ended. */
  persona: BotPersona | null;
  reason: BotReason | null;
  /** Members holding the seat; `id` only in the facilitator's view (for fac:assign). */
  members: Array<{ id: string | null; name: string; connected: boolean }>;
}

/** What only facilitators see of the session: people waiting for a seat, open seat invites, and the facilitators. */
export interface FacilitatorDesk {
  knocks: Array<{ member: string; name: string; seat: SeatId; at: number }>;
  invites: Array<{ id: string; seat: SeatId; secret: string; at: number }>;
  facilitators: Array<{ id: string; name: string; connected: boolean }>;
}

/** A chat message as a reader receives it, its channel named as that reader would write it (docs/protocol.md §12). */
export interface ChatLine {
  id: number;
  at: number;
  turn: number;
  channel: string;
  /** The writer's seat (a bot's too), "facilitator", "system", or "" for a player without a seat. */
  from: string;
  fromName: string;
  /** The writer's role, shown with the line so a name can never pass for the system, the facilitator or a bot. */
  role: ChatRole;
  text: string;
}

/** Who changed a team's orders, for the team's log: a member's name, "bot:<seat>", or "system" at a deadline. */
export interface OrderChange {
  turn: number;
  seat: SeatId;
  by: string;
  count: number;
  at: number;
}

/** The message a client receives as "view" (a snapshot; "patch" messages then change it). */
export interface ClientView {
  /** `knock`: the seat this member asked to join, while the facilitator has not answered. */
  me: { memberId: string; name: string; role: Role; seat: SeatId | null; knock: SeatId | null };
  /** The snapshot's version; each "patch" goes from one version to the next. */
  version: number;
  session: {
    code: string;
    name: string;
    phase: SessionPhase;
    turnSeconds: number;
    deadline: number | null;
    paused: boolean;
    pausedRemaining: number | null;
    ready: SeatId[];
    seats: SeatSummary[];
    observers: number;
    /** Members without a seat (observers, seatless players), with their ids: only in the facilitator's view (for fac:assign); [] for everyone else. */
    unseated: Array<{ id: string; name: string; role: "player" | "observer"; connected: boolean }>;
    /** Hash of the canonical game state, once the game has ended (compare with a replay of the record). */
    stateHash: string | null;
    /** Knocks, seat invites and facilitators: in facilitators' views only (null for everyone else). */
    desk: FacilitatorDesk | null;
  };
  game: GameView;
  /** The newest messages (CHAT_VIEW_LIMIT) of each channel the member may read, oldest first. */
  chat: ChatLine[];
  orderLog: OrderChange[];
}
