/** Play solo: a scenario, a state, the bots' level and how they are cast, then a game against bots. */
import { useSignal, type Signal } from "@preact/signals";
import { createGame } from "../net/client.ts";
import type { ScenarioSummary } from "./api.ts";

/** The solo card; the scenario chosen here is the class card's too, and the name is the join card's. */
export function SoloCard({
  list,
  sc,
  scenarioId,
  name,
  run,
}: {
  list: ScenarioSummary[];
  sc: ScenarioSummary | undefined;
  scenarioId: Signal<string>;
  name: Signal<string>;
  run: (fn: () => Promise<void>) => unknown;
}) {
  const seat = useSignal("");
  const level = useSignal<"easy" | "normal" | "hard">("normal");
  const cast = useSignal<"scenario" | "random">("scenario");
  const chosenSeat = seat.value || sc?.states[0]?.id || "";
  return (
    <section aria-labelledby="solo-h" class="card">
      <h2 id="solo-h">Play solo</h2>
      <fieldset>
        <legend>Scenario</legend>
        {list.map((s) => (
          <label key={s.id} class="choice">
            <input
              type="radio"
              name="scenario"
              value={s.id}
              checked={s.id === sc?.id}
              onChange={() => {
                scenarioId.value = s.id;
                seat.value = "";
              }}
            />
            <span>
              <strong>{s.title}</strong>{" "}
              <small>
                ({s.states.length} states, {s.turns} turns)
              </small>
            </span>
          </label>
        ))}
      </fieldset>
      {sc && <p class="scenario-summary">{sc.summary}</p>}
      {sc && (
        <details>
          <summary>Briefing</summary>
          <p class="briefing">{sc.briefing}</p>
        </details>
      )}
      <label>
        Your state{" "}
        <select value={chosenSeat} onChange={(e) => (seat.value = (e.target as HTMLSelectElement).value)}>
          {sc?.states.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Bot level{" "}
        <select
          value={level.value}
          onChange={(e) =>
            (level.value = (e.target as HTMLSelectElement).value as "easy" | "normal" | "hard")
          }
        >
          <option value="easy">easy</option>
          <option value="normal">normal</option>
          <option value="hard">hard</option>
        </select>
      </label>
      <label>
        Opponents{" "}
        <select
          value={cast.value}
          onChange={(e) => (cast.value = (e.target as HTMLSelectElement).value as "scenario" | "random")}
        >
          <option value="scenario">as the scenario casts them</option>
          <option value="random">at random</option>
        </select>
      </label>
      <p>
        <small>
          Each bot plays a doctrine (hawk, dove, reciprocal, forgiving, opportunist, norm builder); the
          debrief tells you which.
        </small>
      </p>
      <button
        type="button"
        class="primary"
        onClick={() =>
          run(() =>
            createGame({
              scenario: sc?.id ?? "",
              name: `Solo: ${sc?.title ?? ""}`.slice(0, 60),
              creatorName: name.value || "Player",
              solo: { seat: chosenSeat },
              botLevel: level.value,
              cast: cast.value,
            }),
          )
        }
      >
        Play solo as {sc?.states.find((s) => s.id === chosenSeat)?.name}
      </button>
    </section>
  );
}
