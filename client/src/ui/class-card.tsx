/** Run a class: an exercise name and minutes per turn, then a game the creator facilitates. */
import { useSignal } from "@preact/signals";
import { createGame } from "../net/client.ts";
import type { ScenarioSummary } from "./api.ts";

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
          max={60}
          value={minutes.value}
          onInput={(e) => (minutes.value = Number((e.target as HTMLInputElement).value))}
        />
      </label>
      <p>
        Scenario: <strong>{sc?.title}</strong> <small>(choose another under Play solo)</small>
      </p>
      <button
        type="button"
        class="primary"
        onClick={() =>
          run(() =>
            createGame({
              scenario: sc?.id ?? "",
              name: className.value || "Class exercise",
              creatorName: "Facilitator",
              turnSeconds: Math.round(minutes.value * 60),
            }),
          )
        }
      >
        Open the exercise
      </button>
    </section>
  );
}
