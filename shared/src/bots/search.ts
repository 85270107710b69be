/**
 * The `hard` level: single-observer information-set Monte Carlo tree search by determinization (Cowling,
 * Powley & Whitehouse 2012). The tree's nodes are the seat's information sets, its edges the seat's own plans
 * (candidates.ts), labelled so that one edge means the same plan in every sampled world. Each sampled world
 * (determinize.ts: a full GameState drawn from the seat's view, with a persona for every other seat) is
 * played once per root plan, with the same chance events for every plan (common random numbers); below the
 * root the seat's next-turn plan is chosen by UCB1 with availability counts (a plan unavailable in a sampled
 * world is skipped). Every turn is resolved by shared's resolveTurn; the other seats play their sampled
 * personas' rules; after the tree the doctrines roll out to the horizon, and the seat's own score (with the
 * war and peace in sight) is backed up. The root plan with the best mean wins (the doctrine's own plan gets a
 * small bonus). Fixed budget, seeded by the rng passed in: the same view and rng give the same decision. The
 * tree is in search-tree.ts, the simulated turns in search-rollout.ts, the value of a simulated state in
 * search-value.ts.
 */
import { rngFromSeed, type Rng } from "../model/rng.ts";
import type { Order } from "../model/orders.ts";
import type { GameView } from "../view/types.ts";
import { viewFor } from "../view/view.ts";
import { candidatePlans, type Plan } from "./candidates.ts";
import { determinize } from "./determinize.ts";
import type { BotPersona } from "./doctrines.ts";
import { opponentModel } from "./opponents.ts";
import { mySeat } from "./perception.ts";
import { simulateTurn, type Diplomacy } from "./search-rollout.ts";
import { childOf, newNode, selectPlan, type Node } from "./search-tree.ts";
import { evaluateFor } from "./search-value.ts";

/** The search's fixed budget. */
export interface SearchBudget {
  /** Simulations per decision: sampled worlds × plans (every plan is played in every sampled world). */
  iterations: number;
  /** Turns of the seat's own plans in the tree (1 = this turn only). */
  depth: number;
  /** Turns simulated per iteration, this one included (the rest follow the doctrines). */
  horizon: number;
}

/** The budget of the `hard` level. */
export const HARD_BUDGET: SearchBudget = { iterations: 128, depth: 2, horizon: 4 };

/** Bonus (score points) of the doctrine's own plan when the search is nearly indifferent. */
const DOCTRINE_BIAS = 0.1;

/** What the search decided, with its statistics (for tests and the benchmark). */
export interface SearchResult {
  orders: Order[];
  label: string;
  stats: Array<{ label: string; visits: number; mean: number }>;
}

/**
 * Runs the search from a seat's view; `diplomacy` is what the seat already decided to answer and propose this
 * turn.
 */
export function searchOrders(
  view: GameView,
  persona: BotPersona,
  rng: Rng,
  budget: SearchBudget = HARD_BUDGET,
  diplomacy?: Diplomacy,
): SearchResult {
  const me = mySeat(view);
  const rootPlans = candidatePlans(view, persona, rng);
  const first = rootPlans[0] as Plan;
  if (rootPlans.length === 1 || view.phase !== "planning")
    return { orders: first.orders, label: first.label, stats: [] };
  const model = opponentModel(view, me);
  const root = newNode();
  const worlds = Math.max(1, Math.floor(budget.iterations / rootPlans.length));
  for (let w = 0; w < worlds; w++) {
    const world = determinize(view, model, rng);
    const streamSeed = `${rng.next()}`;
    // Every plan meets the same sampled world and the same chance events (common random numbers) until its
    // choices diverge.
    for (const rootPlan of rootPlans) {
      const sim = rngFromSeed(streamSeed);
      let node = childOf(root, rootPlan.label);
      const path: Node[] = [node];
      let s = simulateTurn(world.state, me, persona, world.personas, sim, {
        orders: rootPlan.orders,
        ...(diplomacy ? { diplomacy } : {}),
      });
      let played = 1;
      for (let d = 1; d < budget.depth && s.phase === "planning"; d++) {
        const plans = candidatePlans(viewFor(s, { role: "player", seat: me }), persona, sim);
        const plan = selectPlan(node, plans);
        node = node.children.get(plan.label) as Node;
        path.push(node);
        s = simulateTurn(s, me, persona, world.personas, sim, { orders: plan.orders });
        played++;
      }
      for (; played < budget.horizon && s.phase === "planning"; played++)
        s = simulateTurn(s, me, persona, world.personas, sim, null);
      const value = evaluateFor(s, me);
      for (const n of path) {
        n.visits++;
        n.total += value;
      }
    }
  }
  const stats = rootPlans.map((p) => {
    const c = root.children.get(p.label);
    return {
      label: p.label,
      visits: c?.visits ?? 0,
      mean: c && c.visits > 0 ? c.total / c.visits : -Infinity,
    };
  });
  let best = stats[0] as (typeof stats)[number];
  let bestValue = -Infinity;
  for (const x of stats) {
    const v = x.mean + (x.label === "doctrine" ? DOCTRINE_BIAS : 0);
    if (v > bestValue) {
      bestValue = v;
      best = x;
    }
  }
  const chosen = rootPlans.find((p) => p.label === best.label) as Plan;
  return {
    orders: chosen.orders,
    label: chosen.label,
    stats: stats.map((x) => ({ ...x, mean: Math.round(x.mean * 1000) / 1000 })),
  };
}
