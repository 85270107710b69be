/**
 * Sending every table the same facilitator request (start, pause, resume, extend, inject, message), with each
 * table's answer.
 */
import { useSignal } from "@preact/signals";
import type { Broadcast, TableResult } from "@firebreak/shared/browser";
import { scenarios } from "../ui/api.ts";
import { ConfirmDialog } from "../ui/confirm-dialog.tsx";
import { exerciseAsk } from "./net.ts";

/** The broadcast bar of the dashboard. */
export function BroadcastBar({ scenarioId }: { scenarioId: string }) {
  const results = useSignal<{ what: string; results: TableResult[] } | null>(null);
  const error = useSignal("");
  const minutes = useSignal(2);
  const injectId = useSignal("");
  const customTitle = useSignal("");
  const customText = useSignal("");
  const message = useSignal("");
  const ending = useSignal(false);
  const library = scenarios.value.find((s) => s.id === scenarioId)?.injects ?? [];

  const send = async (what: string, b: Broadcast) => {
    error.value = "";
    const r = await exerciseAsk("ex:broadcast", b);
    if (r.ok) results.value = { what, results: r.answer.results };
    else error.value = r.error;
  };

  return (
    <section aria-labelledby="broadcast-h" class="card broadcast">
      <h2 id="broadcast-h">Every table at once</h2>
      <div class="row-buttons">
        <button type="button" class="primary" onClick={() => send("Start", { action: "start" })}>
          Start all tables
        </button>
        <button type="button" onClick={() => send("Pause", { action: "pause" })}>
          Pause all
        </button>
        <button type="button" onClick={() => send("Resume", { action: "resume" })}>
          Resume all
        </button>
        <button type="button" class="danger" onClick={() => (ending.value = true)}>
          End all tables
        </button>
        <label>
          Minutes{" "}
          <input
            type="number"
            min={1}
            max={7 * 24 * 60}
            value={minutes.value}
            onInput={(e) => (minutes.value = Number(e.currentTarget.value))}
          />
        </label>
        <button
          type="button"
          onClick={() =>
            send("Extend", {
              action: "extend",
              seconds: Math.min(7 * 24 * 3600, Math.max(10, Math.round(minutes.value * 60))),
            })
          }
        >
          Add time to all
        </button>
      </div>
      <div class="row-buttons">
        <label>
          Inject{" "}
          <select value={injectId.value} onChange={(e) => (injectId.value = e.currentTarget.value)}>
            <option value="">a custom inject…</option>
            {library.map((i) => (
              <option key={i.id} value={i.id}>
                {i.title}
              </option>
            ))}
          </select>
        </label>
        {injectId.value === "" && (
          <>
            <label>
              Title{" "}
              <input
                value={customTitle.value}
                maxLength={80}
                onInput={(e) => (customTitle.value = e.currentTarget.value)}
              />
            </label>
            <label>
              Text{" "}
              <input
                value={customText.value}
                maxLength={1000}
                onInput={(e) => (customText.value = e.currentTarget.value)}
              />
            </label>
          </>
        )}
        <button
          type="button"
          onClick={() =>
            send(
              "Inject",
              injectId.value
                ? { action: "inject", inject: { id: injectId.value } }
                : {
                    action: "inject",
                    inject: {
                      inject: {
                        id: `custom-${Date.now().toString(36)}`,
                        title: customTitle.value.trim() || "News",
                        text: customText.value.trim() || customTitle.value.trim() || "News",
                        effects: [],
                      },
                    },
                  },
            )
          }
        >
          Fire at every table
        </button>
      </div>
      <div class="row-buttons">
        <label>
          Message{" "}
          <input
            value={message.value}
            maxLength={2000}
            onInput={(e) => (message.value = e.currentTarget.value)}
          />
        </label>
        <button
          type="button"
          disabled={message.value.trim() === ""}
          onClick={() => send("Message", { action: "message", text: message.value.trim() })}
        >
          Send to every table
        </button>
      </div>
      {error.value && (
        <p role="alert" class="error">
          {error.value}
        </p>
      )}
      {results.value && (
        <p role="status" class="broadcast-results">
          {results.value.what}:{" "}
          {results.value.results.map((r) => (
            <span key={r.table} class={r.ok ? "done" : "refused"}>
              table {r.index} {r.ok ? "done" : `refused (${r.message ?? r.code})`}
            </span>
          ))}
        </p>
      )}
      {ending.value && (
        <ConfirmDialog
          ask={{
            title: "End the game at every table?",
            lines: ["Each table stops where it is and goes to its debrief. This cannot be undone."],
            confirm: "End all tables",
          }}
          onConfirm={() => {
            ending.value = false;
            void send("End", { action: "end" });
          }}
          onCancel={() => (ending.value = false)}
        />
      )}
    </section>
  );
}
