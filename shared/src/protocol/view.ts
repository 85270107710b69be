/**
 * What a connection sees: the `"view"` snapshot (`ClientView`), the engine's projection for its viewer
 * wrapped in the session around it. docs/protocol.md §7.2 documents every field.
 */
import type { BotPersona } from "../bots/doctrines.ts";
import type { SeatId } from "../model/basics.ts";
import type { InjectEffect } from "../model/injects.ts";
import type { GameView } from "../view/types.ts";
import type { StrikeRule } from "./requests.ts";

/** A member's role: plays a seat, watches, or runs the game (the white cell). */
export type Role = "player" | "observer" | "facilitator";

export type { SessionPhase } from "./phase.ts";
import type { SessionPhase } from "./phase.ts";

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

/**
 * What only facilitators see of the session: people waiting for a seat, open seat invites, and the
 * facilitators.
 */
export interface FacilitatorDesk {
  knocks: Array<{ member: string; name: string; seat: SeatId; at: number }>;
  invites: Array<{ id: string; seat: SeatId; secret: string; at: number }>;
  facilitators: Array<{ id: string; name: string; connected: boolean }>;
}

/**
 * A chat message as a reader receives it, its channel named as that reader would write it (docs/protocol.md
 * §12).
 */
export interface ChatLine {
  id: number;
  at: number;
  turn: number;
  channel: string;
  /** The writer's seat (a bot's too), "facilitator", "system", or "" for a player without a seat. */
  from: string;
  fromName: string;
  /**
   * The writer's role, shown with the line so a name can never pass for the system, the facilitator or a bot.
   */
  role: ChatRole;
  text: string;
}

/**
 * Who changed a team's orders, for the team's log: a member's name, "bot:<seat>", or "system" at a deadline.
 */
export interface OrderChange {
  turn: number;
  seat: SeatId;
  by: string;
  count: number;
  at: number;
}

/**
 * The session's rules a facilitator sets at creation and changes in play (`fac:settings`); everyone sees
 * them.
 */
export interface GameSettings {
  /** Strikes allowed, held for a facilitator's approval, or refused before a turn. */
  strikes: StrikeRule;
  /** Whether a bot takes over a seat whose players have all been away for `takeoverSeconds`. */
  takeover: boolean;
  takeoverSeconds: number;
}

/**
 * A seat's strike orders held for a facilitator's approval (strikes `"approval"`), or refused by one, this
 * turn.
 */
export interface HeldStrike {
  seat: SeatId;
  turn: number;
  /** The states the held strike orders target. */
  targets: SeatId[];
  /** Who submitted them: a member's name, or "<State> (bot)". */
  by: string;
  at: number;
  /**
   * `waiting` for a facilitator; `refused` by one (the strike will not happen; the seat may submit it again).
   */
  status: "waiting" | "refused";
}

/** What only facilitators see of the scenario: the teacher's material and what each inject says and does. */
export interface FacilitatorBrief {
  /** The scenario's teacher block (null when it has none). */
  teacher: {
    case: string;
    learningObjectives: string[];
    debriefQuestions: string[];
    notes: string | null;
  } | null;
  sources: string[];
  /** Per state, why its starting values were chosen (`about`: cyber, defense, economy, …). */
  rationale: Array<{ seat: SeatId; notes: Array<{ about: string; text: string }> }>;
  /** Every inject of the scenario: the library's (`turn` null, fired by hand) and the scheduled ones. */
  injects: Array<{
    id: string;
    title: string;
    text: string;
    effects: InjectEffect[];
    /** The turn a scheduled inject fires at the start of; null for a library inject. */
    turn: number | null;
    /** A scheduled inject that has already fired (false for library injects). */
    fired: boolean;
  }>;
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
    /**
     * Members without a seat (observers, seatless players), with their ids: only in the facilitator's view
     * (for fac:assign); [] for everyone else.
     */
    unseated: Array<{ id: string; name: string; role: "player" | "observer"; connected: boolean }>;
    /** Hash of the canonical game state, once the game has ended (compare with a replay of the record). */
    stateHash: string | null;
    /** Knocks, seat invites and facilitators: in facilitators' views only (null for everyone else). */
    desk: FacilitatorDesk | null;
    /** The session's rules for strikes and bot takeover. */
    settings: GameSettings;
    /** For a player whose seat a bot holds now: why (send `reclaim` to take it back); null otherwise. */
    botHoldsYourSeat: BotReason | null;
    /**
     * Strikes held for approval or refused this turn: every seat's for facilitators, a player's own seat's,
     * else [].
     */
    heldStrikes: HeldStrike[];
    /**
     * In a fork (docs/protocol.md §5.2) only: the game it was forked from and the turn, and the seats its
     * facilitator keeps for itself at the start (`play`). A fork's facilitator plays any seat no bot and no
     * player holds, naming it (`seat`) in `orders`, `ready`, `propose` and `respond`.
     */
    fork?: { game: string; turn: number; play: SeatId[] };
  };
  game: GameView;
  /** The scenario's teacher material and injects: in facilitators' views only (null for everyone else). */
  facilitator: FacilitatorBrief | null;
  /** The newest messages (CHAT_VIEW_LIMIT) of each channel the member may read, oldest first. */
  chat: ChatLine[];
  orderLog: OrderChange[];
}
