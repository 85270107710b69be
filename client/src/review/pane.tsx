/**
 * One side of the replay: the board, the ladder, the states and the feed of one turn, as one viewer saw them.
 */
import { useEffect, useRef } from "preact/hooks";
import { useSignal } from "@preact/signals";
import {
  CONFIDENCE_NAMES,
  INCIDENT_NAMES,
  rungName,
  type GameView,
  type IncidentView,
} from "@firebreak/shared/browser";
import type { ClientView } from "../net/client.ts";
import { incidentRef, publicBlame, stateNamer } from "../ui/incident-labels.ts";
import { EventLine, ROUTINE_RULES } from "../ui/event-line.tsx";

/** The game's Phaser board, fed the replayed view (it reads only the view's game and the viewer's seat). */
function ReplayBoard({ view, label }: { view: GameView; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const board = useRef<{ update: (v: ClientView) => void; destroy: () => void } | null>(null);
  const latest = useRef(view);
  latest.current = view;
  const asClient = (g: GameView): ClientView =>
    ({ me: { seat: g.viewer.role === "player" ? g.viewer.seat : null }, game: g }) as unknown as ClientView;
  useEffect(() => {
    let alive = true;
    void import("../board/board.ts").then((m) => {
      if (!alive || !ref.current) return;
      board.current = m.mountBoard(ref.current);
      board.current.update(asClient(latest.current));
    });
    return () => {
      alive = false;
      board.current?.destroy();
    };
  }, []);
  useEffect(() => board.current?.update(asClient(view)), [view]);
  return <div ref={ref} class="board replay-board" role="img" aria-label={label} />;
}

/** Who did it, as this viewer knew it: the author when known, else the viewer's own attribution. */
function knownAuthor(i: IncidentView, v: GameView, name: (id: string | null) => string): string {
  const me = v.viewer.role === "player" ? v.viewer.seat : null;
  if (me && i.author === me) return "their own operation";
  if (i.author) return v.revealed && !me ? `${name(i.author)} (true author)` : `known: ${name(i.author)}`;
  const k = me ? i.knowledge[me] : undefined;
  if (!k) return "unknown";
  if (k.confidence === 0 && !k.suspect) return "no evidence yet";
  return `${CONFIDENCE_NAMES[k.confidence]} confidence${k.suspect ? `: ${name(k.suspect)}` : ""}`;
}

/** A viewer's side of the replay; `id` keeps its headings' ids apart from the other side's. */
export function Pane({ view, title, id }: { view: GameView; title: string; id: string }) {
  const routine = useSignal(false);
  const name = stateNamer(view.nations);
  const pairName = (p: string) => p.split("|").map(name).join("–");
  const tensions = Object.entries(view.tension).sort((a, b) => b[1] - a[1]);
  const events = view.events
    .filter((e) => routine.value || !ROUTINE_RULES.has(e.rule))
    .slice()
    .reverse();
  const secret = view.viewer.role === "player" ? view.private[view.viewer.seat] : undefined;
  return (
    <section class="replay-pane" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{title}</h2>
      <ReplayBoard
        view={view}
        label={`Map of the states on turn ${view.turn}, ${title.toLowerCase()}; the tensions are listed below it`}
      />
      <h3>Escalation ladder</h3>
      <ul class="replay-ladder">
        {tensions.map(([p, t]) => (
          <li key={p}>
            {pairName(p)}: <strong>{t.toFixed(1)}</strong> ({rungName(t)})
            {Object.hasOwn(view.brinks, p) ? " — at the brink" : ""}
          </li>
        ))}
      </ul>
      <h3>States</h3>
      <table class="replay-states">
        <thead>
          <tr>
            <th scope="col">State</th>
            <th scope="col">Economy</th>
            <th scope="col">Stability</th>
            <th scope="col">Reputation</th>
            <th scope="col">Cyber</th>
            <th scope="col">Defence</th>
          </tr>
        </thead>
        <tbody>
          {view.seats.map((s) => {
            const n = view.nations[s];
            return (
              <tr key={s}>
                <th scope="row">{name(s)}</th>
                <td>{n?.economy.toFixed(1)}</td>
                <td>{n?.stability.toFixed(1)}</td>
                <td>{n?.reputation.toFixed(1)}</td>
                <td>{n?.cyber ?? "unknown"}</td>
                <td>{n?.defense ?? "unknown"}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {secret && Object.keys(secret.suspicion).length > 0 && (
        <p class="replay-suspicion">
          <strong>Its suspicion of the others</strong> (0 to 1):{" "}
          {Object.entries(secret.suspicion)
            .map(([s, x]) => `${name(s)} ${x.toFixed(2)}`)
            .join(", ")}
        </p>
      )}
      {secret && secret.intel.length > 0 && (
        <>
          <h3>Intelligence reports</h3>
          <ul>
            {secret.intel
              .slice()
              .reverse()
              .map((r, i) => (
                <li key={i}>
                  Turn {r.turn}, {name(r.about)}: cyber {r.cyber}, defence {r.defense}; ran{" "}
                  {r.operationsLastTurn.length} operation(s) the turn before.
                </li>
              ))}
          </ul>
        </>
      )}
      <h3>Incidents {view.viewer.role === "player" ? "it knew of" : "(all)"}</h3>
      {view.incidents.length === 0 ? (
        <p>None yet.</p>
      ) : (
        <table class="incidents replay-incidents">
          <thead>
            <tr>
              <th scope="col">Turn</th>
              <th scope="col">What</th>
              <th scope="col">Against</th>
              <th scope="col">Who did it</th>
              <th scope="col">Named publicly</th>
            </tr>
          </thead>
          <tbody>
            {view.incidents
              .slice()
              .reverse()
              .map((i) => (
                <tr key={i.id}>
                  <td>{i.turn}</td>
                  <td>
                    {INCIDENT_NAMES[i.kind]} <small class="ref">ref {incidentRef(i.id)}</small>
                  </td>
                  <td>{name(i.target)}</td>
                  <td>{knownAuthor(i, view, name)}</td>
                  <td>{publicBlame(i, name)}</td>
                </tr>
              ))}
          </tbody>
        </table>
      )}
      <h3>What happened (newest first)</h3>
      <label class="routine">
        <input
          type="checkbox"
          checked={routine.value}
          onChange={(e) => (routine.value = (e.currentTarget as HTMLInputElement).checked)}
        />{" "}
        Show routine events (tension easing, lapsed proposals)
      </label>
      {events.length === 0 ? (
        <p>Nothing yet: the game has just begun.</p>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling list must take the keyboard's focus to be scrolled without a mouse (WCAG 2.1.1).
        <ul class="events replay-events" tabIndex={0} aria-label={`What happened, ${title.toLowerCase()}`}>
          {events.map((e, i) => (
            <li key={i} data-turn={e.turn}>
              <EventLine e={e} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
