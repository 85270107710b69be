/**
 * Finding and reading scenario files on disk: the command-line tools, the server's catalogue and the tests
 * load scenarios through it. io/ is the one folder of shared/ (besides the command-line tools in cli/) that
 * touches the file system; the rules, the scenario schema and its validation stay pure, and the browser entry
 * never reaches it. Node only, exported as "@firebreak/shared/scenario-files".
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, extname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseScenario, type ScenarioResult } from "../scenario/validate.ts";

/** The repository's scenarios/ folder. */
export const SCENARIOS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../../../scenarios");

/** Reads and validates one scenario file (.json, .yaml or .yml). */
export function loadScenarioFile(path: string): ScenarioResult {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    return { ok: false, problems: [{ path: "", message: `cannot read ${path}: ${(e as Error).message}` }] };
  }
  return parseScenario(text, extname(path).toLowerCase() === ".json" ? "json" : "yaml");
}

/** Resolves a scenario argument: a file path, or an id looked up in scenarios/. */
export function findScenario(idOrPath: string): ScenarioResult {
  if (existsSync(idOrPath)) return loadScenarioFile(idOrPath);
  for (const ext of [".yaml", ".yml", ".json"]) {
    const p = join(SCENARIOS_DIR, idOrPath + ext);
    if (existsSync(p)) return loadScenarioFile(p);
  }
  return {
    ok: false,
    problems: [{ path: "", message: `no scenario file or id "${idOrPath}" (looked in ${SCENARIOS_DIR})` }],
  };
}
