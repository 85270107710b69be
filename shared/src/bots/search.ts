/**
 * The `hard` level: single-observer information-set Monte Carlo tree search by determinization (Cowling, Powley &
 * Whitehouse 2012). The tree's nodes are the seat's information sets, its edges the seat's own plans (candidates.ts),
 * labelled so that one edge means the same plan in every sampled world. Each sampled world (determinize.ts: a full
 * GameState drawn from the seat's view, with a persona for every other seat) is played once per root plan, with the
 * same chance events for every plan (common random numbers); below the root the seat's next-turn plan is chosen by
 * UCB1 with availability counts (a plan unavailable in a sampled world is skipped). Every turn is resolved by shared's
 * resolveTurn; the other seats play their sampled personas' rules; after the tree the doctrines roll out to the
 * horizon, and the seat's own score (with the war and peace in sight) is backed up. The root plan with the best mean
 * wins (the doctrine's own plan gets a small bonus). Fixed budget, seeded by the rng passed in: the same view and rng
 * give the same decision.
 */
import { resolveTurn } from "../game/resolve.ts";
import { checkOrders } from "../game/validate.ts";
import { isDestructive } from "../model/operations.ts";
import type { Order } from "../model/orders.ts";
import { allPairs, pairMembers } from "../model/pairs.ts";
import { rngFromSeed, type Rng } from "../model/rng.ts";
import type { SeatId } from "../model/basics.ts";
import type { GameState } from "../model/types.ts";
import { proposeCbm, respondCbm } from "../rules/cbms.ts";
import { objectiveMet } from "../rules/scoring.ts";
import type { GameView } from "../view/types.ts";
import { viewFor } from "../view/view.ts";
import { candidatePlans, restraintOrders, type Plan } from "./candidates.ts";
import { determinize } from "./determinize.ts";
import type { BotPersona } from "./doctrines.ts";
import { doctrineAnswer, doctrineOrders, doctrineProposals } from "./doctrine-play.ts";
import { opponentModel } from "./opponents.ts";
import type { BotProposal } from "./intents.ts";
import { mySeat } from "./perception.ts";

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

/** UCB exploration constant, in score points. */
const EXPLORATION = 3;
/** Bonus (score points) of the doctrine's own plan when the search is nearly indifferent. */
const DOCTRINE_BIAS = 0.1;

/** What the search decided, with its statistics (for tests and the benchmark). */
export interface SearchResult {
  orders: Order[];
  label: string;
  stats: Array<{ label: string; visits: number; mean: number }>;
}

interface Node {
  visits: number;
  total: number;
  avail: number;
  children: Map<string, Node>;
}

function newNode(): Node {
  return { visits: 0, total: 0, avail: 0, children: new Map() };
}

/** The seat's diplomacy decided before the search: its answers to proposals and its own proposals. */
export interface Diplomacy {
  answers: Array<{ proposal: string; accept: boolean; note: string }>;
  proposals: BotProposal[];
}

/** The child of `node` along a plan's label (created on first use). */
function childOf(node: Node, label: string): Node {
  let child = node.children.get(label);
  if (!child) {
    child = newNode();
    node.children.set(label, child);
  }
  return child;
}

/** Chooses among available plans by UCB1 with availability counts; unvisited plans first. */
function selectPlan(node: Node, plans: readonly Plan[]): Plan {
  let best: Plan = plans[0] as Plan;
  let bestScore = -Infinity;
  for (const p of plans) childOf(node, p.label).avail++;
  for (const p of plans) {
    const c = node.children.get(p.label) as Node;
    if (c.visits === 0) return p;
    const score = c.total / c.visits + EXPLORATION * Math.sqrt(Math.log(c.avail) / c.visits);
    if (score > bestScore) {
      bestScore = score;
      best = p;
    }
  }
  return best;
}

/** One simulated turn: every seat answers, proposes and orders by its (sampled) persona; `mine` fixes my part. */
function simulateTurn(
  state: GameState,
  me: SeatId,
  persona: BotPersona,
  personas: Record<SeatId, BotPersona>,
  rng: Rng,
  mine: { orders: Order[]; diplomacy?: Diplomacy } | null,
): GameState {
  let s = state;
  const orders: Record<SeatId, Order[]> = {};
  for (const seat of s.seats) {
    const who = seat === me ? persona : (personas[seat] ?? "random");
    const view = viewFor(s, { role: "player", seat });
    if (seat === me && mine?.diplomacy) {
      for (const a of mine.diplomacy.answers) {
        const r = respondCbm(s, seat, a.proposal, a.accept, a.note);
        if (r.ok) s = r.value;
      }
      if (!s.options.noCbms)
        for (const p of mine.diplomacy.proposals) {
          const r = proposeCbm(s, seat, p.kind, p.parties);
          if (r.ok) s = r.value;
        }
    } else {
      for (const p of view.proposals) {
        if (p.accepted.includes(seat) || p.declined.includes(seat)) continue;
        const a = doctrineAnswer(view, p, who, rng);
        const r = respondCbm(s, seat, p.id, a.accept, a.note);
        if (r.ok) s = r.value;
      }
      if (!s.options.noCbms)
        for (const p of doctrineProposals(view, who, rng)) {
          const r = proposeCbm(s, seat, p.kind, p.parties);
          if (r.ok) s = r.value;
        }
    }
    // Beyond the tree the searching seat itself plays restraint (as a hard bot mostly does), the others their personas.
    const list =
      seat === me
        ? mine
          ? mine.orders
          : restraintOrders(view, persona, rng)
        : doctrineOrders(view, who, rng);
    orders[seat] = checkOrders(s, seat, list).ok ? list : [];
  }
  const r = resolveTurn(s, orders);
  if (!r.ok) return { ...s, phase: "ended" };
  r.value.state.events = [];
  return r.value.state;
}

/** Chance that a binomial(n, p) count reaches `k` or more. */
function atLeast(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  let below = 0;
  let term = (1 - p) ** n;
  for (let i = 0; i < k; i++) {
    below += term;
    term = (term * (n - i) * p) / ((i + 1) * (1 - p));
  }
  return Math.max(0, 1 - below);
}

/** Chance that a state that knows of one of my covert operations and will name it (at moderate confidence) names it before the game ends. */
const NAMING_CHANCE = 0.8;

/**
 * The expected cost, still to come after the simulated horizon, of the seat's own covert operations being publicly
 * and correctly named before the game ends: the accused's reputation loss, the norm costs, and a `neverAttributed`
 * objective that is met now. Attribution is slow (about four turns to moderate confidence), so a horizon of a few turns
 * sees the operation's gain but not this cost; the chances follow the engine's attribution hazard.
 */
export function exposureCost(s: GameState, me: SeatId): number {
  const p = s.params;
  const turnsLeft = Math.max(0, s.maxTurns - s.turn + 1);
  let cost = 0;
  let clean = 1;
  for (const i of s.incidents) {
    if (i.author !== me || i.overt || i.publicAttributions.some((a) => a.accused === me && a.confidence >= 2))
      continue;
    let unnamed = 1;
    for (const [knower, k] of Object.entries(i.knowledge)) {
      if (knower === me) continue;
      const reach =
        k.confidence >= 2
          ? k.suspect === me
            ? 1
            : 0
          : atLeast(
              2 - k.confidence,
              turnsLeft,
              p.attributionHazard * (i.proxy ? p.proxyAttributionMultiplier : 1),
            );
      unnamed *= 1 - NAMING_CHANCE * reach;
    }
    const named = 1 - unnamed;
    if (named <= 0) continue;
    clean *= unnamed;
    const norms = (isDestructive(i.kind) ? 1 : 0) + (i.proxy ? 1 : 0);
    cost += named * (p.accusedReputation + (i.normCostApplied ? 0 : norms * p.normViolationReputation));
  }
  const never = s.nations[me]?.objectives.find((o) => o.kind === "neverAttributed");
  if (never && objectiveMet(s, me, never)) cost += (1 - clean) * never.points;
  return cost;
}

/** The seat's value of a simulated state: its score, less the expected cost of the war the tensions threaten and of its operations being named, plus peace in sight. */
function evaluateFor(s: GameState, me: SeatId): number {
  const score = s.scores[me]?.total ?? 0;
  if (s.phase === "ended") return score;
  const p = s.params;
  let calmAll = 1;
  let calmMine = 1;
  let peaceful = true;
  for (const key of allPairs(s.seats)) {
    const t = s.tension[key] ?? 0;
    if (t > p.peaceMaxTension) peaceful = false;
    const risk = Math.min(1, Math.max(0, (t - 6) / 3)) ** 2 * 0.8;
    calmAll *= 1 - risk;
    if (pairMembers(key).includes(me)) calmMine *= 1 - risk;
  }
  let value =
    score - (1 - calmAll) * p.armedConflictLoss - (1 - calmMine) * p.belligerentLoss - exposureCost(s, me);
  const turnsLeft = s.maxTurns - s.turn + 1;
  if (peaceful && s.cbms.length >= p.peaceMinCbms && turnsLeft >= p.peaceTurns - s.peaceStreak)
    value += (p.peaceBonus * (s.peaceStreak + 1)) / (p.peaceTurns + 1) / 2;
  return value;
}

/** Runs the search from a seat's view; `diplomacy` is what the seat already decided to answer and propose this turn. */
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
    // Every plan meets the same sampled world and the same chance events (common random numbers) until its choices diverge.
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
