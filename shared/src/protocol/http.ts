/**
 * The HTTP API's answers (docs/protocol.md §3): the scenario list, the join-code lookup, the wake route, and
 * every refusal.
 */
import type { Scenario } from "../scenario/schema.ts";
import type { SessionPhase } from "./phase.ts";

/**
 * A scenario as GET /api/scenarios lists it: its public parts only (no secret briefings, objectives or
 * notes).
 */
export interface ScenarioSummary {
  id: string;
  title: string;
  summary: string;
  briefing: string;
  turns: number;
  states: Array<{ id: string; name: string; summary: string }>;
  injects: Array<{ id: string; title: string; text: string }>;
  hints: Array<{ turn: number; text: string }>;
}

/** The public summary of a scenario. */
export function scenarioSummary(s: Scenario): ScenarioSummary {
  return {
    id: s.id,
    title: s.title,
    summary: s.summary,
    briefing: s.briefing,
    turns: s.turns ?? (s.params?.turns as number | undefined) ?? 12,
    states: s.states.map((st) => ({ id: st.id, name: st.name, summary: st.summary })),
    injects: (s.injects?.library ?? []).map((i) => ({ id: i.id, title: i.title, text: i.text })),
    hints: s.hints ?? [],
  };
}

/** GET /api/games/:code answers 200 with the game behind a join code. */
export interface CodeLookup {
  roomId: string;
  code: string;
  name: string;
  phase: SessionPhase;
  scenario: ScenarioSummary | null;
  /** For an exercise's code (§20): the seat to take, the one with fewest players at the table found. */
  seat?: string;
  /** For an exercise's code: the exercise's name and the table's number (never its treatment). */
  exercise?: { name: string; table: number };
}

/** POST /api/games/:gameId/wake answers 200: the game runs (`woken`: it was asleep until now). */
export interface WakeAnswer {
  roomId: string;
  woken: boolean;
}

/** Every HTTP refusal's body. */
export interface HttpError {
  code: string;
  message: string;
}
