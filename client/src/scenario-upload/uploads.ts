/**
 * The scenarios this browser uploaded (docs/protocol.md §3.2): kept with their owner keys, like seat tokens.
 */
import { signal } from "@preact/signals";
import type { UploadPreview, UploadProblem } from "@firebreak/shared/browser";
import type { ScenarioSummary } from "../ui/api.ts";
import { plainError } from "../ui/error-words.ts";

/** An upload kept in this browser: its id, its owner key and its preview. */
export interface KeptUpload {
  id: string;
  key: string;
  preview: UploadPreview;
}

/** What uploading a file came to. */
export type UploadAnswer =
  | { ok: true; upload: KeptUpload }
  | { ok: false; message: string; problems: UploadProblem[] };

const STORAGE_KEY = "firebreak.uploads";

function read(): KeptUpload[] {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    const list: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(list) ? (list as KeptUpload[]).filter((u) => typeof u?.id === "string") : [];
  } catch {
    return [];
  }
}

/** The uploads kept in this browser, newest first. */
export const keptUploads = signal<KeptUpload[]>(read());
/** The upload chosen for the class and exercise cards, or null for the scenario chosen under Play solo. */
export const chosenUpload = signal<string | null>(null);

function keep(u: KeptUpload): void {
  store([u, ...keptUploads.value.filter((x) => x.id !== u.id)].slice(0, 20));
}

function store(list: KeptUpload[]): void {
  keptUploads.value = list;
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(keptUploads.value));
  } catch {
    // storage full or off: the upload still works until the page is closed
  }
}

/** One problem as a line: `states[2].defense: must be … (line 40, column 5)`. */
export function problemLine(p: UploadProblem): string {
  const where =
    p.line !== undefined && !/^not valid (YAML|JSON): line/.test(p.message)
      ? ` (line ${p.line}${p.column !== undefined ? `, column ${p.column}` : ""})`
      : "";
  return `${p.path ? `${p.path}: ` : ""}${p.message}${where}`;
}

/** Uploads a file's text; keeps the upload (id and key) in this browser when the server stores it. */
export async function uploadScenario(fileName: string, text: string): Promise<UploadAnswer> {
  const res = await fetch("/api/scenario-uploads", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ fileName, text }),
  });
  const body = (await res.json().catch(() => ({}))) as {
    id?: string;
    key?: string;
    preview?: UploadPreview;
    message?: string;
    problems?: UploadProblem[];
  };
  if (res.status === 201 && body.id && body.key && body.preview) {
    const upload = { id: body.id, key: body.key, preview: body.preview };
    keep(upload);
    return { ok: true, upload };
  }
  return {
    ok: false,
    message: body.message ?? `The upload failed (${res.status}).`,
    problems: body.problems ?? [],
  };
}

/** The chosen upload as the class and exercise cards take a scenario, or undefined when none is chosen. */
export function chosenSummary(): ScenarioSummary | undefined {
  const u = keptUploads.value.find((x) => x.id === chosenUpload.value);
  if (!u) return undefined;
  const p = u.preview;
  return {
    id: p.id,
    title: p.title,
    summary: p.summary,
    briefing: "",
    turns: p.turns,
    states: p.states.map((s) => ({ id: s.id, name: s.name, summary: "" })),
    injects: [],
    hints: [],
  };
}

/** The owner key to send with create options for `scenario`, when it is one of this browser's uploads. */
export function scenarioKeyFor(scenario: string): { scenarioKey: string } | Record<string, never> {
  const u = keptUploads.value.find((x) => x.id === scenario);
  return u ? { scenarioKey: u.key } : {};
}

/**
 * Deletes one of this browser's uploads on the server (docs/protocol.md §3.11) and forgets it here; null when
 * done, else the sentence to show (one that a game or exercise still plays stays).
 */
export async function deleteUpload(u: KeptUpload): Promise<string | null> {
  const res = await fetch(`/api/scenario-uploads/${encodeURIComponent(u.id)}`, {
    method: "DELETE",
    headers: { Authorization: `Bearer ${u.key}` },
  });
  // Gone already (404): nothing on the server holds it any more, so this browser forgets it too.
  if (res.status === 204 || res.status === 404) {
    store(keptUploads.value.filter((x) => x.id !== u.id));
    if (chosenUpload.value === u.id) chosenUpload.value = null;
    return null;
  }
  const body = (await res.json().catch(() => ({}))) as { code?: string; message?: string };
  return plainError(body.code ?? "", body.message ?? `The scenario could not be deleted (${res.status}).`);
}
