/**
 * The engine steps a journal made, read without an engine: for the record of a game this server no longer
 * replays (archive.ts). The journal keeps what each seat submitted; under the strike rules the engine was given
 * less (strikes held for approval, a bot's strike before the allowed turn) or more later (a facilitator's
 * approval adds the held strikes to the seat's orders). This fold follows those rules as the session does
 * (strikes.ts), from the create options and the facilitators' settings entries alone.
 */
import type { GameRecord, Order, StrikeRule } from "@firebreak/shared";
import { authorOf, type StoredEntry } from "../session/journal.ts";
import { initialSettings } from "../session/settings.ts";
import { isStrike, strikesKeptOut } from "../session/strikes.ts";

/**
 * The engine steps of `entries` (a journal from its create entry on) in order, each resolution with the hash
 * its entry kept.
 */
export function journalSteps(entries: readonly StoredEntry[]): GameRecord["steps"] {
  const first = entries[0];
  if (first?.kind !== "create") return [];
  let rule: StrikeRule = initialSettings(first.options).strikes;
  /** Each seat's orders as the engine has them this turn. */
  const given = new Map<string, unknown[]>();
  /** Each seat's strikes waiting for a facilitator this turn, with the turn. */
  const held = new Map<string, { turn: number; strikes: unknown[] }>();
  const steps: GameRecord["steps"] = [];
  for (const e of entries) {
    if (e.kind === "settings" && e.settings.strikes !== undefined) rule = e.settings.strikes;
    if (e.kind === "strike") {
      const waiting = e.approve ? held.get(e.seat) : undefined;
      held.delete(e.seat);
      if (waiting === undefined) continue;
      const orders = [...(given.get(e.seat) ?? []), ...waiting.strikes];
      given.set(e.seat, orders);
      steps.push({ type: "orders", turn: waiting.turn, seat: e.seat, orders: orders as Order[] });
    }
    if (e.kind !== "step") continue;
    const step = e.step;
    if (step.type === "resolve" || step.type === "end") {
      given.clear();
      held.clear();
      steps.push(step.type === "resolve" && e.hash !== undefined ? { ...step, hash: e.hash } : step);
      continue;
    }
    if (step.type !== "orders") {
      steps.push(step);
      continue;
    }
    const list: unknown[] = Array.isArray(step.orders) ? step.orders : [];
    const by = authorOf(e);
    const out = list.some(isStrike) && strikesKeptOut(rule, by, step.turn);
    const engine = out ? list.filter((o) => !isStrike(o)) : list;
    given.set(step.seat, engine);
    // As heldAfter: the seat's new list replaces what it held; its strikes wait under "approval".
    if (by !== null && by !== "system") {
      held.delete(step.seat);
      const strikes = list.filter(isStrike);
      if (rule === "approval" && strikes.length > 0) held.set(step.seat, { turn: step.turn, strikes });
    }
    steps.push(out ? { ...step, orders: engine as Order[] } : step);
  }
  return steps;
}
