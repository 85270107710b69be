/**
 * The replay's place in the app: loads the replay chunk (the engine, with zod) only when a replay is opened.
 */
import type { ComponentType } from "preact";
import { useEffect } from "preact/hooks";
import { useSignal } from "@preact/signals";
import "./review.css";
import type { ReplaySource } from "./route.ts";

type ReplayComponent = ComponentType<{ source: ReplaySource }>;

/** The replay screen, its chunk imported on first use. */
export function ReplayScreen({ source }: { source: ReplaySource }) {
  const loaded = useSignal<{ Replay: ReplayComponent } | null>(null);
  const failed = useSignal(false);
  useEffect(() => {
    void import("./replay.tsx")
      .then((m) => (loaded.value = { Replay: m.Replay }))
      .catch(() => (failed.value = true));
  }, []);
  const R = loaded.value?.Replay;
  if (R) return <R source={source} />;
  return (
    <main class="replay">
      <h1>Replay</h1>
      {failed.value ? (
        <p role="alert" class="error">
          The replay could not be loaded: reload the page to try again.
        </p>
      ) : (
        <p role="status">Loading the replay…</p>
      )}
    </main>
  );
}
