/**
 * The wire protocol of an exercise (docs/protocol.md §20): N tables (class games) of one scenario under one
 * facilitator and one join code, with treatments for experiments. Its create options, its requests, and what
 * it sends its facilitators (the dashboard of every table, the comparison of the tables).
 */
import { z } from "zod";
import { CBM_KINDS } from "../model/cbms.ts";
import type { Outcome } from "../model/types.ts";
import { scenarioSchema } from "../scenario/schema.ts";
import type { SessionPhase } from "./phase.ts";
import { MAX_TURN_SECONDS, requestSchemas } from "./requests.ts";

const id = z.string().min(1).max(64);

/** Most tables one exercise holds. */
export const MAX_TABLES = 20;
export { MAX_TURN_SECONDS };
/** Most treatments one exercise compares. */
export const MAX_TREATMENTS = 6;

/** What a treatment changes in its tables' games. */
export const treatmentOptionsSchema = z.strictObject({
  /** CBMs in force among all states from the first turn. */
  cbms: z
    .array(z.enum(CBM_KINDS as [string, ...string[]]))
    .max(CBM_KINDS.length)
    .optional(),
  /** No CBM may be proposed (the CBMs in force, if any, stay). */
  noCbms: z.boolean().optional(),
  /** Model parameter overrides (the scenario file's `params:` schema), on top of the scenario's own. */
  params: scenarioSchema.shape.params,
  /** How well the tables' bots play. */
  botLevel: z.enum(["easy", "normal", "hard"]).optional(),
});

/** One arm of an experiment: a label the facilitator reads (students never see it) and what it changes. */
export const treatmentSchema = z.strictObject({
  label: z.string().trim().min(1).max(40),
  options: treatmentOptionsSchema.optional(),
});

/** A treatment as given to `client.create("exercise", …)`. */
export type TreatmentInput = z.input<typeof treatmentSchema>;

/** Options to create an exercise room (`client.create("exercise", …)`). */
export const exerciseOptionsSchema = z.strictObject({
  scenario: id,
  /**
   * The owner key of an uploaded scenario named by `scenario` (docs/protocol.md §3.2); never stored with the
   * exercise.
   */
  scenarioKey: z.string().min(1).max(100).optional(),
  name: z.string().trim().min(1).max(60),
  tables: z.number().int().min(1).max(MAX_TABLES),
  creatorName: z.string().trim().min(1).max(40).optional(),
  /** Planning time per turn: up to a week, for a class that plays a turn a day (0: no deadline). */
  turnSeconds: z.number().int().min(0).max(MAX_TURN_SECONDS).optional(),
  botLevel: z.enum(["easy", "normal", "hard"]).optional(),
  seed: z.string().min(1).max(200).optional(),
  treatments: z.array(treatmentSchema).min(1).max(MAX_TREATMENTS).optional(),
  /**
   * How treatments go to tables: `balanced` (each as often as the others, ±1, in a seeded random order) or
   * `random` (each table drawn independently).
   */
  assignment: z.enum(["balanced", "random"]).optional(),
  hypothesis: z.string().max(2000).optional(),
});

/** What a client passes to `client.create("exercise", …)`. */
export type CreateExerciseOptions = z.input<typeof exerciseOptionsSchema>;

/** Options to join an exercise room: its facilitator key (the creator joins with its create options). */
export const exerciseJoinSchema = z.strictObject({ token: z.string().min(10).max(64) });

/**
 * What a broadcast sends every table (or the tables named): the facilitator requests of docs/protocol.md
 * §11.2, and a message.
 */
export const broadcastSchema = z.discriminatedUnion("action", [
  z.strictObject({ action: z.literal("start"), tables: z.array(id).max(MAX_TABLES).optional() }),
  z.strictObject({ action: z.literal("pause"), tables: z.array(id).max(MAX_TABLES).optional() }),
  z.strictObject({ action: z.literal("resume"), tables: z.array(id).max(MAX_TABLES).optional() }),
  z.strictObject({ action: z.literal("advance"), tables: z.array(id).max(MAX_TABLES).optional() }),
  z.strictObject({ action: z.literal("end"), tables: z.array(id).max(MAX_TABLES).optional() }),
  z.strictObject({
    action: z.literal("extend"),
    seconds: z.number().int().min(10).max(MAX_TURN_SECONDS),
    tables: z.array(id).max(MAX_TABLES).optional(),
  }),
  z.strictObject({
    action: z.literal("inject"),
    inject: requestSchemas["fac:inject"],
    tables: z.array(id).max(MAX_TABLES).optional(),
  }),
  z.strictObject({
    action: z.literal("message"),
    text: z.string().trim().min(1).max(2000),
    tables: z.array(id).max(MAX_TABLES).optional(),
  }),
]);

/** A broadcast's payload. */
export type Broadcast = z.infer<typeof broadcastSchema>;

/** Every exercise request and its payload. */
export const exerciseRequestSchemas = {
  "ex:broadcast": broadcastSchema,
  "ex:move": z.strictObject({ member: id, from: id, to: id, seat: id.nullable().optional() }),
  "ex:admit": z.strictObject({ table: id, member: id, admit: z.boolean() }),
  "ex:reveal": z.strictObject({}),
  "ex:code": z.strictObject({}),
  "ex:sync": z.strictObject({}),
} as const;

/** An exercise request type. */
export type ExerciseRequestType = keyof typeof exerciseRequestSchemas;

/** One table's answer to a broadcast. */
export interface TableResult {
  table: string;
  index: number;
  ok: boolean;
  code?: string;
  message?: string;
}

/** What each exercise request answers. */
export interface ExerciseAnswers {
  "ex:broadcast": { ok: true; results: TableResult[] };
  "ex:move": { ok: true; roomId: string; invite: string };
  "ex:admit": { ok: true };
  "ex:reveal": { ok: true; revealed: boolean };
  "ex:code": { ok: true; code: string };
  "ex:sync": { ok: true };
}

/**
 * The exercise room's `"welcome"`: who the connection is (the exercise's facilitator) and the exercise's
 * code.
 */
export interface ExerciseWelcome {
  exerciseId: string;
  key: string;
  code: string;
}

/** One seat of a table on the dashboard. */
export interface DashboardSeat {
  seat: string;
  name: string;
  players: Array<{ id: string; name: string }>;
  bot: boolean;
  ready: boolean;
}

/** One table on the dashboard. */
export interface DashboardTable {
  /** The table's game (room) id: the table's id in every exercise request. */
  id: string;
  index: number;
  name: string;
  code: string;
  /** The treatment's label (the facilitator's eyes only), or null without treatments. */
  treatment: string | null;
  /** The session phase, or `"asleep"` for a table out of memory while idle. */
  phase: SessionPhase | "asleep";
  turn: number;
  maxTurns: number;
  paused: boolean;
  /** Seconds left to plan this turn (paused: what is left), null without a clock. */
  secondsLeft: number | null;
  seats: DashboardSeat[];
  /**
   * Students waiting to be let in to a seat that has players (a late arrival knocks, docs/protocol.md §6.1).
   */
  knocks: Array<{ id: string; name: string; seat: string }>;
  /** The tensest pair now, by state names. */
  highest: { pair: [string, string]; tension: number } | null;
  /** Pairs at the brink, by state names. */
  brinks: Array<[string, string]>;
  /** Incidents of the last turn resolved. */
  incidents: number;
  outcome: Outcome | null;
}

/** The exercise's state as its facilitators see it (message `"exercise"`). */
export interface ExerciseDashboard {
  id: string;
  name: string;
  code: string;
  scenario: { id: string; title: string };
  hypothesis: string;
  revealed: boolean;
  treatments: Array<{ label: string; tables: number }>;
  tables: DashboardTable[];
}

/** A 95% interval: estimate, low, high. */
export interface Estimate {
  value: number;
  low: number;
  high: number;
  n: number;
}

/** One table's result in the comparison. */
export interface TableOutcome {
  id: string;
  index: number;
  treatment: string | null;
  ended: boolean;
  outcome: Outcome["kind"] | null;
  turns: number;
  peakTension: number;
  peakByPair: Record<string, number>;
  misattributions: number;
  cbmsInForce: string[];
  scores: Record<string, number>;
}

/**
 * The tables of one treatment (or all of them) summed up with 95% intervals: Wilson for shares, t for means.
 */
export interface ArmSummary {
  label: string;
  tables: number;
  ended: number;
  shares: Record<Outcome["kind"], Estimate>;
  peakTension: Estimate;
  turns: Estimate;
  misattributions: Estimate;
}

/** The exercise's comparison (message `"comparison"`): the tables side by side and by treatment. */
export interface ExerciseComparison {
  tables: TableOutcome[];
  arms: ArmSummary[];
}
