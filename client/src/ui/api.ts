/** Scenario summaries from the HTTP API. */
import { signal } from "@preact/signals";
import type { ScenarioSummary } from "@firebreak/shared/browser";

export type { ScenarioSummary };

/** The scenario catalogue (loaded once). */
export const scenarios = signal<ScenarioSummary[]>([]);

/** Loads the catalogue. */
export async function loadScenarios(): Promise<void> {
  const res = await fetch("/api/scenarios");
  scenarios.value = (await res.json()) as ScenarioSummary[];
}
