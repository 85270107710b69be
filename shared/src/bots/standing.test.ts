/**
 * Bots read reputation, public naming and their own pledges: trust in proposals, coalition sanctions, the
 * cost of a broken pledge.
 */
import { describe, expect, it } from "vitest";
import { findScenario } from "../io/scenario-files.ts";
import type { SeatId } from "../model/basics.ts";
import type { CbmKind } from "../model/cbms.ts";
import { OPERATION_KINDS } from "../model/operations.ts";
import type { Order } from "../model/orders.ts";
import { rngFromSeed } from "../model/rng.ts";
import { playBotGame } from "../sim/bot-game.ts";
import type { GameView } from "../view/types.ts";
import { decideAnswer, decideOrders } from "./bot.ts";
import { addCbm, addIncident, craftedView, setTension } from "./crafted.ts";
import type { BotPersona, BotSpec } from "./doctrines.ts";
import { weighProxy } from "./standing.ts";

/** Per-test timeout (ms): the last test plays bot games. */
const SLOW = 120_000;

/** North's view with a proposal from south to north of `kind`, south's reputation set. */
function proposed(
  kind: CbmKind,
  reputation: number,
): { view: GameView; proposal: GameView["proposals"][number] } {
  const view = craftedView();
  (view.nations.south as { reputation: number }).reputation = reputation;
  const proposal = {
    id: "p1",
    kind,
    proposer: "south",
    parties: ["north", "south"],
    accepted: ["south"],
    declined: [],
    turn: view.turn,
    note: "",
  };
  view.proposals.push(proposal);
  return { view, proposal };
}

const answer = (
  kind: CbmKind,
  reputation: number,
  persona: BotPersona,
  level: BotSpec["level"] = "normal",
) => {
  const { view, proposal } = proposed(kind, reputation);
  return decideAnswer(view, proposal, { persona, level }, rngFromSeed("a"));
};

/** North's orders as a bot of this persona (normal level unless said). */
const ordersOf = (
  view: GameView,
  persona: BotPersona,
  seed = "o",
  level: BotSpec["level"] = "normal",
): Order[] => decideOrders(view, { persona, level }, rngFromSeed(seed));

const effects = (orders: readonly Order[]): Order[] =>
  orders.filter((o) => o.type === "disrupt" || o.type === "destroy");

describe("reputation: trust in proposals", () => {
  it("a measure that rests on the proposer's word is declined when its reputation is low; a channel is not", () => {
    for (const persona of ["reciprocal", "forgiving", "normBuilder"] as const) {
      expect(answer("codeOfConduct", 8, persona).accept).toBe(true);
      const no = answer("codeOfConduct", 1, persona);
      expect(no).toMatchObject({ accept: false, reason: "distrust" });
      expect(no.note).toContain("South");
      expect(answer("hotline", 1, persona).accept).toBe(true);
    }
    // The norm builder asks more of a partner's record than a forgiving bot does, and the dove least of all.
    expect(answer("noFirstUse", 4.5, "normBuilder").accept).toBe(false);
    expect(answer("noFirstUse", 4.5, "forgiving").accept).toBe(true);
    expect(answer("situationReports", 3, "dove").accept).toBe(true);
    expect(answer("situationReports", 1, "dove").accept).toBe(false);
  });

  it("a hard bot, which signs nearly everything, still declines what a disgraced state offers on its word", () => {
    expect(answer("codeOfConduct", 8, "reciprocal", "hard").accept).toBe(true);
    expect(answer("codeOfConduct", 1, "reciprocal", "hard")).toMatchObject({
      accept: false,
      reason: "distrust",
    });
  });
});

describe("naming: the coalition response", () => {
  /**
   * North's view on turn 5: east publicly named south at moderate confidence last turn for a disruption
   * against east.
   */
  function named(reputation: number, alsoBefore = false): GameView {
    const v = craftedView(5);
    (v.nations.south as { reputation: number }).reputation = reputation;
    addIncident(v, "i-east", "east", {}, { public: true });
    (v.incidents[0] as GameView["incidents"][number]).publicAttributions.push(
      { turn: 4, by: "east", accused: "south", confidence: 2 },
      ...(alsoBefore ? [{ turn: 3, by: "east", accused: "south", confidence: 2 as const }] : []),
    );
    return v;
  }
  const sanctions = (orders: readonly Order[]): number =>
    orders.filter((o) => o.type === "sanction" && o.target === "south").length;

  it("a state just named at moderate+ is sanctioned by third states when its reputation is low, not when it is high", () => {
    for (const persona of ["reciprocal", "normBuilder"] as const) {
      expect(sanctions(ordersOf(named(2), persona)), persona).toBe(1);
      expect(sanctions(ordersOf(named(9), persona)), persona).toBe(0);
    }
    // The norm builder's bar is the highest: it joins against a middling reputation the reciprocal bot lets
    // pass.
    expect(sanctions(ordersOf(named(5), "normBuilder"))).toBe(1);
    expect(sanctions(ordersOf(named(5), "reciprocal"))).toBe(0);
    expect(sanctions(ordersOf(named(1), "dove"))).toBe(0);
  });

  it("one response to a state's naming, not one per accusation", () => {
    expect(sanctions(ordersOf(named(2, true), "reciprocal"))).toBe(0);
  });
});

describe("pledges: a pledged bot weighs what breaking its pledge costs", () => {
  /** North, able to destroy in south (an old access), tension 4, south's defence visible and high. */
  function armed(pledge: boolean): GameView {
    const v = craftedView(5);
    setTension(v, "north", "south", 4);
    (v.nations.south as { defense: number | null }).defense = 5;
    (v.private.north as { accesses: GameView["private"][SeatId]["accesses"] }).accesses = [
      { id: "a1", target: "south", since: 1 },
      { id: "a2", target: "south", since: 1 },
    ];
    if (pledge) addCbm(v, "noFirstUse", ["north"]);
    return v;
  }

  it("a pledged hawk does not disrupt or destroy where it would likely be caught; unpledged it does", () => {
    for (let i = 0; i < 30; i++) {
      expect(effects(ordersOf(armed(false), "hawk", `h${i}`)).length).toBe(1);
      expect(effects(ordersOf(armed(true), "hawk", `h${i}`))).toEqual([]);
    }
  });

  it("a pledged reciprocal bot answers a disruption with an open DDoS instead of an open disruption", () => {
    const hit = (pledge: boolean): Order[] => {
      const v = armed(pledge);
      addIncident(v, "i1", "north", { north: { confidence: 2, suspect: "south", changed: 4 } });
      return ordersOf(v, "reciprocal");
    };
    expect(hit(false)).toContainEqual({ type: "disrupt", target: "south", overt: true });
    expect(effects(hit(true))).toEqual([]);
    expect(hit(true)).toContainEqual({ type: "ddos", target: "south", overt: true });
  });

  it("a hawk just named in public for its own operation lies low for a while", () => {
    const v = armed(false);
    addIncident(
      v,
      "mine",
      "south",
      { north: { confidence: 3, suspect: "north" } },
      { author: "north", publicAttributions: [{ turn: 4, by: "south", accused: "north", confidence: 2 }] },
    );
    expect(effects(ordersOf(v, "hawk"))).toEqual([]);
    v.turn = 9;
    expect(effects(ordersOf(v, "hawk")).length).toBe(1);
  });

  it("a hawk named by a third state lies low near the threshold of force too: no pre-positioning", () => {
    const v = armed(false);
    setTension(v, "north", "south", 8);
    addIncident(
      v,
      "mine",
      "east",
      {},
      { author: "north", publicAttributions: [{ turn: 4, by: "south", accused: "north", confidence: 2 }] },
    );
    const attacks = (o: readonly Order[]) =>
      o.filter((x) => x.type !== "espionage" && (OPERATION_KINDS as readonly string[]).includes(x.type));
    for (let i = 0; i < 20; i++) expect(attacks(ordersOf(v, "hawk", `q${i}`))).toEqual([]);
    v.turn = 9;
    expect(ordersOf(v, "hawk")).toContainEqual({ type: "preposition", target: "south" });
  });

  it(
    "over bot games, hawks bound by no-first-use pledges disrupt and destroy far less",
    () => {
      const r = findScenario("baltic-fog");
      if (!r.ok) throw new Error("baltic-fog");
      const seats = r.scenario.states.map((s) => s.id);
      const count = (cbms: CbmKind[]): number => {
        let n = 0;
        for (let g = 0; g < 100; g++) {
          const specs: Record<SeatId, BotSpec> = {};
          seats.forEach((s, i) => {
            specs[s] = {
              persona: (["hawk", "dove", "reciprocal", "normBuilder"] as const)[(i + g) % 4] as BotPersona,
              level: "normal",
            };
          });
          const game = playBotGame(r.scenario, `pledge-${g}`, specs, { cbms });
          for (const t of game.turns) if (specs[t.seat]?.persona === "hawk") n += effects(t.orders).length;
        }
        return n;
      };
      const free = count([]);
      const bound = count(["noFirstUse"]);
      expect(free).toBeGreaterThan(30);
      expect(bound).toBeLessThan(free / 2);
    },
    SLOW,
  );
});

describe("adopted norms weigh on a bot like a pledge", () => {
  it("a disruption costs more, and is forgone sooner, once the infrastructure norm binds the seat", async () => {
    const { breachCost } = await import("./standing.ts");
    const view = craftedView();
    const disrupt = { type: "disrupt" as const, target: "south" };
    const free = breachCost(view, "north", disrupt);
    addCbm(view, "normInfrastructure", view.seats.slice());
    const bound = breachCost(view, "north", disrupt);
    expect(bound).toBeGreaterThan(free);
    // Two norm points of reputation, and each other adopter's coalition measures.
    expect(bound - free).toBeCloseTo(
      view.params.normBreachReputation + view.params.coalitionSanction * (view.seats.length - 1),
      5,
    );
  });
});

describe("due diligence: a bound bot weighs a proxy before it uses one", () => {
  it("an adopter runs a DDoS itself rather than through a proxy; unbound, it keeps the proxy", () => {
    const view = craftedView();
    const ddos = { type: "ddos" as const, target: "south", proxy: true };
    expect(weighProxy(view, "north", ddos)).toEqual(ddos);
    addCbm(view, "normDueDiligence", view.seats.slice());
    expect(weighProxy(view, "north", ddos)).toEqual({ type: "ddos", target: "south" });
  });

  it("a code-of-conduct member runs a DDoS itself; a pledged adopter keeps the proxy that hides a breach", () => {
    const view = craftedView();
    addCbm(view, "codeOfConduct", view.seats.slice());
    const ddos = { type: "ddos" as const, target: "south", proxy: true };
    expect(weighProxy(view, "north", ddos)).toEqual({ type: "ddos", target: "south" });
    const bound = craftedView();
    addCbm(bound, "normDueDiligence", bound.seats.slice());
    const destroy = { type: "destroy" as const, target: "south", proxy: true };
    expect(weighProxy(bound, "north", destroy)).toEqual({ type: "destroy", target: "south" });
    addCbm(bound, "noFirstUse", bound.seats.slice());
    expect(weighProxy(bound, "north", destroy)).toEqual(destroy);
  });

  it("an opportunist bound by the norm forgoes its late proxied disruption; unbound, it runs it", () => {
    const late = (bound: boolean): Order[] => {
      const v = craftedView(11);
      for (const s of ["south", "east"]) (v.nations[s] as { defense: number | null }).defense = 1;
      (v.private.north as { accesses: GameView["private"][SeatId]["accesses"] }).accesses = [
        { id: "a1", target: "south", since: 1 },
      ];
      if (bound) addCbm(v, "normDueDiligence", v.seats.slice());
      return ordersOf(v, "opportunist");
    };
    expect(effects(late(false))).toEqual([{ type: "disrupt", target: "south", proxy: true }]);
    expect(effects(late(true))).toEqual([]);
  });
});
