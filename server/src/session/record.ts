/** The engine record of a session, derived from its journal (tokens and chat stay out of it). */
import {
  createGame,
  forkRecord,
  newRecord,
  stateHash,
  type GameRecord,
  type Scenario,
} from "@firebreak/shared";
import type { StoredEntry } from "./journal.ts";
import { ok, refuse, type Result } from "./result.ts";
import { applyEntry, createSession } from "./session.ts";
import { engineStep } from "./strikes.ts";
import { engineOptions, treatedScenario } from "./treated.ts";

/**
 * Rebuilds a game's replayable record (seed, engine steps and a state hash per turn; docs/protocol.md §3.4)
 * from its journal: the journal is folded as the session folds it, and each entry contributes the engine step
 * it made (a strike held for approval is not one until a facilitator approves it).
 */
export function recordOf(entries: readonly StoredEntry[], base: Scenario): Result<GameRecord> {
  const first = entries[0];
  if (first?.kind !== "create") return refuse("NO_SUCH_GAME", "A journal starts with its create entry.");
  // A game with parameter overrides (an exercise's treatment) was played in the scenario with them.
  const scenario = treatedScenario(base, first.options);
  const created = createGame(scenario, first.options.seed, engineOptions(first.options));
  if (!created.ok) return created;
  const start = createSession(first, base);
  if (!start.ok) return start;
  const steps: GameRecord["steps"] = [];
  const everBot = new Set<string>();
  let s = start.value;
  for (const e of entries.slice(1)) {
    const step = engineStep(s, e);
    const r = applyEntry(s, e);
    if (!r.ok) return r;
    s = r.value;
    if (e.kind === "bot" && e.bot) everBot.add(e.seat);
    if (step) steps.push(step.type === "resolve" ? { ...step, hash: stateHash(s.game) } : step);
  }
  const controller = (seat: string): string => {
    const c = s.seats.find((x) => x.seat === seat);
    return c && (c.bot || everBot.has(seat)) ? `bot:${c.persona}` : "human";
  };
  const state = created.value;
  const seats = state.seats.map((seat) => ({ seat, controller: controller(seat) }));
  // A fork's record begins with its parent's steps up to the fork's turn, then the fork's seed takes over.
  const fork = first.options.fork;
  if (fork)
    return ok(forkRecord(scenario, fork, first.options.seed, { seats, steps, finalHash: stateHash(s.game) }));
  const record = newRecord(scenario, first.options.seed, state.options, seats, state);
  record.steps.push(...steps);
  record.finalHash = stateHash(s.game);
  // A treated game's scenario is not the catalogue's: the record carries it whole, so it replays with nothing
  // else.
  if (scenario !== base) record.scenarioData = scenario;
  return ok(record);
}
