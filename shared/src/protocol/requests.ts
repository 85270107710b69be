/**
 * Every request a client can make: how it creates and joins a game, each request's name and payload schema
 * (zod: shape and size only; the server checks who may and the engine checks legality), and what each
 * answers. docs/protocol.md §5, §6 and §11.
 */
import { z } from "zod";
import { injectSchema } from "../scenario/schema.ts";
import { MAX_ORDERS } from "../model/orders.ts";
import type { SessionPhase } from "./phase.ts";

const id = z.string().min(1).max(64);

/**
 * How a game rules strikes (docs/protocol.md §9.5): `"allowed"`; `"approval"`, a strike order waits for a
 * facilitator to approve or refuse it; `{ notBefore: N }`, a strike is refused before turn N.
 */
export const strikeRuleSchema = z.union([
  z.enum(["allowed", "approval"]),
  z.strictObject({ notBefore: z.number().int().min(1).max(1000) }),
]);

/** A game's rule for strikes. */
export type StrikeRule = z.infer<typeof strikeRuleSchema>;

/**
 * Where a fork begins (docs/protocol.md §5.2): the ended game `game` at the beginning of its turn `turn`,
 * opened with `token`, a seat token or facilitator key of that game; `seed`, the fork's fresh random seed
 * from there; `play`, the seats its facilitator plays itself (no bot takes them at the start).
 */
export const forkOptionsSchema = z.strictObject({
  game: id,
  turn: z.number(),
  token: z.string().min(10).max(64),
  seed: z.string().min(1).max(200).optional(),
  play: z.array(id).max(16).optional(),
});

/**
 * Longest turn a game may have, and the most one extension or takeover delay may be: a week (a turn a day or
 * a week).
 */
export const MAX_TURN_SECONDS = 7 * 24 * 3600;

/** Options to create a crisis room. */
export const createOptionsSchema = z.strictObject({
  /** Required, except for a fork (which plays its parent's scenario: if given, it must be that one). */
  scenario: id.optional(),
  /** The owner key of an uploaded scenario named by `scenario` (docs/protocol.md §3.2); never journalled. */
  scenarioKey: z.string().min(1).max(100).optional(),
  seed: z.string().min(1).max(200).optional(),
  name: z.string().trim().min(1).max(60),
  creatorName: z.string().trim().min(1).max(40).optional(),
  turnSeconds: z.number().int().min(0).max(MAX_TURN_SECONDS).optional(),
  botLevel: z.enum(["easy", "normal", "hard"]).optional(),
  solo: z.strictObject({ seat: id }).optional(),
  takeoverSeconds: z.number().int().min(0).max(MAX_TURN_SECONDS).optional(),
  takeover: z.boolean().optional(),
  strikes: strikeRuleSchema.optional(),
  cast: z.enum(["scenario", "random"]).optional(),
  fork: forkOptionsSchema.optional(),
});

/** What a client passes to `client.create("crisis", …)`. */
export type CreateGameOptions = z.input<typeof createOptionsSchema>;

/**
 * Options to join a room (by id, after looking the code up), to rejoin with a token, or to take a seat with
 * an invite.
 */
export const joinOptionsSchema = z.strictObject({
  code: z
    .string()
    .max(12)
    .transform((c) => c.toUpperCase().replace(/[\s-]+/g, ""))
    .optional(),
  name: z.string().max(200).optional(),
  role: z.enum(["player", "observer"]).optional(),
  seat: id.optional(),
  token: z.string().min(10).max(64).optional(),
  invite: z.string().min(10).max(64).optional(),
});

/** What a client passes to `client.joinById(roomId, …)` or `client.join("crisis", …)`. */
export type JoinGameOptions = z.input<typeof joinOptionsSchema>;

/** Every request type and its payload. */
export const requestSchemas = {
  orders: z.strictObject({
    turn: z.number().int().min(1).max(1000),
    orders: z.array(z.unknown()).max(MAX_ORDERS),
    seat: id.optional(),
  }),
  ready: z.strictObject({ ready: z.boolean(), seat: id.optional() }),
  chat: z.strictObject({ channel: z.string().min(1).max(80), text: z.string().max(2000) }),
  propose: z.strictObject({ kind: id, parties: z.array(id).max(16), seat: id.optional() }),
  respond: z.strictObject({
    proposal: id,
    accept: z.boolean(),
    note: z.string().max(280).optional(),
    seat: id.optional(),
  }),
  "lobby:seat": z.strictObject({ seat: id.nullable() }),
  knock: z.strictObject({ seat: id.nullable() }),
  "fac:start": z.strictObject({}),
  "fac:assign": z.strictObject({ member: id, seat: id.nullable() }),
  "fac:bot": z.strictObject({ seat: id, bot: z.boolean(), persona: id.optional() }),
  "fac:pause": z.strictObject({}),
  "fac:resume": z.strictObject({}),
  "fac:extend": z.strictObject({ seconds: z.number().int().min(10).max(MAX_TURN_SECONDS) }),
  "fac:advance": z.strictObject({}),
  "fac:inject": z.union([z.strictObject({ id }), z.strictObject({ inject: injectSchema })]),
  "fac:end": z.strictObject({}),
  "fac:admit": z.strictObject({ member: id, admit: z.boolean() }),
  "fac:invite": z.strictObject({ seat: id }),
  "fac:uninvite": z.strictObject({ invite: id }),
  "fac:remove": z.strictObject({ member: id }),
  "fac:code": z.strictObject({}),
  "fac:cofac": z.strictObject({ name: z.string().max(200) }),
  reclaim: z.strictObject({}),
  "fac:settings": z
    .strictObject({
      strikes: strikeRuleSchema.optional(),
      takeover: z.boolean().optional(),
      takeoverSeconds: z.number().int().min(10).max(MAX_TURN_SECONDS).optional(),
      /** The turn's length from now on (0: no deadline), up to a week. */
      turnSeconds: z.number().int().min(0).max(MAX_TURN_SECONDS).optional(),
    })
    .refine((p) => Object.values(p).some((x) => x !== undefined), {
      error: "Name at least one setting to change (strikes, takeover, takeoverSeconds, turnSeconds)",
    }),
  "fac:strike": z.strictObject({ seat: id, approve: z.boolean() }),
} as const;

/** The name of a request that changes the game (every request but `sync`). */
export type RequestType = keyof typeof requestSchemas;

/** A request's payload (the same before and after its schema checks it: no request schema transforms). */
export type RequestPayload<T extends RequestType> = z.infer<(typeof requestSchemas)[T]>;

/** The "sync" request: the client asks for a fresh snapshot of its view (its patches no longer apply). */
export const syncSchema = z.strictObject({});

/** Every accepted request's answer: the game turn and session phase after it and everything it set off. */
export interface Answer {
  ok: true;
  turn: number;
  phase: SessionPhase;
}

/** What three facilitator requests add to their answer. */
export interface AnswerExtras {
  "fac:invite": { invite: { id: string; seat: string; secret: string } };
  "fac:code": { code: string };
  "fac:cofac": { member: string; key: string };
}

/** The fields a request's answer carries besides `ok`, `turn` and `phase` (none for most). */
export type ExtraOf<T extends RequestType> = T extends keyof AnswerExtras
  ? AnswerExtras[T]
  : Record<never, never>;

/** The answer to an accepted request of type `T`. */
export type RequestAnswer<T extends RequestType> = Answer & ExtraOf<T>;

/** The answer to `sync`. */
export interface SyncAnswer {
  ok: true;
}
