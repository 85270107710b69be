/** The canonical game state: plain, serialisable data. Hidden parts are filtered by viewFor. */
import type { ModelParams } from "./params.ts";
import type { Order } from "./orders.ts";
import type { GameEvent } from "./events.ts";
import type { Objective } from "./objectives.ts";
import type { InjectDef } from "./injects.ts";
import type { Confidence, SeatId } from "./basics.ts";
import type { Cbm, CbmKind } from "./cbms.ts";
import type { IncidentKind, OperationKind } from "./operations.ts";

/** One state (a seat) with its public and private attributes. */
export interface Nation {
  id: SeatId;
  name: string;
  /** Offensive cyber capability 0–10 (private unless published or observed). */
  cyber: number;
  /** Defence 1–5 (private unless published or observed). */
  defense: number;
  /** Digital dependence 0–10, a damage multiplier (public). */
  dependence: number;
  economy: number;
  stability: number;
  reputation: number;
  /** Action points per turn. */
  actionPoints: number;
  /** Defence gained by `harden`, effective from the next turn. */
  pendingDefense: number;
  /** Cyber gained by `develop`, effective from the next turn. */
  pendingCyber: number;
  /** Public briefing line shown with the state. */
  summary: string;
  /** Secret briefing (private to the seat). */
  briefing: string;
  /** Secret objectives (private to the seat). */
  objectives: Objective[];
  /** Board position 0–100 (scenario coordinates). */
  position: { x: number; y: number };
}

/** What one seat knows of an incident: its own attribution track. */
export interface Knowledge {
  /** Turn on which this seat learned of the incident. */
  since: number;
  confidence: Confidence;
  /** The state this seat's evidence points to, "nonState", or null while unattributed. */
  suspect: SeatId | "nonState" | null;
  /** True when the knowledge came through a situation-report partner. */
  shared: boolean;
  /** Turn of the last change of confidence or suspect. */
  changed: number;
  /** What the evidence pointed to before that last change (null or absent: to no one). */
  before?: SeatId | "nonState" | null;
  /** Turn on which moderate confidence was reached, if it was. */
  moderateAt: number | null;
}

/** A public accusation of a state for an incident. */
export interface PublicAttribution {
  turn: number;
  by: SeatId;
  accused: SeatId;
  confidence: Confidence;
}

/** Something that happened to a state: an operation, a non-state attack, a misread exercise. */
export interface Incident {
  id: string;
  turn: number;
  kind: IncidentKind;
  /** True author; null for non-state actors. Hidden. */
  author: SeatId | null;
  target: SeatId;
  overt: boolean;
  proxy: boolean;
  /** The state a false flag points to at low confidence. Hidden. */
  falseFlag: SeatId | null;
  success: boolean;
  lethal: boolean;
  /** Effects visible to everyone (ddos, disrupt, destroy, overt operations). */
  public: boolean;
  /** Damage actually done, for the debrief and the victim's feed. */
  damage: { economy: number; stability: number };
  /** Per-seat knowledge (each seat sees only its own entry). */
  knowledge: Record<SeatId, Knowledge>;
  publicAttributions: PublicAttribution[];
  /** Set when the author acknowledged it through the hotline. */
  acknowledged: boolean;
  /** Norm-violation costs were applied (once). */
  normCostApplied: boolean;
  /** The base detection roll of a covert operation: defender's defence and bonus (hidden, for statistics). */
  detection: { defense: number; bonus: number; detected: boolean } | null;
  /** Seats that denied this incident through the hotline (a later attribution exposes them). */
  deniedBy: SeatId[];
  /**
   * The tension this incident has put, so far, on each pair of its victim with another state (keyed by that
   * state). Blame is conserved: as the victim's beliefs change it is moved between pairs, never added twice.
   * Hidden.
   */
  blame: Record<SeatId, number>;
  /**
   * Seats whose low-confidence evidence pointed to a state that did not do it (an error or a false flag).
   * Hidden.
   */
  misled: SeatId[];
}

/** A foreign access pre-positioned in another state's infrastructure. Private to its owner. */
export interface Access {
  id: string;
  owner: SeatId;
  target: SeatId;
  /** Turn on which it was gained. */
  since: number;
  /** The pre-positioning incident that gained it. */
  incident: string;
}

/** An intelligence report gained by espionage. Private to the seat that gathered it. */
export interface IntelReport {
  turn: number;
  about: SeatId;
  cyber: number;
  defense: number;
  /** Number of accesses the target holds in each other state. */
  accessesHeld: Record<SeatId, number>;
  /** Operations the target ran last turn, by kind and target (true authorship). */
  operationsLastTurn: Array<{ kind: OperationKind; target: SeatId }>;
}

/** A CBM proposal awaiting answers. Visible to its parties. */
export interface Proposal {
  id: string;
  kind: CbmKind;
  proposer: SeatId;
  parties: SeatId[];
  accepted: SeatId[];
  declined: SeatId[];
  turn: number;
  /** A short reason given by the last seat that declined. */
  note: string;
}

/** An inquiry through a hotline; the suspect must answer next turn. */
export interface Inquiry {
  id: string;
  turn: number;
  from: SeatId;
  to: SeatId;
  incident: string;
  status: "open" | "answered" | "unanswered";
  reply: "deny" | "explain" | "acknowledge" | null;
  answeredTurn: number | null;
}

/** A public statement. */
export interface Statement {
  turn: number;
  by: SeatId;
  tone: "reassure" | "warn";
  target: SeatId | null;
  text: string;
}

/** A collective-defence commitment: an attack on one member concerns them all. */
export interface Alliance {
  name: string;
  members: SeatId[];
}

/** How a game ended. */
export interface Outcome {
  kind: "armedConflict" | "stablePeace" | "turnLimit" | "facilitatorEnded";
  turn: number;
  /** For armed conflict: the pair at war. */
  belligerents: SeatId[];
  /** For armed conflict: who started it. */
  initiator: SeatId | null;
  /**
   * For armed conflict: a strike someone ordered; a standoff at the brink in which both sides chose to stand
   * firm; or one in which a side gave no answer (counted as standing firm).
   */
  cause?: "strike" | "brink" | "unansweredBrink";
}

/** Score of one state, shown with its parts. */
export interface Score {
  economy: number;
  stability: number;
  reputation: number;
  objectives: number;
  outcome: number;
  total: number;
}

/** The seeded PRNG state (seedrandom alea). Never sent to a player. */
export interface RngState {
  c: number;
  s0: number;
  s1: number;
  s2: number;
}

/** Options fixed when a game is created (recorded with it). */
export interface GameOptions {
  /** CBMs put in force among all states from the first turn. */
  cbms: CbmKind[];
  /** Forbid CBM proposals. */
  noCbms: boolean;
}

/** The whole canonical game. */
export interface GameState {
  rulesVersion: number;
  scenario: { id: string; title: string; hash: string; briefing: string };
  params: ModelParams;
  rng: RngState;
  seats: SeatId[];
  nations: Record<SeatId, Nation>;
  /** Current turn, 1-based. */
  turn: number;
  maxTurns: number;
  phase: "planning" | "ended";
  /** Tension per unordered pair, key `a|b` with a < b. */
  tension: Record<string, number>;
  /** Suspicion of A toward B, key `a>b`. */
  suspicion: Record<string, number>;
  /** Tension per pair at the end of each turn (index 0 = start). */
  tensionHistory: Record<string, number[]>;
  incidents: Incident[];
  accesses: Access[];
  intel: Record<SeatId, IntelReport[]>;
  cbms: Cbm[];
  proposals: Proposal[];
  inquiries: Inquiry[];
  statements: Statement[];
  /** Orders submitted for the current turn (private to each seat). */
  orders: Record<SeatId, Order[]>;
  /** Scheduled injects still to fire. */
  injects: Array<{ turn: number; inject: InjectDef }>;
  /** Every event so far, each with its visibility. */
  events: GameEvent[];
  /** Consecutive turns meeting the stable-peace condition. */
  peaceStreak: number;
  outcome: Outcome | null;
  scores: Record<SeatId, Score>;
  /** Last turn with a publicly attributed norm violation (0 = none). */
  lastNormViolation: number;
  /** Pairs at the brink (key `a|b`), with the turn each reached it. Public. */
  brinks: Record<string, number>;
  /** Collective-defence commitments from the scenario. Public. */
  alliances: Alliance[];
  /** Game options fixed at creation. */
  options: GameOptions;
}
