/** The server-side session of one game: lobby, seats, members, timers, chat. A fold of journal entries. */
import type { BotPersona, BotReason, CastingMode, CbmKind, ChatRole, GameState, InjectDef, OrderChange, Role, SeatId, SessionPhase, Step } from "@firebreak/shared";

/** One person in the game (a browser tab may reconnect as the same member with its token). */
export interface Member {
  id: string;
  name: string;
  role: Role;
  seat: SeatId | null;
  /** Secret that rejoins this member (seat token or facilitator key). Never sent to anyone else. */
  token: string;
  /** Set while the member waits for the facilitator to admit it to a seat that has players (never in a join entry). */
  knock?: { seat: SeatId; at: number };
}

/** Who plays a seat. */
export interface SeatControl {
  seat: SeatId;
  bot: boolean;
  /** The persona its bot plays (kept while humans hold the seat, for when a bot takes it). */
  persona: BotPersona;
  /** Why a bot holds it: "empty", "facilitator", "absent" (auto takeover). */
  reason: BotReason | null;
}

/** A chat channel: public, a team, a bilateral private line, or a hotline. */
export type Channel = { kind: "public" } | { kind: "team"; seat: SeatId } | { kind: "private"; a: SeatId; b: SeatId } | { kind: "hotline"; a: SeatId; b: SeatId };

/** A chat message as stored. */
export interface ChatMessage {
  /** The writer's role, shown with the line so a name can never pass for the system, the facilitator or a bot. */
  role: ChatRole;
  id: number;
  at: number;
  turn: number;
  channel: Channel;
  /** Sender seat (a bot's words too: its `fromName` ends in " (bot)"), "facilitator", or "system" for notices. */
  from: SeatId | "facilitator" | "system";
  fromName: string;
  text: string;
}

/** Options a game is created with. */
export interface CreateOptions {
  scenario: string;
  seed: string;
  name: string;
  turnSeconds: number;
  botLevel: "easy" | "normal" | "hard";
  solo: { seat: SeatId } | null;
  /** Seconds a seat may be empty of clients before a bot takes over (0 = never). */
  takeoverSeconds: number;
  cbms: CbmKind[];
  /**
   * How bots' personas are chosen (`castBots`, from the seed): the scenario's cast list, or at random. Absent in journals
   * written before casting existed; those games keep `defaultPersona`.
   */
  cast?: CastingMode;
}

/** A seat invite the facilitator handed out: its secret joins one person to the seat, once. */
export interface Invite {
  id: string;
  /** The secret a person joins with. Only facilitators see it. */
  secret: string;
  seat: SeatId;
  at: number;
  /** The member who created it. */
  by: string;
}

/** Everything that can happen to a session, journalled before it is acknowledged. */
export type JournalEntry =
  | { kind: "create"; at: number; options: CreateOptions; code: string; facilitator: Member | null }
  /** `invite`: the id of the seat invite this join used up. */
  | { kind: "join"; at: number; member: Member; invite?: string }
  /** A member asks to join a seat that has players (after the start): the facilitator admits or refuses. */
  | { kind: "knock"; at: number; member: string; seat: SeatId }
  /** The facilitator's answer to a knock: `admit` seats the member, otherwise it stays without a seat. */
  | { kind: "admit"; at: number; by: string; member: string; admit: boolean }
  | { kind: "invite"; at: number; by: string; invite: Invite }
  | { kind: "uninvite"; at: number; by: string; invite: string }
  /** The facilitator removes a member: its token stops working at once. */
  | { kind: "remove"; at: number; by: string; member: string }
  /** The facilitator rotates the join code: the old one stops working. */
  | { kind: "code"; at: number; by: string; code: string }
  | { kind: "assign"; at: number; member: string; seat: SeatId | null }
  | { kind: "bot"; at: number; seat: SeatId; bot: boolean; persona: BotPersona | null; reason: SeatControl["reason"] }
  | { kind: "start"; at: number }
  | { kind: "step"; at: number; by: string; step: Step }
  | { kind: "ready"; at: number; seat: SeatId; ready: boolean }
  /** `member`: a member id, "system" (server notices) or "bot:<seat>" (a bot's words). */
  | { kind: "chat"; at: number; member: string; channel: Channel; text: string }
  | { kind: "pause"; at: number }
  | { kind: "resume"; at: number }
  | { kind: "extend"; at: number; seconds: number };

/** The session's whole state. */
export interface SessionState {
  options: CreateOptions;
  code: string;
  phase: SessionPhase;
  members: Member[];
  seats: SeatControl[];
  game: GameState;
  /** Absolute deadline (ms since epoch) of the current planning phase, or null. */
  deadline: number | null;
  /** Remaining ms while paused. */
  pausedRemaining: number | null;
  ready: SeatId[];
  /** Seat invites not yet used. */
  invites: Invite[];
  chat: ChatMessage[];
  orderLog: OrderChange[];
  createdAt: number;
}

export type { InjectDef };
