/** Home: play solo, join with a code, or run a class. */
import { signal, useSignal } from "@preact/signals";
import { createGame, farewell, joinRoom, lookupCode } from "../net/client.ts";
import { scenarios } from "./api.ts";

/** A seat invite opened from a link, waiting for the person's name. */
export const pendingInvite = signal<{ roomId: string; secret: string } | null>(null);

/** Joining through a seat invite: the person gives a name and goes straight to the seat. */
function InviteCard() {
  const inv = pendingInvite.value;
  const name = useSignal("");
  const error = useSignal("");
  if (!inv) return null;
  return (
    <section aria-labelledby="invite-h" class="card invite">
      <h2 id="invite-h">You have a seat invite</h2>
      <p>The facilitator invited you to take a seat in their game. It works once.</p>
      {error.value && (
        <p role="alert" class="error">
          {error.value}
        </p>
      )}
      <label>
        Your name in the game{" "}
        <input
          value={name.value}
          maxLength={40}
          onInput={(e) => (name.value = (e.target as HTMLInputElement).value)}
        />
      </label>
      <button
        type="button"
        class="primary"
        onClick={async () => {
          error.value = "";
          try {
            await joinRoom(inv.roomId, { invite: inv.secret, name: name.value.trim() || "Player" });
            pendingInvite.value = null;
          } catch (e) {
            error.value = (e as Error).message;
          }
        }}
      >
        Take the seat
      </button>{" "}
      <button type="button" onClick={() => (pendingInvite.value = null)}>
        Not now
      </button>
    </section>
  );
}

export function Home() {
  const list = scenarios.value;
  const scenarioId = useSignal(list[0]?.id ?? "");
  const sc = list.find((s) => s.id === scenarioId.value) ?? list[0];
  const seat = useSignal("");
  const level = useSignal<"easy" | "normal" | "hard">("normal");
  const cast = useSignal<"scenario" | "random">("scenario");
  const error = useSignal("");
  const code = useSignal("");
  const name = useSignal("");
  const role = useSignal<"player" | "observer">("player");
  const found = useSignal<Awaited<ReturnType<typeof lookupCode>> | null>(null);
  const joinSeat = useSignal("");
  const className = useSignal("");
  const minutes = useSignal(5);
  const chosenSeat = seat.value || sc?.states[0]?.id || "";

  const run = async (fn: () => Promise<void>) => {
    error.value = "";
    try {
      await fn();
    } catch (e) {
      error.value = (e as Error).message;
    }
  };

  return (
    <main class="home">
      <header>
        <h1>Firebreak</h1>
        <p>
          A crisis game about states in cyberspace: deniable attacks, slow attribution, and the measures that
          might keep the peace.
        </p>
      </header>
      {farewell.value && (
        <p role="alert" class="error">
          {farewell.value}
        </p>
      )}
      {error.value && (
        <p role="alert" class="error">
          {error.value}
        </p>
      )}
      <InviteCard />
      <div class="cards">
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

        <section aria-labelledby="join-h" class="card">
          <h2 id="join-h">Join with a code</h2>
          <label>
            Your name{" "}
            <input
              value={name.value}
              maxLength={40}
              onInput={(e) => (name.value = (e.target as HTMLInputElement).value)}
            />
          </label>
          <label>
            Code{" "}
            <input
              value={code.value}
              maxLength={8}
              autocomplete="off"
              class="code-input"
              onInput={(e) => (code.value = (e.target as HTMLInputElement).value.toUpperCase())}
            />
          </label>
          <button
            type="button"
            onClick={() =>
              run(async () => {
                found.value = await lookupCode(code.value);
                joinSeat.value = found.value.scenario?.states[0]?.id ?? "";
              })
            }
          >
            Find the game
          </button>
          {found.value && (
            <div class="found">
              <p>
                <strong>{found.value.name}</strong> — {found.value.scenario?.title}
              </p>
              <label>
                Join as{" "}
                <select
                  value={role.value}
                  onChange={(e) =>
                    (role.value = (e.target as HTMLSelectElement).value as "player" | "observer")
                  }
                >
                  <option value="player">player</option>
                  <option value="observer">observer</option>
                </select>
              </label>
              {role.value === "player" && (
                <label>
                  <span>State</span>{" "}
                  <select
                    aria-label="State"
                    value={joinSeat.value}
                    onChange={(e) => (joinSeat.value = (e.target as HTMLSelectElement).value)}
                  >
                    {found.value.scenario?.states.map((s) => (
                      <option key={s.id} value={s.id}>
                        {s.name}
                      </option>
                    ))}
                  </select>
                </label>
              )}
              <button
                type="button"
                class="primary"
                onClick={() =>
                  run(() =>
                    joinRoom(found.value?.roomId ?? "", {
                      code: code.value,
                      name: name.value || "Player",
                      role: role.value,
                      ...(role.value === "player" ? { seat: joinSeat.value } : {}),
                    }),
                  )
                }
              >
                Join
              </button>
            </div>
          )}
        </section>

        <section aria-labelledby="class-h" class="card">
          <h2 id="class-h">Run a class</h2>
          <p>
            You will be the facilitator: you see every seat, control the clock, fire injects and run the
            debrief.
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
      </div>
    </main>
  );
}
