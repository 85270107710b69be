/**
 * The shape of a step as a zod schema. applyStep checks every step with it: steps also come from JSON
 * journals.
 */
import { z } from "zod";
import { idSchema } from "../model/order-schema.ts";
import { injectSchema } from "../scenario/schema.ts";

/** The step types, in the order docs/protocol.md lists them. */
export const STEP_TYPES = ["orders", "propose", "respond", "inject", "resolve", "end"] as const;

const turn = z.number().int();

/**
 * One step, strictly shaped. `orders` stays unknown here: validateOrders checks it and names the order at
 * fault.
 */
export const stepSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("orders"), turn, seat: idSchema, orders: z.unknown() }),
  z.strictObject({
    type: z.literal("propose"),
    turn,
    seat: idSchema,
    kind: idSchema,
    parties: z.array(idSchema),
  }),
  z.strictObject({
    type: z.literal("respond"),
    turn,
    seat: idSchema,
    proposal: idSchema,
    accept: z.boolean(),
    note: z.string().optional(),
  }),
  z.strictObject({ type: z.literal("inject"), turn, inject: injectSchema }),
  z.strictObject({ type: z.literal("resolve"), turn }),
  z.strictObject({ type: z.literal("end"), turn }),
]);
