/** The scenario file format as a zod schema, with messages a scenario author can act on. */
import { z } from "zod";
import { DEFAULT_PARAMS } from "../model/params.ts";
import { isReservedId } from "../model/ids.ts";
import { CBM_KINDS } from "../model/cbms.ts";
import { OPERATION_KINDS } from "../model/operations.ts";
import { STAT_NAMES } from "../model/basics.ts";
import { BOT_PERSONAS } from "../bots/persona-names.ts";

const range = (min: number, max: number) =>
  z
    .number({ error: "must be a number" })
    .min(min, { error: `must be between ${min} and ${max}` })
    .max(max, { error: `must be between ${min} and ${max}` });
const intRange = (min: number, max: number) => range(min, max).int({ error: "must be a whole number" });
const text = (max: number) =>
  z
    .string({ error: "must be text" })
    .min(1, { error: "must not be empty" })
    .max(max, { error: `must be at most ${max} characters` });
const slug = z.string({ error: "must be text" }).regex(/^[a-z][a-z0-9-]{0,31}$/, {
  error: "must be a lower-case id: a letter, then letters, digits or '-', at most 32",
});
/**
 * An id of one kind of thing (`what`, e.g. "state id"): a slug that is not a name every JavaScript object
 * already has.
 */
const idOf = (what: string) =>
  slug.refine((x) => !isReservedId(x), {
    error: (issue) =>
      `${what} "${String(issue.input)}" is reserved: JavaScript objects already have a property of that name; choose another id`,
  });
const stateId = idOf("state id");
const statName = z.enum(STAT_NAMES, { error: "must be economy, stability or reputation" });
const cbmKind = z.enum(CBM_KINDS, { error: `must be one of ${CBM_KINDS.join(", ")}` });

/** Override schema for the model parameters: every key optional, unknown keys rejected. */
/** Parameters that are probabilities (0–1). */
const PROBABILITIES = new Set([
  "huntBonus",
  "sitrepDetectionBonus",
  "hardenEvictChance",
  "attributionHazard",
  "lowConfidenceError",
  "nonStateIncidentChance",
  "dueDiligenceTakedown",
  "exerciseMisreadChance",
  "effectSuccessBase",
  "lethalChance",
  "hotlineAmbiguityFactor",
  "ambiguitySuspicion",
  "tensionFatigue",
  "suspicionDecay",
  "suspicionBaseline",
  "sitrepErrorMultiplier",
  "proxyAttributionMultiplier",
  "firstMonthAttribution",
  "normAdoptionShare",
  "lowConfidenceBlame",
  "lowConfidenceWithdrawal",
  "brinkWarChance",
  "brinkChannelFactor",
  "denySuspicionRelief",
]);

function unknownKeys(what: string) {
  return (issue: { code?: string; keys?: string[] }) =>
    issue.code === "unrecognized_keys"
      ? `unknown ${what}: ${(issue.keys ?? []).join(", ")}`
      : "must be an object";
}

function paramsSchema() {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, value] of Object.entries(DEFAULT_PARAMS)) {
    if (typeof value === "number" && PROBABILITIES.has(key))
      shape[key] = z
        .number({ error: "must be a number" })
        .min(0, { error: "must be between 0 and 1" })
        .max(1, { error: "must be between 0 and 1" });
    else if (typeof value === "number")
      shape[key] = z.number({ error: "must be a number" }).finite().min(0, { error: "must not be negative" });
    else if (Array.isArray(value))
      shape[key] = z
        .array(z.number({ error: "must be a number" }).min(0, { error: "must not be negative" }))
        .length(value.length, { error: `must list exactly ${value.length} numbers` });
    else {
      const inner: Record<string, z.ZodType> = {};
      for (const k of Object.keys(value))
        inner[k] = z.number({ error: "must be a number" }).min(0, { error: "must not be negative" });
      shape[key] = z.strictObject(inner, { error: unknownKeys(`${key} entry`) }).partial();
    }
  }
  return z.strictObject(shape, { error: unknownKeys("model parameter") }).partial();
}

const objectiveSchema = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({
      kind: z.literal("tensionAtMost"),
      text: text(300),
      points: range(0, 20),
      with: stateId,
      max: range(0, 10),
    }),
    z.strictObject({
      kind: z.literal("statAtLeast"),
      text: text(300),
      points: range(0, 20),
      stat: statName,
      min: range(-100, 100),
    }),
    z.strictObject({
      kind: z.literal("cbmInForce"),
      text: text(300),
      points: range(0, 20),
      cbm: cbmKind,
      with: stateId.optional(),
    }),
    z.strictObject({ kind: z.literal("accessIn"), text: text(300), points: range(0, 20), target: stateId }),
    z.strictObject({ kind: z.literal("neverAttributed"), text: text(300), points: range(0, 20) }),
    z.strictObject({
      kind: z.literal("rivalAttributed"),
      text: text(300),
      points: range(0, 20),
      rival: stateId,
    }),
    z.strictObject({ kind: z.literal("noArmedConflict"), text: text(300), points: range(0, 20) }),
  ],
  {
    error:
      "must have a kind: tensionAtMost, statAtLeast, cbmInForce, accessIn, neverAttributed, rivalAttributed or noArmedConflict",
  },
);

const effectSchema = z.discriminatedUnion(
  "type",
  [
    z.strictObject({ type: z.literal("tension"), a: stateId, b: stateId, delta: range(-10, 10) }),
    z.strictObject({ type: z.literal("stat"), state: stateId, stat: statName, delta: range(-20, 20) }),
    z.strictObject({ type: z.literal("suspicion"), from: stateId, to: stateId, delta: range(-1, 1) }),
    z.strictObject({
      type: z.literal("nonStateIncident"),
      target: stateId,
      kind: z.enum(["ddos", "influence", "disrupt", "destroy", "nonState"], {
        error: "must be ddos, influence, disrupt, destroy or nonState",
      }),
    }),
  ],
  { error: "must have a type: tension, stat, suspicion or nonStateIncident" },
);

/** An inject definition. */
export const injectSchema = z.strictObject({
  id: idOf("inject id"),
  title: text(80),
  text: text(1000),
  effects: z.array(effectSchema).max(20, { error: "must have at most 20 effects" }),
});

const stateSchema = z.strictObject({
  id: stateId,
  name: text(40),
  summary: text(300),
  briefing: text(4000),
  position: z.strictObject({ x: range(0, 100), y: range(0, 100) }),
  cyber: range(0, 10),
  defense: intRange(1, 5),
  dependence: range(0, 10),
  economy: range(0, 100),
  stability: range(0, 100),
  reputation: range(0, 100),
  actionPoints: intRange(1, 6).optional(),
  rationale: z.record(z.string(), text(400)).optional(),
  objectives: z.array(objectiveSchema).max(8, { error: "must have at most 8 objectives" }),
  /**
   * The bot persona that plays this state when a bot holds its seat (cast "scenario"); absent: the built-in
   * cast, else random.
   */
  bot: z.enum(BOT_PERSONAS, { error: `must be a bot persona: ${BOT_PERSONAS.join(", ")}` }).optional(),
});

/** The scenario file schema. docs/scenarios.md explains every field. */
export const scenarioSchema = z.strictObject({
  id: idOf("scenario id"),
  title: text(80),
  summary: text(400),
  turns: intRange(1, 40).optional(),
  briefing: text(6000),
  params: paramsSchema().optional(),
  states: z
    .array(stateSchema, { error: "must be a list of states" })
    .min(2, { error: "must have at least 2 states" })
    .max(16, { error: "must have at most 16 states" }),
  relations: z
    .array(
      z.strictObject({
        a: stateId,
        b: stateId,
        tension: range(0, 8).optional(),
        suspicion: range(0, 1).optional(),
      }),
    )
    .optional(),
  alliances: z
    .array(
      z.strictObject({
        name: text(80),
        members: z
          .array(stateId)
          .min(2, { error: "must name at least two members" })
          .max(16, { error: "must name at most 16 members" }),
      }),
    )
    .max(8, { error: "must have at most 8 alliances" })
    .optional(),
  cbms: z
    .array(
      z.strictObject({
        kind: cbmKind,
        members: z.array(stateId).min(1, { error: "must name at least one member" }),
      }),
    )
    .optional(),
  injects: z
    .strictObject({
      scheduled: z.array(z.strictObject({ turn: intRange(1, 40), inject: injectSchema })).optional(),
      library: z.array(injectSchema).optional(),
    })
    .optional(),
  hints: z.array(z.strictObject({ turn: intRange(1, 40), text: text(600) })).optional(),
  teacher: z
    .strictObject({
      case: text(400),
      learningObjectives: z.array(text(400)),
      debriefQuestions: z.array(text(400)),
      notes: text(6000).optional(),
    })
    .optional(),
  sources: z.array(text(400)).optional(),
});

/** A validated scenario. */
export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioState = Scenario["states"][number];

export { OPERATION_KINDS };
