/**
 * Strikes under the session's rules (docs/protocol.md §9.5). With strikes "approval" a seat's strike orders
 * are held out of its orders until a facilitator approves them (they join the seat's orders) or refuses them;
 * with `notBefore` a person's strike is refused before that turn and a bot's is left out. The journal keeps
 * what each seat submitted; `engineStep` says what the engine is given, for the reducer and the game's record
 * alike.
 */
import { applyStep, own, type Order, type SeatId, type Step, type StrikeRule } from "@firebreak/shared";
import { authorOf, type StoredEntry } from "./journal.ts";
import { isSessionSeat, memberById } from "./membership.ts";
import { ok, refuse, type Result } from "./result.ts";
import type { HeldStrikes, SessionState } from "./types.ts";

type StrikeOrder = HeldStrikes["strikes"][number];

/** True for a strike order (as submitted: its shape is the engine's to check). */
export function isStrike(o: unknown): o is StrikeOrder {
  return typeof o === "object" && o !== null && (o as { type?: unknown }).type === "strike";
}

/** Whether an entry's maker is a person (not the server, a bot, or an older journal's unsigned entry). */
export function byPerson(e: StoredEntry): boolean {
  const by = authorOf(e);
  return by !== null && by !== "system" && !by.startsWith("bot:");
}

/**
 * Whether the rules keep this orders entry's strikes from the engine: held for approval, or a bot's before
 * the allowed turn.
 */
function withoutStrikes(s: SessionState, e: StoredEntry): boolean {
  return strikesKeptOut(s.settings.strikes, authorOf(e), s.game.turn);
}

/**
 * Whether strike rule `rule` keeps the strikes of an orders entry made by `by` on `turn` from the engine: held
 * for approval, or a bot's before the allowed turn (the server's and older journals' entries never).
 */
export function strikesKeptOut(rule: StrikeRule, by: string | null, turn: number): boolean {
  if (by === null || by === "system") return false;
  if (rule === "approval") return true;
  return typeof rule === "object" && turn < rule.notBefore && by.startsWith("bot:");
}

/** The strikes of `seat` waiting for a facilitator, if any. */
export function waitingStrikes(s: SessionState, seat: SeatId): StrikeOrder[] {
  return s.held.find((h) => h.seat === seat && h.status === "waiting")?.strikes ?? [];
}

/**
 * The engine step an entry makes in session `s`: its own step under the strike rules, a facilitator's
 * approval's orders, or null.
 */
export function engineStep(s: SessionState, e: StoredEntry): Step | null {
  if (e.kind === "strike") {
    const strikes = e.approve && isSessionSeat(s, e.seat) ? waitingStrikes(s, e.seat) : [];
    if (strikes.length === 0) return null;
    const current: readonly Order[] = own(s.game.orders, e.seat) ?? [];
    return { type: "orders", turn: s.game.turn, seat: e.seat, orders: [...current, ...strikes] };
  }
  if (e.kind !== "step") return null;
  const step = e.step;
  if (step.type !== "orders" || !Array.isArray(step.orders) || !step.orders.some(isStrike)) return step;
  return withoutStrikes(s, e) ? { ...step, orders: step.orders.filter((o: unknown) => !isStrike(o)) } : step;
}

/**
 * The held strikes after a seat's orders entry: the seat's new list replaces what it had held; its strikes
 * are held under "approval".
 */
export function heldAfter(s: SessionState, e: StoredEntry, seat: SeatId, orders: unknown): HeldStrikes[] {
  const by = authorOf(e);
  if (by === null || by === "system") return s.held;
  const rest = s.held.filter((h) => h.seat !== seat);
  const strikes = Array.isArray(orders) ? orders.filter(isStrike) : [];
  if (s.settings.strikes !== "approval" || strikes.length === 0) return rest;
  const byName = by.startsWith("bot:")
    ? `${s.game.nations[seat]?.name ?? seat} (bot)`
    : (memberById(s, by)?.name ?? by);
  return [...rest, { seat, turn: s.game.turn, strikes, by, byName, at: e.at, status: "waiting" }];
}

/**
 * A facilitator's answer to a seat's held strikes: approved, they join the seat's orders (if still legal);
 * refused, the seat is told.
 */
export function answerStrike(
  s: SessionState,
  e: Extract<StoredEntry, { kind: "strike" }>,
): Result<SessionState> {
  if (s.phase === "ended") return refuse("GAME_OVER", "The game is over.");
  if (s.phase !== "planning") return refuse("NOT_PLAYING", "The game has not started.");
  if (!isSessionSeat(s, e.seat)) return refuse("UNKNOWN_SEAT", `No state "${e.seat}".`);
  const name = s.game.nations[e.seat]?.name ?? e.seat;
  if (waitingStrikes(s, e.seat).length === 0)
    return refuse("NO_STRIKE_WAITING", `No strike of ${name} awaits approval.`);
  if (!e.approve)
    return ok({
      ...s,
      held: s.held.map((h) => (h.seat === e.seat ? { ...h, status: "refused" as const } : h)),
    });
  const step = engineStep(s, e);
  if (!step) return refuse("NO_STRIKE_WAITING", `No strike of ${name} awaits approval.`);
  const r = applyStep(s.game, step);
  if (!r.ok) return r;
  const count = step.type === "orders" && Array.isArray(step.orders) ? step.orders.length : 0;
  const by = memberById(s, authorOf(e) ?? "")?.name ?? authorOf(e) ?? "system";
  return ok({
    ...s,
    game: r.value.state,
    held: s.held.filter((h) => h.seat !== e.seat),
    orderLog: [...s.orderLog, { turn: s.game.turn, seat: e.seat, by, count, at: e.at }],
  });
}
