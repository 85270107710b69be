/**
 * The search's tree (search.ts): nodes for the seat's information sets, one child per plan label, and the
 * choice of a plan below the root by UCB1 with availability counts.
 */
import type { Plan } from "./candidates.ts";

/** UCB exploration constant, in score points. */
const EXPLORATION = 3;

/**
 * A node of the tree: its visits, the total of the values backed up through it, how often it was available.
 */
export interface Node {
  visits: number;
  total: number;
  avail: number;
  children: Map<string, Node>;
}

/** A node not yet visited. */
export function newNode(): Node {
  return { visits: 0, total: 0, avail: 0, children: new Map() };
}

/** The child of `node` along a plan's label (created on first use). */
export function childOf(node: Node, label: string): Node {
  let child = node.children.get(label);
  if (!child) {
    child = newNode();
    node.children.set(label, child);
  }
  return child;
}

/** Chooses among available plans by UCB1 with availability counts; unvisited plans first. */
export function selectPlan(node: Node, plans: readonly Plan[]): Plan {
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
