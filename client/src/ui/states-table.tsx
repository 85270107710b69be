/**
 * Every state's numbers and the incidents against it, as a text table: what the board draws, for screen
 * readers and small screens.
 */
import { INCIDENT_NAMES } from "@firebreak/shared/browser";
import type { ClientView } from "../net/client.ts";
import { incidentRef } from "./incident-labels.ts";

/** The incidents known against `seat` in the last two turns, in words ("none" when there are none). */
export function recentIncidentsAgainst(v: ClientView, seat: string): string {
  const recent = v.game.incidents.filter((i) => i.target === seat && i.turn >= v.game.turn - 1);
  if (recent.length === 0) return "none";
  return recent.map((i) => `turn ${i.turn}: ${INCIDENT_NAMES[i.kind]} (ref ${incidentRef(i.id)})`).join("; ");
}

/** A column heading short on screen (the table fits a phone) and whole for screen readers. */
function Head({ short, long }: { short: string; long: string }) {
  return (
    <th scope="col">
      <span aria-hidden="true">{short}</span>
      <span class="sr-only">{long}</span>
    </th>
  );
}

/**
 * The states table: economy, stability, reputation and recent incidents per state; the viewer's own row says
 * "you".
 */
export function StatesTable({ v }: { v: ClientView }) {
  const me = v.me.seat;
  return (
    <table class="states">
      <caption id="states-h">States (the map's numbers as a table)</caption>
      <thead>
        <tr>
          <th scope="col">State</th>
          <Head short="Econ." long="Economy" />
          <Head short="Stab." long="Stability" />
          <Head short="Rep." long="Reputation" />
          <th scope="col">Incidents against it (this and last turn)</th>
        </tr>
      </thead>
      <tbody>
        {v.game.seats.map((s) => {
          const n = v.game.nations[s];
          return (
            <tr key={s} class={s === me ? "mine" : undefined}>
              <th scope="row">
                {n?.name ?? s}
                {s === me && <span class="you-tag"> (you)</span>}
              </th>
              <td>{n?.economy.toFixed(1)}</td>
              <td>{n?.stability.toFixed(1)}</td>
              <td>{n?.reputation.toFixed(1)}</td>
              <td>{recentIncidentsAgainst(v, s)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
