/** Scenario summaries from the HTTP API. */
import { signal } from "@preact/signals";

/** A scenario as /api/scenarios lists it. */
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

/** The scenario catalogue (loaded once). */
export const scenarios = signal<ScenarioSummary[]>([]);

/** Loads the catalogue. */
export async function loadScenarios(): Promise<void> {
  const res = await fetch("/api/scenarios");
  scenarios.value = (await res.json()) as ScenarioSummary[];
}
