/**
 * The app: home, lobby, game or debrief, with the connection banner (the game's own is in its header) and the
 * live region.
 */
import { announcement, view } from "./net/client.ts";
import { ConnectionBanner } from "./ui/clock.tsx";
import { Debrief } from "./ui/debrief.tsx";
import { Game } from "./ui/game.tsx";
import { Home } from "./ui/home.tsx";
import { Lobby } from "./ui/lobby.tsx";
import { ExercisePage } from "./exercise/dashboard.tsx";
import { showExercise } from "./exercise/net.ts";
import { replaySource } from "./review/route.ts";
import { ReplayScreen } from "./review/screen.tsx";
import { summaryGame } from "./summary/route.ts";
import { SummaryPage } from "./summary/page.tsx";

export function App() {
  const v = view.value;
  // A replay (opened from the debrief, a `?replay=` link or a record file) takes the whole page until it is
  // closed.
  if (replaySource.value) return <ReplayScreen source={replaySource.value} />;
  // A turn summary opened from a link (`?summary=`, a notice's) reads the game without joining it.
  if (summaryGame.value) return <SummaryPage gameId={summaryGame.value} />;
  // An exercise's dashboard (opened from Run an exercise, or a reload of #exercise) takes the page until it
  // is left.
  if (showExercise.value) return <ExercisePage />;
  const playing = v !== null && v.session.phase !== "lobby" && v.session.phase !== "ended";
  return (
    <>
      {/* In a game the banner is part of the sticky header, above the clock it stops. */}
      {!playing && <ConnectionBanner />}
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
