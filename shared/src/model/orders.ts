/** Orders a seat can give in one turn, with their action-point costs. */
import type { OperationKind, SeatId } from "./types.ts";

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

export interface DevelopOrder { type: "develop" }
export interface HardenOrder { type: "harden" }
export interface HuntOrder { type: "hunt" }
export interface InvestigateOrder { type: "investigate"; incident: string }
export interface AttributeOrder { type: "attribute"; incident: string; accused: SeatId }
export interface InquireOrder { type: "inquire"; target: SeatId; incident: string }
export interface AnswerOrder { type: "answer"; inquiry: string; reply: "deny" | "explain" | "acknowledge" }
export interface SanctionOrder { type: "sanction"; target: SeatId }
export interface ExpelOrder { type: "expel"; target: SeatId }
export interface StatementOrder { type: "statement"; tone: "reassure" | "warn"; target?: SeatId; text?: string }
export interface MobilizeOrder { type: "mobilize"; target: SeatId }
export interface StrikeOrder { type: "strike"; target: SeatId }

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
  | StrikeOrder;

export type OrderType = Order["type"];

/** Base action-point cost of each order type. */
export const ORDER_COSTS: Record<OrderType, number> = {
  espionage: 1,
  preposition: 1,
  ddos: 1,
  influence: 1,
  disrupt: 2,
  destroy: 3,
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
};

/** Extra cost of a false flag. */
export const FALSE_FLAG_COST = 1;

/** Turns an access must have existed before disrupt (1) or destroy (2) may use it. */
export const ACCESS_AGE: Partial<Record<OrderType, number>> = { disrupt: 1, destroy: 2 };

/** Maximum length of a statement's text. */
export const STATEMENT_MAX_LENGTH = 280;

/** The action-point cost of one order. */
export function orderCost(order: Order): number {
  const base = ORDER_COSTS[order.type];
  return "falseFlag" in order && order.falseFlag ? base + FALSE_FLAG_COST : base;
}

/** True for the six cyber operation types. */
export function isOperation(order: Order): order is OperationOrder {
  return (
    order.type === "espionage" ||
    order.type === "preposition" ||
    order.type === "ddos" ||
    order.type === "influence" ||
    order.type === "disrupt" ||
    order.type === "destroy"
  );
}
