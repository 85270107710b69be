/** The scenario catalogue the server offers, loaded once from scenarios/. */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import type { Scenario } from "@firebreak/shared";
import { loadScenarioFile, SCENARIOS_DIR } from "@firebreak/shared/scenario-files";

/** Loads every valid scenario file; invalid ones are reported and skipped. */
export function loadCatalogue(
  dir = SCENARIOS_DIR,
  warn: (msg: string) => void = () => {},
): Map<string, Scenario> {
  const out = new Map<string, Scenario>();
  for (const f of readdirSync(dir).sort()) {
    if (!/\.(ya?ml|json)$/.test(f)) continue;
    const r = loadScenarioFile(join(dir, f));
    if (r.ok) out.set(r.scenario.id, r.scenario);
    else warn(`scenario ${f} skipped: ${r.problems.map((p) => `${p.path}: ${p.message}`).join("; ")}`);
  }
  return out;
}
