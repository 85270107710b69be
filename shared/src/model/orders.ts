/** Orders a seat can give in one turn, with their action-point costs. */
import { OPERATION_KINDS, OPERATIONS, type OperationKind } from "./operations.ts";
import type { SeatId } from "./basics.ts";

/** A cyber operation against another state; covert unless `overt`. */
export interface OperationOrder {
  type: OperationKind;
  target: SeatId;
  overt?: boolean;
  /** Run through a deniable non-state cut-out. */
  proxy?: boolean;
  /** Plant evidence pointing at this third state (+1 AP). */
  falseFlag?: SeatId;
}

export interface DevelopOrder {
  type: "develop";
}
export interface HardenOrder {
  type: "harden";
}
export interface HuntOrder {
  type: "hunt";
}
export interface InvestigateOrder {
  type: "investigate";
  incident: string;
}
export interface AttributeOrder {
  type: "attribute";
  incident: string;
  accused: SeatId;
}
export interface InquireOrder {
  type: "inquire";
  target: SeatId;
  incident: string;
}
export interface AnswerOrder {
  type: "answer";
  inquiry: string;
  reply: "deny" | "explain" | "acknowledge";
}
export interface SanctionOrder {
  type: "sanction";
  target: SeatId;
}
export interface ExpelOrder {
  type: "expel";
  target: SeatId;
}
export interface StatementOrder {
  type: "statement";
  tone: "reassure" | "warn";
  target?: SeatId;
  text?: string;
}
export interface MobilizeOrder {
  type: "mobilize";
  target: SeatId;
}
export interface StrikeOrder {
  type: "strike";
  target: SeatId;
}
/**
 * A choice at the brink, with the other state of a pair at the brink: stand firm or stand down (a strike is
 * its own order).
 */
export interface BrinkOrder {
  type: "brink";
  target: SeatId;
  choice: BrinkChoice;
}

/** What a state at the brink chooses short of a strike. */
export type BrinkChoice = "firm" | "standDown";

/** The choices at the brink, in the order the wire and the client list them. */
export const BRINK_CHOICES: readonly BrinkChoice[] = ["firm", "standDown"];

/** Any order. */
export type Order =
  | OperationOrder
  | DevelopOrder
  | HardenOrder
  | HuntOrder
  | InvestigateOrder
  | AttributeOrder
  | InquireOrder
  | AnswerOrder
  | SanctionOrder
  | ExpelOrder
  | StatementOrder
  | MobilizeOrder
  | StrikeOrder
  | BrinkOrder;

export type OrderType = Order["type"];

/**
 * Base action-point cost of each order type that is not a cyber operation (operations cost what their row in
 * OPERATIONS says).
 */
const OTHER_ORDER_COSTS: Record<Exclude<OrderType, OperationKind>, number> = {
  develop: 1,
  harden: 1,
  hunt: 1,
  investigate: 1,
  attribute: 1,
  inquire: 0,
  answer: 0,
  sanction: 1,
  expel: 1,
  statement: 0,
  mobilize: 1,
  strike: 2,
  brink: 0,
};

/** Base action-point cost of each order type. */
export const ORDER_COSTS: Readonly<Record<OrderType, number>> = {
  ...(Object.fromEntries(OPERATION_KINDS.map((k) => [k, OPERATIONS[k].cost])) as Record<
    OperationKind,
    number
  >),
  ...OTHER_ORDER_COSTS,
};

/** Extra cost of a false flag. */
export const FALSE_FLAG_COST = 1;

/** Turns an access must have existed before an operation that needs one (disrupt 1, destroy 2) may use it. */
export const ACCESS_AGE: Readonly<Partial<Record<OrderType, number>>> = Object.fromEntries(
  OPERATION_KINDS.flatMap((k) => (OPERATIONS[k].accessAge === null ? [] : [[k, OPERATIONS[k].accessAge]])),
);

/** Most orders one seat may give in a turn. */
export const MAX_ORDERS = 12;

/** Maximum length of a statement's text. */
export const STATEMENT_MAX_LENGTH = 280;

/** The action-point cost of one order. */
export function orderCost(order: Order): number {
  const base = ORDER_COSTS[order.type];
  return "falseFlag" in order && order.falseFlag ? base + FALSE_FLAG_COST : base;
}

/** True for a cyber operation (an order whose type has a row in OPERATIONS). */
export function isOperation(order: Order): order is OperationOrder {
  return Object.hasOwn(OPERATIONS, order.type);
}
