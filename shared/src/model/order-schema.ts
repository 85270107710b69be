/** The shape of orders as a zod schema (the server checks requests with it; the engine re-checks). */
import { z } from "zod";
import { OPERATION_KINDS, type OperationKind } from "./operations.ts";
import { MAX_ORDERS, STATEMENT_MAX_LENGTH } from "./orders.ts";

/**
 * An id as an order or a step names it (a state, an incident, an inquiry, a proposal): 1 to 64 characters.
 */
export const idSchema = z.string().min(1).max(64);
const id = idSchema;
const op = (type: OperationKind) =>
  z.strictObject({
    type: z.literal(type),
    target: id,
    overt: z.boolean().optional(),
    proxy: z.boolean().optional(),
    falseFlag: id.optional(),
  });

type OperationSchema = ReturnType<typeof op>;

/**
 * One order, strictly shaped: a variant per operation kind (the table has at least one row), then the other
 * orders.
 */
export const orderSchema = z.discriminatedUnion("type", [
  ...(OPERATION_KINDS.map(op) as [OperationSchema, ...OperationSchema[]]),
  z.strictObject({ type: z.literal("develop") }),
  z.strictObject({ type: z.literal("harden") }),
  z.strictObject({ type: z.literal("hunt") }),
  z.strictObject({ type: z.literal("investigate"), incident: id }),
  z.strictObject({ type: z.literal("attribute"), incident: id, accused: id }),
  z.strictObject({ type: z.literal("inquire"), target: id, incident: id }),
  z.strictObject({
    type: z.literal("answer"),
    inquiry: id,
    reply: z.enum(["deny", "explain", "acknowledge"]),
  }),
  z.strictObject({ type: z.literal("sanction"), target: id }),
  z.strictObject({ type: z.literal("expel"), target: id }),
  z.strictObject({
    type: z.literal("statement"),
    tone: z.enum(["reassure", "warn"]),
    target: id.optional(),
    text: z
      .string()
      .max(STATEMENT_MAX_LENGTH * 8)
      .optional(),
  }),
  z.strictObject({ type: z.literal("mobilize"), target: id }),
  z.strictObject({ type: z.literal("strike"), target: id }),
  z.strictObject({ type: z.literal("brink"), target: id, choice: z.enum(["firm", "standDown"]) }),
]);

/** A turn's order list. */
export const ordersSchema = z.array(orderSchema).max(MAX_ORDERS);
