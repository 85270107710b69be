/** What a viewer receives: the projection of the game for one role and seat. */
import type { GameEvent } from "../model/events.ts";
import type { Objective } from "../model/objectives.ts";
import type { Order } from "../model/orders.ts";
import type { IncidentKind } from "../model/operations.ts";
import type { ModelParams } from "../model/params.ts";
import type { Confidence, SeatId } from "../model/basics.ts";
import type { Cbm } from "../model/cbms.ts";
import type {
  Alliance,
  GameOptions,
  Inquiry,
  IntelReport,
  Knowledge,
  Outcome,
  Proposal,
  PublicAttribution,
  Statement,
} from "../model/types.ts";

/** Who is looking. */
export type Viewer = { role: "player"; seat: SeatId } | { role: "observer" } | { role: "facilitator" };

/** A state as a viewer sees it: cyber and defence are null unless visible. */
export interface NationView {
  id: SeatId;
  name: string;
  summary: string;
  position: { x: number; y: number };
  dependence: number;
  economy: number;
  stability: number;
  reputation: number;
  actionPoints: number;
  cyber: number | null;
  defense: number | null;
}

/** How an incident looks to the viewer. Kinds the viewer cannot tell apart are merged ("intrusion"). */
export interface IncidentView {
  id: string;
  turn: number;
  kind: IncidentKind | "intrusion";
  target: SeatId;
  public: boolean;
  overt: boolean;
  lethal: boolean;
  /**
   * The true author, when the viewer may know it; "nonState" for a known non-state author; null = unknown.
   */
  author: SeatId | "nonState" | null;
  /** Damage done, when visible (public incident, the victim, the author). */
  damage: { economy: number; stability: number } | null;
  /** The viewer's own attribution track (or, when revealed, everyone's). */
  knowledge: Record<SeatId, Knowledge>;
  publicAttributions: PublicAttribution[];
  /** Hidden details, only for the author or when revealed. */
  secret: { proxy: boolean; falseFlag: SeatId | null; success: boolean; acknowledged: boolean } | null;
}

/** A seat's private part: only for that seat, the facilitator, or after the game. */
export interface SeatPrivate {
  briefing: string;
  objectives: Array<Objective & { met: boolean }>;
  accesses: Array<{ id: string; target: SeatId; since: number }>;
  intel: IntelReport[];
  orders: Order[];
  /** This seat's suspicion of each other state (0–1). */
  suspicion: Record<SeatId, number>;
}

/** A score as the viewer sees it: others' objective points stay hidden until the end. */
export interface ScoreView {
  economy: number;
  stability: number;
  reputation: number;
  objectives: number | null;
  outcome: number;
  total: number;
}

/** The whole projection for one viewer. */
export interface GameView {
  viewer: Viewer;
  /** True for the facilitator and for everyone once the game has ended. */
  revealed: boolean;
  scenario: { id: string; title: string; briefing: string; hash: string };
  params: ModelParams;
  turn: number;
  maxTurns: number;
  phase: "planning" | "ended";
  outcome: Outcome | null;
  seats: SeatId[];
  nations: Record<SeatId, NationView>;
  tension: Record<string, number>;
  tensionHistory: Record<string, number[]>;
  /**
   * Pairs at the brink (key `a|b`), with the turn each reached it: each side chooses to stand firm, stand
   * down or strike.
   */
  brinks: Record<string, number>;
  /** Collective-defence commitments from the scenario. */
  alliances: Alliance[];
  cbms: Cbm[];
  proposals: Proposal[];
  inquiries: Inquiry[];
  statements: Statement[];
  incidents: IncidentView[];
  events: GameEvent[];
  scores: Record<SeatId, ScoreView>;
  peaceStreak: number;
  /** Options fixed at creation (e.g. whether CBM proposals are allowed). */
  options: GameOptions;
  /** Private parts the viewer may see, by seat. */
  private: Record<SeatId, SeatPrivate>;
}

export type { Confidence };
