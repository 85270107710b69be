/** Lobby: the join code large enough to project, seats, teams, bots; the facilitator assigns and starts. */
import { useSignal } from "@preact/signals";
import type { RequestType } from "@firebreak/shared/browser";
import type { ClientView } from "../net/client.ts";
import { request, type PayloadArgs } from "../net/requests.ts";
import { Access } from "./access.tsx";
import { ConfirmDialog } from "./confirm-dialog.tsx";
import { BotSeatControl, MovePeople } from "./console.tsx";
import { SessionSettings, strikeRuleWords } from "./console-rules.tsx";
import { GamesMenu } from "./games-menu.tsx";
import { JoinLink } from "./join-link.tsx";

export function Lobby({ v }: { v: ClientView }) {
  const error = useSignal("");
  const fac = v.me.role === "facilitator";
  const asking = useSignal(false);
  const act = async <T extends RequestType>(type: T, ...payload: PayloadArgs<T>) => {
    error.value = (await request(type, ...payload)) ?? "";
  };
  return (
    <main class="lobby">
      <h1>{v.session.name}</h1>
      <p class="lobby-scenario">
        Scenario: <strong>{v.game.scenario.title}</strong>
      </p>
      <GamesMenu />
      <p class="code-label">Join code</p>
      <p class="join-code" role="note" aria-label={`Join code ${v.session.code.split("").join(" ")}`}>
        {v.session.code}
      </p>
      <p>Open this page, choose "Join with a code", and type the code above, or open the join link.</p>
      {fac && <JoinLink code={v.session.code} />}
      {error.value && (
        <p role="alert" class="error">
          {error.value}
        </p>
      )}
      <table class="seats">
        <caption>Seats</caption>
        <thead>
          <tr>
            <th scope="col">State</th>
            <th scope="col">Players</th>
            <th scope="col">Bot</th>
            {fac && <th scope="col">Facilitator</th>}
            {!fac && v.me.role !== "observer" && <th scope="col">Your seat</th>}
          </tr>
        </thead>
        <tbody>
          {v.session.seats.map((s) => (
            <tr key={s.seat}>
              <th scope="row">{s.name}</th>
              <td>
                {s.members.length
                  ? s.members.map((m) => `${m.name}${m.connected ? "" : " (away)"}`).join(", ")
                  : "—"}
              </td>
              <td>
                {s.bot
                  ? "bot"
                  : s.members.length
                    ? ""
                    : v.session.fork?.play.includes(s.seat)
                      ? "the facilitator will play"
                      : "a bot will play"}
              </td>
              {fac && (
                <td>
                  <BotSeatControl seat={s} act={act} />
                </td>
              )}
              {!fac && v.me.role !== "observer" && (
                <td>
                  {v.me.seat === s.seat ? (
                    "yours"
                  ) : (
                    <button type="button" onClick={() => act("lobby:seat", { seat: s.seat })}>
                      Take this seat
                    </button>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <p>{v.session.observers} observer(s).</p>
      {fac && <MovePeople v={v} act={act} />}
      {fac ? <SessionSettings v={v} act={act} /> : <p>{strikeRuleWords(v.session.settings.strikes)}</p>}
      {fac ? (
        <button
          type="button"
          class="primary big"
          onClick={() => {
            // With no one in a seat, bots play every state and are always ready: the whole game runs in
            // seconds.
            if (v.session.seats.some((s) => s.members.length > 0) || (v.session.fork?.play.length ?? 0) > 0)
              void act("fac:start");
            else asking.value = true;
          }}
        >
          Start the exercise
        </button>
      ) : (
        <p>
          You are{" "}
          {v.me.role === "observer"
            ? "observing"
            : `playing ${v.session.seats.find((s) => s.seat === v.me.seat)?.name ?? "no state yet"}`}
          . The facilitator will start the game
          {v.me.role === "player" ? "; your state's secret briefing and objectives arrive then." : "."}
        </p>
      )}
      {fac && <Access v={v} />}
      {asking.value && (
        <ConfirmDialog
          ask={{
            title: "Start with nobody seated?",
            lines: [
              "Nobody has taken a seat yet: bots will play every state.",
              "Bots are always ready, so the whole game will run to its end within seconds.",
            ],
            confirm: "Start anyway",
          }}
          onConfirm={() => {
            asking.value = false;
            void act("fac:start");
          }}
          onCancel={() => (asking.value = false)}
        />
      )}
    </main>
  );
}
