/** Reading scenario files moved to scenario/files.ts; this path re-exports it for the sim/ tests that still import it here. */
export { findScenario, loadScenarioFile, SCENARIOS_DIR } from "../scenario/files.ts";
