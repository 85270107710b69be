/**
 * Leaving a game for now and coming back: the game page's "Leave for now" and the home page's list "Your
 * games".
 */
import { useSignal } from "@preact/signals";
import { useEffect, useRef } from "preact/hooks";
import { resumeGame, stepOut } from "../net/client.ts";
import { forgetGame, savedGamesList } from "../net/saved-games.ts";

/** Focus the home page's list gets after stepping out of a game (the button pressed is gone). */
let focusListNext = false;

/** The game page's button to step out to the home page; the seat is kept and the game goes on. */
export function GamesMenu() {
  return (
    <button
      type="button"
      class="leave-for-now"
      title="The game goes on without you; come back to it from Your games on the home page"
      onClick={() => {
        focusListNext = true;
        void stepOut();
      }}
    >
      Leave for now
    </button>
  );
}

/**
 * The home page's list of the games this browser holds a seat in, each with "Go back" and "Forget" (nothing
 * when there are none).
 */
export function YourGames() {
  const list = savedGamesList.value;
  const error = useSignal("");
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusListNext) heading.current?.focus();
    focusListNext = false;
  }, []);
  if (list.length === 0) return null;
  return (
    <section aria-labelledby="games-h" class="card your-games">
      <h2 id="games-h" tabIndex={-1} ref={heading}>
        Your games
      </h2>
      {error.value && (
        <p role="alert" class="error">
          {error.value}
        </p>
      )}
      <ul>
        {list.map((g) => {
          const label = g.name ?? "A game";
          return (
            <li key={g.roomId}>
              <strong>{label}</strong>
              {g.title && g.title !== label ? ` — ${g.title}` : ""}
              {g.who ? ` (${g.who})` : ""}{" "}
              <button
                type="button"
                class="primary"
                aria-label={`Go back to ${label}`}
                onClick={async () => {
                  error.value = "";
                  try {
                    await resumeGame(g.roomId);
                  } catch (e) {
                    error.value = `${label}: ${(e as Error).message}`;
                  }
                }}
              >
                Go back
              </button>{" "}
              <button type="button" aria-label={`Forget ${label}`} onClick={() => forgetGame(g.roomId)}>
                Forget
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
