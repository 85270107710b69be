/** The engine record of a session, derived from its journal (tokens and chat stay out of it). */
import {
  applyStep,
  createGame,
  newRecord,
  stateHash,
  type GameRecord,
  type Scenario,
} from "@firebreak/shared";
import { ok, refuse, type Result } from "./result.ts";
import { replayJournal } from "./session.ts";
import type { StoredEntry } from "./journal.ts";

/** Rebuilds a game's replayable record (seed, engine steps and a state hash per turn; docs/protocol.md §3.4) from its journal. */
export function recordOf(entries: readonly StoredEntry[], scenario: Scenario): Result<GameRecord> {
  const first = entries[0];
  if (first?.kind !== "create") return refuse("NO_SUCH_GAME", "A journal starts with its create entry.");
  const created = createGame(scenario, first.options.seed, { cbms: first.options.cbms });
  if (!created.ok) return created;
  let state = created.value;
  const controllers = new Map<string, string>(state.seats.map((s) => [s, "human"]));
  const session = replayJournal(entries, scenario);
  const everBot = new Set(
    entries.filter((e) => e.kind === "bot" && e.bot).map((e) => (e as { seat: string }).seat),
  );
  if (session.ok)
    for (const c of session.value.seats)
      if (c.bot || everBot.has(c.seat)) controllers.set(c.seat, `bot:${c.persona}`);
  const record = newRecord(
    scenario,
    first.options.seed,
    state.options,
    state.seats.map((s) => ({ seat: s, controller: controllers.get(s) ?? "human" })),
    state,
  );
  for (const e of entries) {
    if (e.kind !== "step") continue;
    const r = applyStep(state, e.step);
    if (!r.ok) return r;
    state = r.value.state;
    record.steps.push(e.step.type === "resolve" ? { ...e.step, hash: stateHash(state) } : e.step);
  }
  record.finalHash = stateHash(state);
  return ok(record);
}
