/**
 * resolveTurn: the pure function that turns a state and everyone's orders into the next state and its events.
 */
import { ok, err, type Result } from "../model/errors.ts";
import type { GameEvent } from "../model/events.ts";
import { isSeat, own } from "../model/ids.ts";
import { isOperation, type BrinkChoice, type Order } from "../model/orders.ts";
import { allPairs } from "../model/pairs.ts";
import { rngFromState } from "../model/rng.ts";
import type { SeatId } from "../model/basics.ts";
import type { GameState } from "../model/types.ts";
import { advanceAttribution } from "../rules/attribution.ts";
import { settleProposals } from "../rules/cbms.ts";
import { cloneState, emit, nameOf, type Ctx } from "../rules/context.ts";
import { answer, attribute, closeUnanswered, inquire, statement } from "../rules/diplomacy.ts";
import { expel, mobilize, sanction } from "../rules/countermeasures.ts";
import { relax } from "../rules/escalation.ts";
import { exerciseMisreads, onCapabilityGrowth } from "../rules/misperception.ts";
import { joinAllies } from "../rules/alliances.ts";
import { growEconomies } from "../rules/economy.ts";
import { fireInject, nonStateActivity } from "../rules/injects.ts";
import { applyNormCosts } from "../rules/norms.ts";
import { discoverAccesses, evictOnHarden, huntAccesses } from "../rules/detection.ts";
import { runOperation } from "../rules/operations.ts";
import { brinkChoiceKey, resolveBrinks, updateBrinks } from "../rules/brink.ts";
import { checkStablePeace, checkStrikes, pairCbmKinds, updateScores } from "../rules/scoring.ts";
import { checkOrders } from "./validate.ts";

/** Opens a resolution draft on a private copy of the state. */
export function beginResolution(state: GameState, turn: number): Ctx {
  const s = cloneState(state);
  return {
    s,
    p: s.params,
    rng: rngFromState(s.rng),
    turn,
    events: [],
    touched: new Set(),
    hunting: new Set(),
    investigating: new Set(),
    assisted: new Set(),
    spied: new Set(),
    peaks: new Map(),
    strikes: [],
  };
}

/** All orders of one type, in seat order. */
function each<T extends Order["type"]>(
  orders: Array<[SeatId, Order[]]>,
  type: T,
  fn: (seat: SeatId, o: Extract<Order, { type: T }>) => void,
): void {
  for (const [seat, list] of orders)
    for (const o of list) if (o.type === type) fn(seat, o as Extract<Order, { type: T }>);
}

/** Resolves the current turn. Orders missing for a seat mean it does nothing. Never mutates its input. */
export function resolveTurn(
  state: GameState,
  ordersBySeat: Readonly<Record<SeatId, readonly Order[]>>,
): Result<{ state: GameState; events: GameEvent[] }> {
  if (state.phase === "ended") return err("GAME_OVER", "The game is over.");
  const orders: Array<[SeatId, Order[]]> = [];
  for (const seat of Object.keys(ordersBySeat))
    if (!isSeat(state, seat)) return err("UNKNOWN_SEAT", `No state "${seat}" in this game.`);
  for (const seat of state.seats) {
    const list = own(ordersBySeat, seat) ?? [];
    const checked = checkOrders(state, seat, list);
    if (!checked.ok) return err(checked.error.code, `${seat}: ${checked.error.message}`, checked.error.index);
    orders.push([seat, checked.value]);
  }
  const ctx = beginResolution(state, state.turn);
  const s = ctx.s;

  // 1. Answers to last turn's inquiries, then unanswered ones close.
  each(orders, "answer", (seat, o) => answer(ctx, seat, o));
  closeUnanswered(ctx);
  // 2. Defensive posture for this turn.
  each(orders, "hunt", (seat) => ctx.hunting.add(seat));
  each(orders, "investigate", (seat, o) => ctx.investigating.add(`${seat}:${o.incident}`));
  each(orders, "harden", (seat) => {
    const n = own(s.nations, seat);
    if (n && n.defense + n.pendingDefense < 5) n.pendingDefense += 1;
    emit(
      ctx,
      "detection.harden",
      [seat],
      `${nameOf(s, seat)} hardens its networks: defence +1 from next turn.`,
    );
  });
  each(orders, "develop", (seat) => {
    const n = own(s.nations, seat);
    if (n && n.cyber + n.pendingCyber < 10) n.pendingCyber += 1;
    onCapabilityGrowth(ctx, seat);
  });
  // 3. Statements and overt diplomacy (expulsions first: they evict accesses before operations).
  each(orders, "expel", (seat, o) => expel(ctx, seat, o.target));
  each(orders, "statement", (seat, o) => statement(ctx, seat, o));
  each(orders, "attribute", (seat, o) => attribute(ctx, seat, o));
  each(orders, "inquire", (seat, o) => inquire(ctx, seat, o));
  each(orders, "sanction", (seat, o) => sanction(ctx, seat, o.target));
  each(orders, "mobilize", (seat, o) => mobilize(ctx, seat, o.target));
  // 4. Cyber operations, in seat order.
  for (const [seat, list] of orders) for (const o of list) if (isOperation(o)) runOperation(ctx, seat, o);
  // 5. Hunting evicts accesses it finds; the world acts.
  for (const seat of ctx.hunting) huntAccesses(ctx, seat);
  discoverAccesses(ctx);
  nonStateActivity(ctx);
  exerciseMisreads(ctx);
  // 6. Attribution advances on incidents known before this turn; public attributions carry norm costs.
  advanceAttribution(ctx);
  for (const i of s.incidents)
    if (!i.normCostApplied && i.author !== null && (i.overt || i.publicAttributions.length > 0))
      applyNormCosts(ctx, i);
  // 7. Strikes.
  each(orders, "strike", (seat, o) => ctx.strikes.push({ by: seat, target: o.target }));
  // 8. CBMs enter into force; quiet pairs relax; digital economies grow where relations are calm.
  settleProposals(ctx);
  relax(ctx);
  const mobilised = new Set<SeatId>();
  each(orders, "mobilize", (seat, o) => {
    mobilised.add(seat);
    mobilised.add(o.target);
  });
  growEconomies(ctx, mobilised);
  // 9. Hardening and development take effect; hardening evicts accesses.
  for (const seat of s.seats) {
    const n = own(s.nations, seat);
    if (!n) continue;
    if (n.pendingDefense > 0) {
      n.defense = Math.min(5, n.defense + n.pendingDefense);
      n.pendingDefense = 0;
      evictOnHarden(ctx, seat);
    }
    if (n.pendingCyber > 0) {
      n.cyber = Math.min(10, n.cyber + n.pendingCyber);
      n.pendingCyber = 0;
    }
  }
  // 10. Strikes and the brink, history, end conditions, scores, next turn.
  const choices = new Map<string, BrinkChoice>();
  each(orders, "brink", (seat, o) => choices.set(brinkChoiceKey(seat, o.target), o.choice));
  const started = checkStrikes(ctx) ?? resolveBrinks(ctx, choices);
  const war = started ? joinAllies(ctx, started) : null;
  if (!war) updateBrinks(ctx);
  for (const key of allPairs(s.seats)) (s.tensionHistory[key] as number[]).push(s.tension[key] ?? 0);
  const peace = war ? null : checkStablePeace(ctx);
  const outcome =
    war ??
    peace ??
    (s.turn >= s.maxTurns
      ? { kind: "turnLimit" as const, turn: s.turn, belligerents: [], initiator: null }
      : null);
  s.orders = {};
  if (outcome) {
    s.outcome = outcome;
    s.phase = "ended";
    const rule =
      outcome.kind === "armedConflict"
        ? "end.armedConflict"
        : outcome.kind === "stablePeace"
          ? "end.stablePeace"
          : "end.turnLimit";
    const text =
      outcome.kind === "armedConflict"
        ? `Armed conflict between ` +
          `${outcome.belligerents.map((b) => nameOf(s, b)).join(" and ")}${outcome.initiator ? `, started by ${nameOf(s, outcome.initiator)}` : ""}.`
        : outcome.kind === "stablePeace"
          ? `Stable peace: every pair calm for ${ctx.p.peaceTurns} turns with ${pairCbmKinds(s)} kinds of CBM binding states together.`
          : `The crisis period ends after ${s.turn} turns.`;
    emit(ctx, rule, "public", text);
  } else {
    s.turn += 1;
    const due = s.injects.filter((x) => x.turn === s.turn);
    if (due.length > 0) {
      const at = ctx.turn;
      ctx.turn = s.turn;
      for (const x of due) fireInject(ctx, x.inject);
      ctx.turn = at;
      s.injects = s.injects.filter((x) => x.turn !== s.turn);
    }
  }
  updateScores(s);
  s.rng = ctx.rng.save();
  s.events.push(...ctx.events);
  return ok({ state: s, events: ctx.events });
}
