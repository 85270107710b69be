/** The app: home, lobby, game or debrief, with the connection banner and the live region. */
import { announcement, connection, view } from "./net/client.ts";
import { Debrief } from "./ui/debrief.tsx";
import { Game } from "./ui/game.tsx";
import { Home } from "./ui/home.tsx";
import { Lobby } from "./ui/lobby.tsx";

export function App() {
  const v = view.value;
  const c = connection.value;
  return (
    <>
      {(c === "reconnecting" || c === "lost") && (
        <div class="banner" role="alert">
          {c === "reconnecting"
            ? "Connection lost — reconnecting to your seat…"
            : "Could not reconnect. Reload the page to rejoin your seat."}
        </div>
      )}
      <div class="sr-only" aria-live="polite" aria-atomic="true">
        {announcement.value}
      </div>
      {!v ? (
        <Home />
      ) : v.session.phase === "lobby" ? (
        <Lobby v={v} />
      ) : v.session.phase === "ended" ? (
        <Debrief v={v} />
      ) : (
        <Game v={v} />
      )}
    </>
  );
}
