/**
 * Home: join with a code, go back to a game, play solo, or run a class; a seat invite opened from a link
 * comes first.
 */
import { useSignal } from "@preact/signals";
import { farewell } from "../net/client.ts";
import { scenarios } from "./api.ts";
import { ExerciseCard } from "../exercise/card.tsx";
import { ClassCard } from "./class-card.tsx";
import { InviteCard } from "./invite-card.tsx";
import { JoinCard } from "./join-card.tsx";
import { YourGames } from "./games-menu.tsx";
import { SoloCard } from "./solo-card.tsx";
import { UploadCard } from "../scenario-upload/card.tsx";
import { chosenSummary } from "../scenario-upload/uploads.ts";

/** The home page: its cards share the scenario chosen, the person's name and one place for errors. */
export function Home() {
  const list = scenarios.value;
  const scenarioId = useSignal(list[0]?.id ?? "");
  const sc = list.find((s) => s.id === scenarioId.value) ?? list[0];
  const error = useSignal("");
  const name = useSignal("");

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
        {/* Joining first: a student in class, on a phone, comes for the code. */}
        <JoinCard name={name} run={run} />
        <YourGames />
        <SoloCard list={list} sc={sc} scenarioId={scenarioId} name={name} run={run} />
        <ClassCard sc={chosenSummary() ?? sc} run={run} />
        <ExerciseCard sc={chosenSummary() ?? sc} run={run} />
        <UploadCard />
      </div>
    </main>
  );
}
