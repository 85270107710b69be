/**
 * One row per operation kind: every kind has its row and everything derived from it, so a kind added without
 * them fails here.
 */
import { describe, expect, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import { resolveOk, testGame } from "../testing/game.ts";
import { INCIDENT_NAMES, INCIDENT_PHRASES } from "./names.ts";
import {
  incidentEffect,
  isDestructive,
  NON_STATE_INCIDENT_KINDS,
  OPERATION_KINDS,
  OPERATIONS,
  seenAs,
  type IncidentKind,
} from "./operations.ts";
import { orderSchema } from "./order-schema.ts";
import { ACCESS_AGE, isOperation, ORDER_COSTS, type Order } from "./orders.ts";
import { DEFAULT_PARAMS, type ModelParams } from "./params.ts";
import { RULES } from "./rules-catalogue.ts";

describe("the operations table", () => {
  it(
    "types: the order schema accepts exactly the Order type, and the parameters give exactly the " +
      "incident kinds a severity (tsc checks these)",
    () => {
      expectTypeOf<z.infer<typeof orderSchema>>().toEqualTypeOf<Order>();
      expectTypeOf<keyof ModelParams["severity"]>().toEqualTypeOf<IncidentKind>();
    },
  );

  it("lists the kinds in table order", () => {
    expect(OPERATION_KINDS).toEqual(["espionage", "preposition", "ddos", "influence", "disrupt", "destroy"]);
  });

  it("every kind has a row, an order shape, a cost, a rule, a name, a phrase and a severity", () => {
    for (const k of OPERATION_KINDS) {
      const row = OPERATIONS[k];
      expect(row, k).toBeDefined();
      expect(orderSchema.safeParse({ type: k, target: "south" }).success, k).toBe(true);
      expect(
        orderSchema.safeParse({ type: k, target: "south", overt: true, proxy: false, falseFlag: "east" })
          .success,
        k,
      ).toBe(true);
      expect(isOperation({ type: k, target: "south" }), k).toBe(true);
      expect(ORDER_COSTS[k], k).toBe(row.cost);
      expect(ACCESS_AGE[k], k).toBe(row.accessAge ?? undefined);
      expect(Object.keys(RULES), k).toContain(`op.${k}`);
      expect(INCIDENT_NAMES[k].length, k).toBeGreaterThan(3);
      expect(INCIDENT_PHRASES[k].noun.length, k).toBeGreaterThan(3);
      expect(DEFAULT_PARAMS.severity[k], k).toBeGreaterThan(0);
    }
    expect(DEFAULT_PARAMS.severity.nonState).toBeGreaterThan(0);
  });

  it("no other order type counts as an operation", () => {
    const others: Order[] = [
      { type: "develop" },
      { type: "harden" },
      { type: "hunt" },
      { type: "sanction", target: "south" },
      { type: "strike", target: "south" },
    ];
    for (const o of others) expect(isOperation(o), o.type).toBe(false);
    expect(Object.keys(ORDER_COSTS).filter((t) => isOperation({ type: t } as Order))).toEqual(
      OPERATION_KINDS,
    );
  });

  it("every kind and the non-state attack have an effect: damage as numbers", () => {
    for (const k of [...OPERATION_KINDS, "nonState"] as const) {
      const d = incidentEffect(k).damage(DEFAULT_PARAMS, 5);
      expect([Number.isFinite(d.economy), Number.isFinite(d.stability)], k).toEqual([true, true]);
    }
  });

  it("a victim sees espionage and pre-positioning as an intrusion, a non-state attack as a DDoS, the rest as what they are", () => {
    expect(OPERATION_KINDS.map(seenAs)).toEqual([
      "intrusion",
      "intrusion",
      "ddos",
      "influence",
      "disrupt",
      "destroy",
    ]);
    expect(seenAs("nonState")).toBe("ddos");
  });

  it("disruption and destruction are the destructive kinds; merged and unknown kinds are not", () => {
    expect(OPERATION_KINDS.filter(isDestructive)).toEqual(["disrupt", "destroy"]);
    expect([isDestructive("intrusion"), isDestructive("nonState"), isDestructive("constructor")]).toEqual([
      false,
      false,
      false,
    ]);
  });

  it("a scenario's non-state incident may name the kinds criminals do too", () => {
    expect(NON_STATE_INCIDENT_KINDS).toEqual(["ddos", "influence", "disrupt", "destroy", "nonState"]);
  });

  it("every kind runs at resolution: an incident of its kind and an event citing its rule (or op.failed)", () => {
    for (const k of OPERATION_KINDS) {
      let s = testGame({ params: { effectSuccessBase: 0.95 } });
      // Operations that need an access get one old enough first.
      const age = OPERATIONS[k].accessAge;
      if (age !== null) {
        s = {
          ...s,
          accesses: [
            { id: "a-test", owner: "north", target: "south", since: s.turn - age, incident: "i-test" },
          ],
        };
      }
      const { state, events } = resolveOk(s, { north: [{ type: k, target: "south", overt: true }] });
      expect(
        state.incidents.filter((i) => i.author === "north").map((i) => i.kind),
        k,
      ).toEqual([k]);
      expect(
        events.some((e) => e.rule === `op.${k}` || e.rule === "op.failed"),
        k,
      ).toBe(true);
    }
  });
});
