/**
 * Run a class: an exercise name, minutes per turn and the session's rules (strikes, bot takeover), then a
 * game the creator facilitates.
 */
import { useSignal } from "@preact/signals";
import { createGame } from "../net/client.ts";
import type { ScenarioSummary } from "./api.ts";
import { scenarioKeyFor } from "../scenario-upload/uploads.ts";

/** The class card; its scenario is the one chosen under Play solo. */
export function ClassCard({
  sc,
  run,
}: {
  sc: ScenarioSummary | undefined;
  run: (fn: () => Promise<void>) => unknown;
}) {
  const className = useSignal("");
  const minutes = useSignal(5);
  const strikes = useSignal<"allowed" | "approval" | "notBefore">("approval");
  const notBefore = useSignal(4);
  const takeover = useSignal(true);
  const takeoverSeconds = useSignal(120);
  return (
    <section aria-labelledby="class-h" class="card">
      <h2 id="class-h">Run a class</h2>
      <p>
        You will be the facilitator: you see every seat, control the clock, fire injects and run the debrief.
      </p>
      <label>
        Exercise name{" "}
        <input
          value={className.value}
          maxLength={60}
          onInput={(e) => (className.value = (e.target as HTMLInputElement).value)}
        />
      </label>
      <label>
        Minutes per turn{" "}
        <input
          type="number"
          min={1}
          max={7 * 24 * 60}
          value={minutes.value}
          onInput={(e) => (minutes.value = Number((e.target as HTMLInputElement).value))}
        />
      </label>
      <fieldset>
        <legend>Rules for this session (you can change them during play)</legend>
        <label>
          Military strikes{" "}
          <select
            value={strikes.value}
            onChange={(e) => (strikes.value = (e.target as HTMLSelectElement).value as typeof strikes.value)}
          >
            <option value="approval">need my approval</option>
            <option value="notBefore">not before a turn</option>
            <option value="allowed">allowed</option>
          </select>
        </label>
        {strikes.value === "notBefore" && (
          <label>
            Not before turn{" "}
            <input
              type="number"
              min={1}
              max={sc?.turns ?? 40}
              value={notBefore.value}
              onInput={(e) => (notBefore.value = Number((e.target as HTMLInputElement).value) || 1)}
            />
          </label>
        )}
        <label>
          <input
            type="checkbox"
            checked={takeover.value}
            onChange={(e) => (takeover.value = (e.target as HTMLInputElement).checked)}
          />{" "}
          A bot takes over a state whose players are away
        </label>
        <label>
          after (seconds){" "}
          <input
            type="number"
            min={10}
            max={3600}
            disabled={!takeover.value}
            value={takeoverSeconds.value}
            onInput={(e) => (takeoverSeconds.value = Number((e.target as HTMLInputElement).value) || 10)}
          />
        </label>
      </fieldset>
      <p>
        Scenario: <strong>{sc?.title}</strong>{" "}
        <small>(choose another under Play solo or Use my own scenario)</small>
      </p>
      <button
        type="button"
        class="primary"
        onClick={() =>
          run(() =>
            createGame({
              scenario: sc?.id ?? "",
              ...scenarioKeyFor(sc?.id ?? ""),
              name: className.value || "Class exercise",
              creatorName: "Facilitator",
              turnSeconds: Math.round(minutes.value * 60),
              strikes: strikes.value === "notBefore" ? { notBefore: notBefore.value } : strikes.value,
              takeover: takeover.value,
              ...(takeover.value
                ? { takeoverSeconds: Math.min(3600, Math.max(10, Math.round(takeoverSeconds.value))) }
                : {}),
            }),
          )
        }
      >
        Open the exercise
      </button>
    </section>
  );
}
