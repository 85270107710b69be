/** The working draft of one resolution: a private copy of the state plus helpers to change it. */
import type { GameEvent, MeasureChange } from "../model/events.ts";
import { own } from "../model/ids.ts";
import type { ModelParams } from "../model/params.ts";
import { pairKey } from "../model/pairs.ts";
import type { Rng } from "../model/rng.ts";
import type { RuleId } from "../model/rules-catalogue.ts";
import type { SeatId } from "../model/basics.ts";
import { cbmInForce, type Cbm, type CbmBite, type CbmKind } from "../model/cbms.ts";
import type { GameState, Incident } from "../model/types.ts";

/** Mutable context of one resolution. Never escapes resolveTurn. */
export interface Ctx {
  s: GameState;
  p: ModelParams;
  rng: Rng;
  turn: number;
  events: GameEvent[];
  /** Pairs whose tension rose this turn (no decay for them). */
  touched: Set<string>;
  hunting: Set<SeatId>;
  /** `seat:incidentId` being investigated this turn. */
  investigating: Set<string>;
  /** `seat:incident` pairs whose attribution another adopter's logs help this turn (norm on assistance). */
  assisted: Set<string>;
  /** `spy>target` pairs of espionage this turn. */
  spied: Set<string>;
  /** Pairs whose tension reached the armed-conflict threshold at some moment this turn, with the peak. */
  peaks: Map<string, number>;
  /** Seats that struck this turn, in order, with their targets. */
  strikes: Array<{ by: SeatId; target: SeatId }>;
}

/** A deep-enough copy of the state: everything resolution may change is new; history is shared. */
export function cloneState(s: GameState): GameState {
  const nations: GameState["nations"] = {};
  for (const id of s.seats) nations[id] = { ...(own(s.nations, id) as GameState["nations"][string]) };
  const tensionHistory: Record<string, number[]> = {};
  for (const k of Object.keys(s.tensionHistory))
    tensionHistory[k] = (s.tensionHistory[k] as number[]).slice();
  const intel: GameState["intel"] = {};
  for (const k of Object.keys(s.intel)) intel[k] = (own(s.intel, k) ?? []).slice();
  const scores: GameState["scores"] = {};
  for (const k of Object.keys(s.scores)) scores[k] = { ...(own(s.scores, k) as GameState["scores"][string]) };
  return {
    ...s,
    nations,
    tension: { ...s.tension },
    brinks: { ...s.brinks },
    alliances: s.alliances,
    suspicion: { ...s.suspicion },
    tensionHistory,
    incidents: s.incidents.map(cloneIncident),
    accesses: s.accesses.slice(),
    intel,
    cbms: s.cbms.slice(),
    proposals: s.proposals.map((p) => ({ ...p, accepted: p.accepted.slice(), declined: p.declined.slice() })),
    inquiries: s.inquiries.map((q) => ({ ...q })),
    statements: s.statements.slice(),
    orders: { ...s.orders },
    injects: s.injects.slice(),
    events: s.events.slice(),
    scores,
  };
}

function cloneIncident(i: Incident): Incident {
  const knowledge: Incident["knowledge"] = {};
  for (const k of Object.keys(i.knowledge))
    knowledge[k] = { ...(own(i.knowledge, k) as Incident["knowledge"][string]) };
  return {
    ...i,
    knowledge,
    publicAttributions: i.publicAttributions.slice(),
    deniedBy: i.deniedBy.slice(),
    blame: { ...i.blame },
    misled: i.misled.slice(),
  };
}

/** A new opaque id: random (from the game's PRNG), so ids reveal nothing about hidden things. */
export function newId(rng: Rng, prefix: string): string {
  return (
    prefix +
    Math.floor(rng.next() * 0x100000000)
      .toString(36)
      .padStart(7, "0")
  );
}

/** Records an event. */
export function emit(
  ctx: Ctx,
  rule: RuleId,
  visibleTo: GameEvent["visibleTo"],
  text: string,
  extra?: Partial<GameEvent>,
): void {
  ctx.events.push({ turn: ctx.turn, rule, visibleTo, text, ...extra });
}

/**
 * Whose networks an incident hit, as a sentence about `subject` reads it: "its own networks" when the subject
 * is the victim, else the victim's name.
 */
export function victimPhrase(s: GameState, subject: SeatId, target: SeatId): string {
  return subject === target ? "its own networks" : nameOf(s, target);
}

/** Rounds to 3 decimals so stored numbers stay short and stable. */
export function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/**
 * Changes one of a state's measures (rounded like every stored number) and adds the change actually applied
 * to `into`, for the event that says why; returns it.
 */
export function shiftMeasure(
  ctx: Ctx,
  into: MeasureChange[],
  seat: SeatId,
  measure: MeasureChange["measure"],
  delta: number,
): number {
  const n = own(ctx.s.nations, seat);
  if (!n || delta === 0) return 0;
  const before = n[measure];
  n[measure] = round3(before + delta);
  const applied = round3(n[measure] - before);
  if (applied !== 0) into.push({ seat, measure, delta: applied });
  return applied;
}

/** The `changes` field of an event: absent when nothing changed. */
export function withChanges(changes: readonly MeasureChange[]): Partial<GameEvent> {
  return changes.length > 0 ? { changes: changes.slice() } : {};
}

/**
 * Changes a pair's tension (clamped 0–10) and records why, with any measure `changes` the same cause made;
 * returns the tension change actually applied.
 */
export function addTension(
  ctx: Ctx,
  a: SeatId,
  b: SeatId,
  delta: number,
  rule: RuleId,
  visibleTo: GameEvent["visibleTo"],
  text: string,
  incident?: string,
  changes: readonly MeasureChange[] = [],
): number {
  if (a === b || (delta === 0 && changes.length === 0)) return 0;
  const key = pairKey(a, b);
  const before = ctx.s.tension[key] ?? 0;
  const after = round3(Math.min(10, Math.max(0, before + delta)));
  ctx.s.tension[key] = after;
  if (delta > 0) ctx.touched.add(key);
  if (after >= ctx.p.armedConflictTension && after > (ctx.peaks.get(key) ?? 0)) ctx.peaks.set(key, after);
  const applied = round3(after - before);
  if (applied === 0 && changes.length === 0) return 0;
  emit(ctx, rule, visibleTo, text, {
    ...(applied !== 0 ? { tension: { pair: key, delta: applied } } : {}),
    ...(incident ? { incident } : {}),
    ...withChanges(changes),
  });
  return applied;
}

/**
 * True when a CBM of `kind` binds `a` (and `b`, when given), asked on behalf of `_rule`: the rule whose
 * outcome the answer changes, which must be one of the kind's `bites` in model/cbms.ts. Only the compiler and
 * the bites test read it: they keep that index naming every rule a measure changes.
 */
export function hasCbm<K extends CbmKind>(
  s: GameState,
  kind: K,
  _rule: CbmBite<K>,
  a: SeatId,
  b?: SeatId,
): boolean {
  return cbmInForce(s, kind, a, b);
}

/**
 * The measures of `kind` that bind `seat`, in the order they entered into force, asked on behalf of `_rule`
 * (one of the kind's bites).
 */
export function cbmsBinding<K extends CbmKind>(
  s: GameState,
  kind: K,
  _rule: CbmBite<K>,
  seat: SeatId,
): Cbm[] {
  return s.cbms.filter((c) => c.kind === kind && c.members.includes(seat));
}

/**
 * The turn since which a state has been bound by a CBM kind, or null, asked on behalf of `rule` (one of the
 * kind's bites).
 */
export function cbmSince<K extends CbmKind>(
  s: GameState,
  kind: K,
  rule: CbmBite<K>,
  seat: SeatId,
): number | null {
  let since: number | null = null;
  for (const c of cbmsBinding(s, kind, rule, seat))
    since = since === null ? c.since : Math.min(since, c.since);
  return since;
}

/** A state's display name. */
export function nameOf(s: GameState, id: SeatId | null): string {
  if (id === null) return "a non-state actor";
  return own(s.nations, id)?.name ?? id;
}
