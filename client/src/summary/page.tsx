/**
 * The turn-summary page (`/?summary=<gameId>`): for a game played a turn a day, what a student opens from a
 * notice — the month's summary (the game screen's own), the deadline, and what they still have to do — read
 * over HTTP with the seat token this browser keeps, without joining the room or loading the board. "Open the
 * game" then joins it.
 */
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import type { ClientView } from "@firebreak/shared/browser";
import { savedGame, setCurrentGame } from "../net/saved-games.ts";
import { deadlineWords, timeLeftWords } from "../ui/clock-words.ts";
import { TurnSummary } from "../ui/turn-summary.tsx";
import { todoFor } from "./todo.ts";
import "../ui/turn-summary.css";
import "./summary.css";

type Loaded = { kind: "loading" } | { kind: "view"; v: ClientView } | { kind: "error"; message: string };

/** Reads the member's view of the game over HTTP with the token this browser keeps for it. */
async function loadView(gameId: string): Promise<Loaded> {
  const saved = savedGame(gameId);
  if (!saved)
    return {
      kind: "error",
      message:
        "This browser holds no seat in that game. Open the link in the browser you play in, or join again with the game's code.",
    };
  try {
    const res = await fetch(`/api/games/${encodeURIComponent(gameId)}/view`, {
      headers: { Authorization: `Bearer ${saved.token}` },
      cache: "no-store",
    });
    const body = (await res.json().catch(() => ({}))) as { view?: ClientView; message?: string };
    if (res.ok && body.view) return { kind: "view", v: body.view };
    if (res.status === 401)
      return {
        kind: "error",
        message: "The server does not know this browser's seat in that game any more.",
      };
    return { kind: "error", message: body.message ?? `The server answered ${res.status}.` };
  } catch {
    return { kind: "error", message: "The server cannot be reached. Try again in a moment." };
  }
}

/** Opens the game itself: the page reloads at home, which rejoins the game this browser holds a seat in. */
function openGame(gameId: string): void {
  setCurrentGame(gameId);
  window.location.assign("/");
}

/** The deadline in words: "2 days 3 h left (until Thu 3 Dec, 14:00)", paused, or no time limit. */
function Deadline({ v, now }: { v: ClientView; now: number }) {
  if (v.session.paused) return <p>The facilitator has paused the game: the clock is stopped.</p>;
  const d = v.session.deadline;
  if (d === null) return <p>This month has no deadline: it ends when every state is ready.</p>;
  const s = Math.max(0, Math.ceil((d - now) / 1000));
  return (
    <p class="summary-deadline">
      Month {v.game.turn} ends <strong>{deadlineWords(d, now)}</strong> ({timeLeftWords(s)}).
    </p>
  );
}

/** The page for the game `gameId`. */
export function SummaryPage({ gameId }: { gameId: string }) {
  const state = useSignal<Loaded>({ kind: "loading" });
  const now = useSignal(Date.now());
  useEffect(() => {
    void loadView(gameId).then((l) => {
      state.value = l;
      now.value = Date.now();
    });
    const t = setInterval(() => (now.value = Date.now()), 30_000);
    return () => clearInterval(t);
  }, [gameId]);
  const l = state.value;
  return (
    <main class="summary-page">
      {l.kind === "loading" && <p aria-busy="true">Loading your game…</p>}
      {l.kind === "error" && (
        <>
          <h1>Your game</h1>
          <p role="alert">{l.message}</p>
          <p>
            <a href="/">Go to the home page</a>
          </p>
        </>
      )}
      {l.kind === "view" && <Loaded v={l.v} gameId={gameId} now={now.value} />}
    </main>
  );
}

function Loaded({ v, gameId, now }: { v: ClientView; gameId: string; now: number }) {
  const todo = todoFor(v);
  const seat = v.me.role === "player" ? v.me.seat : null;
  const who = seat
    ? (v.game.nations[seat]?.name ?? seat)
    : v.me.role === "facilitator"
      ? "facilitator"
      : "observer";
  return (
    <>
      <h1>
        {v.session.name} <small>— {who}</small>
      </h1>
      {v.session.phase === "lobby" && <p>The game has not started yet.</p>}
      {v.session.phase === "ended" && (
        <p>
          This game has ended. <a href={`/?replay=${encodeURIComponent(gameId)}`}>Watch its replay</a>.
        </p>
      )}
      {v.session.phase === "planning" && (
        <>
          <p>
            Month {v.game.turn} of {v.game.maxTurns}.
          </p>
          <Deadline v={v} now={now} />
          {seat && (
            <section aria-labelledby="todo-h" class="panel">
              <h2 id="todo-h">What you still have to do</h2>
              {todo.some((t) => t.urgent) ? null : <p>Nothing urgent: your orders are saved.</p>}
              <ul class="summary-todo">
                {todo.map((t) => (
                  <li key={t.text} class={t.urgent ? "todo-urgent" : ""}>
                    {t.text}
                  </li>
                ))}
              </ul>
            </section>
          )}
          {v.me.role === "facilitator" && (
            <p>
              {v.session.ready.length} of {v.session.seats.length} states are ready.
            </p>
          )}
          {v.game.turn > 1 ? (
            <TurnSummary v={v} />
          ) : (
            <p>This is the first month: nothing has resolved yet.</p>
          )}
        </>
      )}
      <p>
        <button type="button" class="primary" onClick={() => openGame(gameId)}>
          Open the game
        </button>
      </p>
    </>
  );
}
