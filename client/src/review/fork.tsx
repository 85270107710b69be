/**
 * "Start a game from here": a fork of the replayed game at the beginning of a turn, a class game its creator
 * facilitates.
 */
import { useSignal } from "@preact/signals";
import { createGame } from "../net/client.ts";
import { closeReplay } from "./route.ts";

/**
 * The fork form: which seats the creator plays itself, then create; the server's refusal in words when it
 * refuses.
 */
export function ForkButton({
  gameId,
  token,
  turn,
  title,
  seats,
}: {
  gameId: string;
  token: string;
  turn: number;
  title: string;
  seats: Array<{ id: string; name: string }>;
}) {
  const play = useSignal<string[]>([]);
  const error = useSignal("");
  const busy = useSignal(false);
  const fork = async () => {
    busy.value = true;
    error.value = "";
    try {
      await createGame({
        name: `${title}: from turn ${turn}`.slice(0, 60),
        turnSeconds: 0,
        fork: { game: gameId, turn, token, play: play.value },
      });
      closeReplay();
    } catch (e) {
      error.value = (e as Error).message;
    } finally {
      busy.value = false;
    }
  };
  return (
    <details class="replay-fork">
      <summary>Start a new game from the beginning of turn {turn}</summary>
      <p>
        A class game you run as facilitator, with this game's history up to turn {turn} and a fresh roll of
        the dice from there. Bots take the seats nobody takes, except those you play yourself:
      </p>
      <fieldset>
        <legend>Seats you play yourself</legend>
        {seats.map((s) => (
          <label key={s.id} class="inline">
            <input
              type="checkbox"
              checked={play.value.includes(s.id)}
              onChange={(e) =>
                (play.value = (e.currentTarget as HTMLInputElement).checked
                  ? [...play.value, s.id]
                  : play.value.filter((x) => x !== s.id))
              }
            />{" "}
            {s.name}{" "}
          </label>
        ))}
      </fieldset>
      <button type="button" disabled={busy.value} onClick={() => void fork()}>
        Start the game from turn {turn}
      </button>
      {error.value && (
        <p role="alert" class="error">
          {error.value}
        </p>
      )}
    </details>
  );
}
