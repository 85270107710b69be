/** Join with a code: a name and the game's code, then a role and a state in the game found. */
import { signal, useSignal, type Signal } from "@preact/signals";
import { useEffect, useRef } from "preact/hooks";
import { joinRoom, lookupCode } from "../net/client.ts";

/** A join code opened from a shareable link ("?join=…"): the join card starts with it filled in. */
export const pendingJoinCode = signal<string | null>(null);

/** The join card; the name given here is the solo game's too. */
export function JoinCard({ name, run }: { name: Signal<string>; run: (fn: () => Promise<void>) => unknown }) {
  const code = useSignal(pendingJoinCode.value ?? "");
  const nameInput = useRef<HTMLInputElement>(null);
  // Opened from a join link: the code is there, the name is what is left to type.
  useEffect(() => {
    if (pendingJoinCode.value === null) return;
    pendingJoinCode.value = null;
    nameInput.current?.focus();
  }, []);
  const role = useSignal<"player" | "observer">("player");
  const found = useSignal<Awaited<ReturnType<typeof lookupCode>> | null>(null);
  const joinSeat = useSignal("");
  return (
    <section aria-labelledby="join-h" class="card">
      <h2 id="join-h">Join with a code</h2>
      <label>
        Your name{" "}
        <input
          ref={nameInput}
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
            // An exercise's code suggests the seat with fewest players at the table it found.
            joinSeat.value = found.value.seat ?? found.value.scenario?.states[0]?.id ?? "";
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
              onChange={(e) => (role.value = (e.target as HTMLSelectElement).value as "player" | "observer")}
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
                  // The table's own code: an exercise's code finds a table, which is joined with its code.
                  code: found.value?.code ?? code.value,
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
  );
}
