/**
 * The server-side session of one game: lobby, seats, members, clock, chat. A fold of journal entries
 * (journal.ts).
 */
import type {
  BotPersona,
  BotReason,
  CastingMode,
  CbmKind,
  ForkBase,
  ChatRole,
  GameSettings,
  GameState,
  OrderChange,
  Role,
  SeatId,
  SessionPhase,
  Scenario,
  StrikeRule,
} from "@firebreak/shared";

/** One person in the game (a browser tab may reconnect as the same member with its token). */
export interface Member {
  id: string;
  name: string;
  role: Role;
  seat: SeatId | null;
  /** Secret that rejoins this member (seat token or facilitator key). Never sent to anyone else. */
  token: string;
  /**
   * Set while the member waits for the facilitator to admit it to a seat that has players (never in a join
   * entry).
   */
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
export type Channel =
  | { kind: "public" }
  | { kind: "team"; seat: SeatId }
  | { kind: "private"; a: SeatId; b: SeatId }
  | { kind: "hotline"; a: SeatId; b: SeatId };

/** A chat message as stored. */
export interface ChatMessage {
  /**
   * The writer's role, shown with the line so a name can never pass for the system, the facilitator or a bot.
   */
  role: ChatRole;
  id: number;
  at: number;
  turn: number;
  channel: Channel;
  /**
   * Sender seat (a bot's words too: its `fromName` ends in " (bot)"), "facilitator", or "system" for notices.
   */
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
  /**
   * Whether bots take over seats whose players are away (absent in older journals: on when takeoverSeconds >
   * 0).
   */
  takeover?: boolean;
  /** How strikes are ruled (absent in older journals: allowed). */
  strikes?: StrikeRule;
  cbms: CbmKind[];
  /** Forbid CBM proposals (an exercise's treatment; absent: allowed). */
  noCbms?: boolean;
  /** Model parameter overrides on top of the scenario's own (an exercise's treatment; absent: none). */
  params?: Scenario["params"];
  /**
   * How bots' personas are chosen (`castBots`, from the seed): the scenario's cast list, or at random. Absent
   * in journals written before casting existed; those games keep `defaultPersona`.
   */
  cast?: CastingMode;
  /**
   * For a fork: the game and turn it began from, its parent's record up to there, the seats its facilitator
   * plays.
   */
  fork?: ForkOrigin;
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

/**
 * A seat's strike orders held for a facilitator's approval this turn (strikes "approval"), or refused by one.
 */
export interface HeldStrikes {
  seat: SeatId;
  turn: number;
  /** The strike orders as submitted. */
  strikes: Array<{ type: "strike"; target: SeatId }>;
  /** Who submitted them: a member's id or "bot:<seat>". */
  by: string;
  /** Their name as the seat and the facilitators read it. */
  byName: string;
  at: number;
  status: "waiting" | "refused";
}

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
  /** The rules for strikes and takeovers, from the create options, changed by fac:settings. */
  settings: GameSettings;
  /** Strikes held for approval (or refused) this turn, one entry per seat; emptied when a turn begins. */
  held: HeldStrikes[];
  /**
   * Seats whose humans submitted orders this turn (a bot taking over keeps them); emptied when a turn begins.
   */
  humanOrdered: SeatId[];
}

/**
 * Where a fork began, as its create options keep it: its parent's record up to the turn, and the seats its
 * facilitator plays.
 */
export interface ForkOrigin extends ForkBase {
  /**
   * The seats the facilitator keeps for itself: no bot takes them at the start (it may take others from their
   * bots later).
   */
  play: SeatId[];
}
