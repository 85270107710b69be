/**
 * The exercise connection: create an exercise or reopen it with its key, its dashboard and comparison, its
 * requests.
 */
import { Client, type Room } from "@colyseus/sdk";
import { signal } from "@preact/signals";
import type {
  CreateExerciseOptions,
  ExerciseAnswers,
  ExerciseComparison,
  ExerciseDashboard,
  ExerciseRequestType,
  ExerciseWelcome,
} from "@firebreak/shared/browser";
import { plainThrown } from "../ui/error-words.ts";

/** The exercise this browser runs (its id and facilitator key), kept so a reload reopens it. */
export const exercise = signal<{ id: string; key: string } | null>(null);
/** The dashboard of every table, as last sent. */
export const dashboard = signal<ExerciseDashboard | null>(null);
/** The tables compared, as last sent. */
export const comparison = signal<ExerciseComparison | null>(null);
/** Whether the dashboard page is shown. */
export const showExercise = signal(false);
/** True while the dashboard's connection is lost and being reopened (the server or its process restarted). */
export const reconnecting = signal(false);

const STORAGE_KEY = "firebreak:exercise";
let room: Room | null = null;

function sdk(): Client {
  const { protocol, host, hostname } = window.location;
  const ws = protocol === "https:" ? "wss" : "ws";
  return new Client(
    import.meta.hot ? `${ws}://${hostname}:${import.meta.env.VITE_SERVER_PORT ?? "2567"}` : `${ws}://${host}`,
  );
}

function attach(r: Room): void {
  room = r;
  r.onMessage("welcome", (w: ExerciseWelcome) => {
    exercise.value = { id: w.exerciseId, key: w.key };
    localStorage.setItem(STORAGE_KEY, JSON.stringify(exercise.value));
  });
  r.onMessage("exercise", (d: ExerciseDashboard) => {
    dashboard.value = d;
  });
  r.onMessage("comparison", (c: ExerciseComparison) => {
    comparison.value = c;
  });
  r.onLeave(() => {
    // Not the facilitator leaving (closeExercise lets go of the room first): the room closed under it, when
    // the server restarted or, in a cluster, its process stopped; another process opens it within seconds.
    if (room !== r) return;
    room = null;
    void reopenSoon();
  });
  showExercise.value = true;
  if (window.location.hash !== "#exercise") history.replaceState(null, "", "#exercise");
}

/** Creates an exercise; this browser becomes its facilitator and shows its dashboard. */
export async function createExercise(options: CreateExerciseOptions): Promise<void> {
  try {
    attach(await sdk().create("exercise", options));
  } catch (e) {
    throw new Error(plainThrown(e));
  }
}

/** The exercise kept in this browser, if any. */
export function savedExercise(): { id: string; key: string } | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as { id: string; key: string }) : null;
  } catch {
    return null;
  }
}

/** Reopens the exercise kept in this browser; false when there is none or it is gone. */
export async function reopenExercise(): Promise<boolean> {
  const saved = savedExercise();
  if (!saved) return false;
  try {
    attach(await sdk().joinById(saved.id, { token: saved.key }));
    return true;
  } catch {
    return false;
  }
}

/** The pauses between attempts to reopen a lost dashboard, in ms (about a minute in all). */
const REOPEN_PAUSES = [250, 500, 1000, 2000, 4000, 8000, 8000, 8000, 8000, 8000];

/** Reopens the dashboard with the kept key after its connection was lost, trying for about a minute. */
async function reopenSoon(): Promise<void> {
  reconnecting.value = true;
  try {
    for (const pause of REOPEN_PAUSES) {
      await new Promise((r) => setTimeout(r, pause));
      if (room || !showExercise.value) return;
      if (await reopenExercise()) return;
    }
  } finally {
    reconnecting.value = false;
  }
}

/** Leaves the dashboard (the exercise goes on; it can be reopened from this browser). */
export async function closeExercise(): Promise<void> {
  showExercise.value = false;
  history.replaceState(null, "", window.location.pathname);
  const r = room;
  room = null;
  if (r) await r.leave(true);
}

/** Sends an exercise request; its answer, or the refusal in words. */
export async function exerciseAsk<T extends ExerciseRequestType>(
  type: T,
  payload: unknown = {},
): Promise<{ ok: true; answer: ExerciseAnswers[T] } | { ok: false; error: string }> {
  if (!room) return { ok: false, error: "The dashboard is not connected. Reload the page." };
  try {
    return { ok: true, answer: (await room.request(type, payload)) as ExerciseAnswers[T] };
  } catch (e) {
    return { ok: false, error: plainThrown(e) };
  }
}

/** Downloads the tables as CSV with the facilitator key (the key travels in a header, never in the URL). */
export async function downloadCsv(): Promise<string | null> {
  const ex = exercise.value;
  if (!ex) return "No exercise is open.";
  const res = await fetch(`/api/exercises/${encodeURIComponent(ex.id)}/tables.csv`, {
    headers: { Authorization: `Bearer ${ex.key}` },
  });
  if (!res.ok) return "The tables could not be downloaded.";
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement("a");
  a.href = url;
  a.download = "tables.csv";
  a.click();
  URL.revokeObjectURL(url);
  return null;
}

// A reload of the dashboard (#exercise) reopens the exercise kept in this browser.
if (typeof window !== "undefined" && window.location.hash === "#exercise") void reopenExercise();
