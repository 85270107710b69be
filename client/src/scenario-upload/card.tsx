/**
 * "Use my own scenario": upload a scenario file, see its problems by path and line or its preview, and use
 * it.
 */
import { useSignal } from "@preact/signals";
import type { UploadProblem } from "@firebreak/shared/browser";
import {
  chosenUpload,
  deleteUpload,
  keptUploads,
  problemLine,
  type KeptUpload,
  uploadScenario,
} from "./uploads.ts";

/**
 * What one upload shows before it is used: title, summary, turns, and each state with its bot and objectives.
 */
function Preview({ upload }: { upload: KeptUpload }) {
  const p = upload.preview;
  return (
    <div class="upload-preview">
      <h3>{p.title}</h3>
      <p>{p.summary}</p>
      <p>
        {p.states.length} states, {p.turns} turns
      </p>
      <ul>
        {p.states.map((s) => (
          <li key={s.id}>
            <strong>{s.name}</strong>{" "}
            {s.bot ? <small>(bot: {s.bot})</small> : <small>(bot: chosen at random)</small>}
            <ul>
              {s.objectives.map((o, i) => (
                <li key={`${s.id}-${i}`}>
                  {o.text} <small>({o.points} points)</small>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The upload card: a file input, the problems or the preview, and the scenarios this browser uploaded. */
export function UploadCard() {
  const busy = useSignal(false);
  const failure = useSignal<{ message: string; problems: UploadProblem[] } | null>(null);
  const shown = useSignal<string | null>(null);
  const deleting = useSignal<string | null>(null);
  const deleteError = useSignal<string | null>(null);
  const onDelete = async (u: KeptUpload) => {
    deleting.value = u.id;
    deleteError.value = null;
    try {
      deleteError.value = await deleteUpload(u);
      if (deleteError.value === null && shown.value === u.id) shown.value = null;
    } catch {
      deleteError.value = "The server could not be reached; try again.";
    } finally {
      deleting.value = null;
    }
  };
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    busy.value = true;
    failure.value = null;
    shown.value = null;
    try {
      const answer = await uploadScenario(file.name, await file.text());
      if (answer.ok) {
        shown.value = answer.upload.id;
        chosenUpload.value = answer.upload.id;
      } else failure.value = { message: answer.message, problems: answer.problems };
    } catch {
      failure.value = { message: "The server could not be reached; try again.", problems: [] };
    } finally {
      busy.value = false;
    }
  };
  const uploads = keptUploads.value;
  const preview = uploads.find((u) => u.id === shown.value);
  return (
    <section aria-labelledby="upload-h" class="card">
      <h2 id="upload-h">Use my own scenario</h2>
      <p>
        Upload a scenario file (YAML or JSON, written as the authoring guide <em>docs/scenarios.md</em>{" "}
        explains). Only you can use it, under Run a class or Run an exercise; it is never listed.
      </p>
      <label>
        Scenario file{" "}
        <input
          type="file"
          accept=".yaml,.yml,.json"
          disabled={busy.value}
          onChange={(e) => void onFile(e.currentTarget.files?.[0])}
        />
      </label>
      {busy.value && <p aria-live="polite">Checking the file…</p>}
      {failure.value && (
        <div role="alert" class="error upload-problems">
          <p>{failure.value.message}</p>
          <ul>
            {failure.value.problems.map((p, i) => (
              <li key={`${p.path}-${i}`}>{problemLine(p)}</li>
            ))}
          </ul>
        </div>
      )}
      {preview && <Preview upload={preview} />}
      {uploads.length > 0 && (
        <section aria-labelledby="my-uploads-h" class="my-uploads">
          <h3 id="my-uploads-h">My uploaded scenarios</h3>
          {deleteError.value && (
            <p role="alert" class="error">
              {deleteError.value}
            </p>
          )}
          <ul>
            {uploads.map((u) => (
              <li key={u.id}>
                {u.preview.title}{" "}
                <button
                  type="button"
                  disabled={deleting.value !== null}
                  aria-label={`Delete ${u.preview.title}`}
                  onClick={() => void onDelete(u)}
                >
                  {deleting.value === u.id ? "Deleting…" : "Delete"}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {uploads.length > 0 && (
        <fieldset>
          <legend>Scenario for Run a class and Run an exercise</legend>
          <label>
            <input
              type="radio"
              name="upload-choice"
              checked={chosenUpload.value === null}
              onChange={() => (chosenUpload.value = null)}
            />{" "}
            the one chosen under Play solo
          </label>
          {uploads.map((u) => (
            <label key={u.id}>
              <input
                type="radio"
                name="upload-choice"
                checked={chosenUpload.value === u.id}
                onChange={() => {
                  chosenUpload.value = u.id;
                  shown.value = u.id;
                }}
              />{" "}
              {u.preview.title} <small>(mine)</small>
            </label>
          ))}
        </fieldset>
      )}
    </section>
  );
}
