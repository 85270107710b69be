/**
 * Run an exercise: several tables of one scenario under one code, optionally an experiment with treatments.
 */
import { useSignal } from "@preact/signals";
import { CBM_KINDS, CBM_NAMES, type CbmKind, type TreatmentInput } from "@firebreak/shared/browser";
import type { ScenarioSummary } from "../ui/api.ts";
import { createExercise } from "./net.ts";
import { scenarioKeyFor } from "../scenario-upload/uploads.ts";

/** One treatment as the form edits it. */
interface TreatmentRow {
  label: string;
  cbm: CbmKind | "";
  noCbms: boolean;
  botLevel: "" | "easy" | "normal" | "hard";
  params: string;
}

const blank = (label: string): TreatmentRow => ({ label, cbm: "", noCbms: false, botLevel: "", params: "" });

/** The treatment as the create options carry it; throws when its parameters are not a JSON object. */
function treatmentOf(row: TreatmentRow, n: number): TreatmentInput {
  let params: Record<string, unknown> | undefined;
  if (row.params.trim() !== "") {
    const parsed: unknown = JSON.parse(row.params);
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
      throw new Error(`Treatment ${n}: parameters must be a JSON object, like {"brinkWarChance": 0.3}.`);
    params = parsed as Record<string, unknown>;
  }
  return {
    label: row.label.trim() || `Treatment ${n}`,
    options: {
      ...(row.cbm ? { cbms: [row.cbm] } : {}),
      ...(row.noCbms ? { noCbms: true } : {}),
      ...(row.botLevel ? { botLevel: row.botLevel } : {}),
      ...(params ? { params } : {}),
    },
  };
}

/** One treatment's fields. */
function TreatmentFields({ row, n, set }: { row: TreatmentRow; n: number; set: (r: TreatmentRow) => void }) {
  return (
    <fieldset class="treatment">
      <legend>Treatment {n}</legend>
      <label>
        Label (students never see it){" "}
        <input
          value={row.label}
          maxLength={40}
          onInput={(e) => set({ ...row, label: e.currentTarget.value })}
        />
      </label>
      <label>
        CBM in force from the start{" "}
        <select value={row.cbm} onChange={(e) => set({ ...row, cbm: e.currentTarget.value as CbmKind | "" })}>
          <option value="">none</option>
          {CBM_KINDS.map((k) => (
            <option key={k} value={k}>
              {CBM_NAMES[k]}
            </option>
          ))}
        </select>
      </label>
      <label>
        <input
          type="checkbox"
          checked={row.noCbms}
          onChange={(e) => set({ ...row, noCbms: e.currentTarget.checked })}
        />{" "}
        No CBM may be proposed
      </label>
      <label>
        Bot level{" "}
        <select
          value={row.botLevel}
          onChange={(e) => set({ ...row, botLevel: e.currentTarget.value as TreatmentRow["botLevel"] })}
        >
          <option value="">the exercise's</option>
          <option value="easy">easy</option>
          <option value="normal">normal</option>
          <option value="hard">hard</option>
        </select>
      </label>
      <label>
        Model parameters (JSON, optional){" "}
        <input
          value={row.params}
          placeholder='{"brinkWarChance": 0.3}'
          onInput={(e) => set({ ...row, params: e.currentTarget.value })}
        />
      </label>
    </fieldset>
  );
}

/** The exercise card; its scenario is the one chosen under Play solo. */
export function ExerciseCard({
  sc,
  run,
}: {
  sc: ScenarioSummary | undefined;
  run: (fn: () => Promise<void>) => unknown;
}) {
  const name = useSignal("");
  const tables = useSignal(4);
  const minutes = useSignal(5);
  const experiment = useSignal(false);
  const rows = useSignal<TreatmentRow[]>([blank("A"), blank("B")]);
  const assignment = useSignal<"balanced" | "random">("balanced");
  const hypothesis = useSignal("");
  const setRow = (i: number) => (r: TreatmentRow) => {
    rows.value = rows.value.map((x, k) => (k === i ? r : x));
  };
  return (
    <section aria-labelledby="exercise-h" class="card">
      <h2 id="exercise-h">Run an exercise</h2>
      <p>
        Several tables of the same scenario, one code for the whole class, and one dashboard for every table.
      </p>
      <label>
        Name for the class{" "}
        <input value={name.value} maxLength={60} onInput={(e) => (name.value = e.currentTarget.value)} />
      </label>
      <label>
        Number of tables{" "}
        <input
          type="number"
          min={1}
          max={20}
          value={tables.value}
          onInput={(e) => (tables.value = Number(e.currentTarget.value))}
        />
      </label>
      <label>
        Turn length (minutes){" "}
        <input
          type="number"
          min={1}
          max={10080}
          value={minutes.value}
          onInput={(e) => (minutes.value = Number(e.currentTarget.value))}
        />
      </label>
      <p>
        Scenario: <strong>{sc?.title}</strong>{" "}
        <small>(choose another under Play solo or Use my own scenario)</small>
      </p>
      <label>
        <input
          type="checkbox"
          checked={experiment.value}
          onChange={(e) => (experiment.value = e.currentTarget.checked)}
        />{" "}
        Compare treatments (an experiment)
      </label>
      {experiment.value && (
        <div class="experiment">
          {rows.value.map((r, i) => (
            <TreatmentFields key={i} row={r} n={i + 1} set={setRow(i)} />
          ))}
          <div class="row-buttons">
            <button
              type="button"
              disabled={rows.value.length >= 6}
              onClick={() =>
                (rows.value = [...rows.value, blank(String.fromCharCode(65 + rows.value.length))])
              }
            >
              Add a treatment
            </button>
            <button
              type="button"
              disabled={rows.value.length <= 1}
              onClick={() => (rows.value = rows.value.slice(0, -1))}
            >
              Remove the last
            </button>
          </div>
          <label>
            Tables get treatments{" "}
            <select
              value={assignment.value}
              onChange={(e) => (assignment.value = e.currentTarget.value as "balanced" | "random")}
            >
              <option value="balanced">evenly, in a random order</option>
              <option value="random">each at random</option>
            </select>
          </label>
          <label>
            Your hypothesis{" "}
            <textarea
              rows={2}
              maxLength={2000}
              value={hypothesis.value}
              onInput={(e) => (hypothesis.value = e.currentTarget.value)}
            />
          </label>
        </div>
      )}
      <button
        type="button"
        class="primary"
        onClick={() =>
          run(() =>
            createExercise({
              scenario: sc?.id ?? "",
              ...scenarioKeyFor(sc?.id ?? ""),
              name: name.value.trim() || "Class exercise",
              tables: Math.round(tables.value),
              turnSeconds: Math.round(minutes.value * 60),
              ...(experiment.value
                ? {
                    treatments: rows.value.map((r, i) => treatmentOf(r, i + 1)),
                    assignment: assignment.value,
                    hypothesis: hypothesis.value,
                  }
                : {}),
            }),
          )
        }
      >
        Open the tables
      </button>
    </section>
  );
}
