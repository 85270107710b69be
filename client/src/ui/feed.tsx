/**
 * Briefing and intelligence: my secret briefing and objectives, incidents with my confidence, and the event
 * feed with "why?".
 */
import { useSignal } from "@preact/signals";
import { CONFIDENCE_NAMES, INCIDENT_NAMES } from "@firebreak/shared/browser";
import type { ClientView } from "../net/client.ts";
import { EventLine, ROUTINE_RULES } from "./event-line.tsx";
import { Hints } from "./hints.tsx";
import { incidentRef, publicBlame, stateNamer } from "./incident-labels.ts";

export function Feed({ v }: { v: ClientView }) {
  const showRoutine = useSignal(false);
  const me = v.me.seat;
  const mine = me ? v.game.private[me] : undefined;
  const name = stateNamer(v.game.nations);
  const routine = v.game.events.filter((e) => ROUTINE_RULES.has(e.rule)).length;
  const events = v.game.events
    .filter((e) => showRoutine.value || !ROUTINE_RULES.has(e.rule))
    .reverse()
    .slice(0, 60);
  return (
    <section aria-labelledby="feed-h" class="panel">
      <h2 id="feed-h">Briefing and intelligence</h2>
      {/* A seated player reads the hints on the orders tab, where the game opens. */}
      {!(v.me.role === "player" && v.me.seat !== null) && <Hints v={v} />}
      <details open={v.game.turn === 1}>
        <summary>Public briefing</summary>
        <p class="briefing">{v.game.scenario.briefing}</p>
      </details>
      {mine && (
        <details open={v.game.turn === 1}>
          <summary>Your secret briefing and objectives</summary>
          <p class="briefing">{mine.briefing}</p>
          <ul>
            {mine.objectives.map((o, i) => (
              <li key={i}>
                {o.met ? "✔ met" : "✘ not met"} — {o.text} ({o.points} points)
              </li>
            ))}
          </ul>
        </details>
      )}
      <h3>Incidents you know of</h3>
      <table class="incidents">
        <thead>
          <tr>
            <th scope="col">Turn</th>
            <th scope="col">What</th>
            <th scope="col">Against</th>
            <th scope="col">Your attribution</th>
            <th scope="col">Named publicly</th>
          </tr>
        </thead>
        <tbody>
          {v.game.incidents
            .slice()
            .reverse()
            .map((i) => {
              const k = me ? i.knowledge[me] : undefined;
              return (
                <tr key={i.id}>
                  <td>{i.turn}</td>
                  <td>
                    {INCIDENT_NAMES[i.kind]}
                    {i.author === me && me ? " (yours)" : ""}{" "}
                    <small class="ref">ref {incidentRef(i.id)}</small>
                  </td>
                  <td>{name(i.target)}</td>
                  <td>
                    {me && i.author === me
                      ? "you ran it"
                      : i.author
                        ? `known: ${name(i.author)}`
                        : k
                          ? k.confidence === 0 && !k.suspect
                            ? "no evidence yet"
                            : `${CONFIDENCE_NAMES[k.confidence]} confidence${k.suspect ? `: ${name(k.suspect)}` : ""}`
                          : "—"}
                  </td>
                  <td>{publicBlame(i, name)}</td>
                </tr>
              );
            })}
        </tbody>
      </table>
      {mine && mine.intel.length > 0 && (
        <>
          <h3>Intelligence reports</h3>
          <ul>
            {mine.intel
              .slice()
              .reverse()
              .map((r, i) => (
                <li key={i}>
                  Turn {r.turn}, {name(r.about)}: cyber {r.cyber}, defence {r.defense}; ran{" "}
                  {r.operationsLastTurn.length} operation(s) last turn.
                </li>
              ))}
          </ul>
        </>
      )}
      <h3>What happened</h3>
      <label class="routine">
        <input
          type="checkbox"
          checked={showRoutine.value}
          onChange={(e) => (showRoutine.value = (e.currentTarget as HTMLInputElement).checked)}
        />{" "}
        Show routine events: tension easing at the end of each turn, proposals that lapsed ({routine})
      </label>
      <ul class="events">
        {events.map((e, i) => (
          <li key={i}>
            <EventLine e={e} />
          </li>
        ))}
      </ul>
    </section>
  );
}
