/** Request payload shapes (zod). The engine re-checks legality; these check shape and size only. */
import { z } from "zod";
import { injectSchema } from "@firebreak/shared";

const id = z.string().min(1).max(64);

/** Options to create a crisis room. */
export const createOptionsSchema = z.strictObject({
  scenario: id,
  seed: z.string().min(1).max(200).optional(),
  name: z.string().trim().min(1).max(60),
  creatorName: z.string().trim().min(1).max(40).optional(),
  turnSeconds: z.number().int().min(0).max(3600).optional(),
  botLevel: z.enum(["easy", "normal", "hard"]).optional(),
  solo: z.strictObject({ seat: id }).optional(),
  takeoverSeconds: z.number().int().min(0).max(3600).optional(),
  cast: z.enum(["scenario", "random"]).optional(),
});

/** Options to join a room (by id, after looking the code up), to rejoin with a token, or to take a seat with an invite. */
export const joinOptionsSchema = z.strictObject({
  code: z.string().max(12).transform((c) => c.toUpperCase().replace(/[\s-]+/g, "")).optional(),
  name: z.string().max(200).optional(),
  role: z.enum(["player", "observer"]).optional(),
  seat: id.optional(),
  token: z.string().min(10).max(64).optional(),
  invite: z.string().min(10).max(64).optional(),
});

/** Every request type and its payload. */
export const requestSchemas = {
  orders: z.strictObject({ turn: z.number().int().min(1).max(1000), orders: z.array(z.unknown()).max(12) }),
  ready: z.strictObject({ ready: z.boolean() }),
  chat: z.strictObject({ channel: z.string().min(1).max(80), text: z.string().max(2000) }),
  propose: z.strictObject({ kind: id, parties: z.array(id).max(16) }),
  respond: z.strictObject({ proposal: id, accept: z.boolean(), note: z.string().max(280).optional() }),
  "lobby:seat": z.strictObject({ seat: id.nullable() }),
  knock: z.strictObject({ seat: id.nullable() }),
  "fac:start": z.strictObject({}),
  "fac:assign": z.strictObject({ member: id, seat: id.nullable() }),
  "fac:bot": z.strictObject({ seat: id, bot: z.boolean(), persona: id.optional() }),
  "fac:pause": z.strictObject({}),
  "fac:resume": z.strictObject({}),
  "fac:extend": z.strictObject({ seconds: z.number().int().min(10).max(3600) }),
  "fac:advance": z.strictObject({}),
  "fac:inject": z.union([z.strictObject({ id }), z.strictObject({ inject: injectSchema })]),
  "fac:end": z.strictObject({}),
  "fac:admit": z.strictObject({ member: id, admit: z.boolean() }),
  "fac:invite": z.strictObject({ seat: id }),
  "fac:uninvite": z.strictObject({ invite: id }),
  "fac:remove": z.strictObject({ member: id }),
  "fac:code": z.strictObject({}),
  "fac:cofac": z.strictObject({ name: z.string().max(200) }),
} as const;

export type RequestType = keyof typeof requestSchemas;

/** The "sync" request: the client asks for a fresh snapshot of its view (its patches no longer apply). */
export const syncSchema = z.strictObject({});
export type RequestPayload<T extends RequestType> = z.infer<(typeof requestSchemas)[T]>;
