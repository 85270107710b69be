/**
 * A new exercise from its creator's options (docs/protocol.md §20.1): checked, its treatments assigned, or
 * why not.
 */
import { exerciseOptionsSchema } from "@firebreak/shared";
import { usableScenario } from "../scenarios/uploads.ts";
import { cleanName } from "../session/names.ts";
import type { Mint } from "../session/requests.ts";
import { ok, refuse, type Result } from "../session/result.ts";
import { assignTreatments } from "./assign.ts";
import type { Exercise } from "./model.ts";

/**
 * The exercise the raw create options describe, with fresh ids, code and key; nothing is stored or opened
 * yet.
 */
export function newExercise(raw: unknown, mint: Mint, at: number): Result<Exercise> {
  const parsed = exerciseOptionsSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const path = first && first.path.length > 0 ? ` at ${first.path.map(String).join(".")}` : "";
    return refuse("INVALID_REQUEST", `Malformed exercise options${path}: ${first?.message ?? "invalid"}.`);
  }
  const o = parsed.data;
  // An uploaded scenario only with its owner key; a wrong key is refused as an unknown scenario (nothing
  // learnt).
  if (!usableScenario(o.scenario, o.scenarioKey))
    return refuse("UNKNOWN_SCENARIO", `no scenario "${o.scenario}"`);
  const treatments = (o.treatments ?? []).map((t) => ({ label: t.label, options: t.options ?? {} }));
  const labels = new Set(treatments.map((t) => t.label.toLowerCase()));
  if (labels.size !== treatments.length)
    return refuse("INVALID_REQUEST", "Two treatments have the same label.");
  const seed = o.seed ?? mint.token();
  const assignment = o.assignment ?? "balanced";
  const arms = assignTreatments(o.tables, treatments.length, seed, assignment);
  return ok({
    id: mint.id("x"),
    code: mint.code(),
    key: mint.token(),
    name: cleanName(o.name).slice(0, 60) || "Class exercise",
    scenario: o.scenario,
    seed,
    creatorName: cleanName(o.creatorName ?? "").slice(0, 40) || "Facilitator",
    createdAt: at,
    turnSeconds: o.turnSeconds ?? 300,
    botLevel: o.botLevel ?? "normal",
    treatments,
    assignment,
    hypothesis: (o.hypothesis ?? "").trim(),
    tables: arms.map((treatment) => ({ game: mint.id("g"), treatment })),
    revealed: false,
  });
}
