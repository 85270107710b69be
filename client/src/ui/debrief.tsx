/** Debrief: everything revealed — tension over time beside the hostile actions actually taken, true authors vs blame, CBMs, scores. */
import {
  accusationStrength,
  allPairs,
  CBM_NAMES,
  CONFIDENCE_NAMES,
  INCIDENT_NAMES,
  pairMembers,
} from "@firebreak/shared/browser";
import { leaveGame, type ClientView } from "../net/client.ts";
import { rungStyle } from "../board/rungs.ts";
import { personaTitle } from "./console.tsx";

function Chart({ v, pair }: { v: ClientView; pair: string }) {
  const h = v.game.tensionHistory[pair] ?? [];
  const [a, b] = pairMembers(pair);
  const W = 360;
  const H = 120;
  const x = (i: number) => 20 + (i * (W - 30)) / Math.max(1, v.game.maxTurns);
  const y = (t: number) => H - 15 - (t / 10) * (H - 25);
  const hostile = v.game.incidents.filter(
    (i) =>
      i.author &&
      i.author !== "nonState" &&
      ((i.author === a && i.target === b) || (i.author === b && i.target === a)),
  );
  const name = (id: string) => v.game.nations[id]?.name ?? id;
  const brink = v.game.params.armedConflictTension;
  const desc = `Tension between ${name(a)} and ${name(b)} by turn: ${h.map((t) => t.toFixed(1)).join(", ")}. Hostile operations actually run between them: ${hostile.length}.`;
  return (
    <figure class="chart">
      <svg width={W} height={H} role="img" aria-label={desc}>
        <line x1={20} y1={y(brink)} x2={W - 10} y2={y(brink)} stroke="#7a0010" stroke-dasharray="4 3" />
        <text x={W - 12} y={y(brink) - 3} text-anchor="end" font-size="10">
          brink ({brink})
        </text>
        <polyline
          fill="none"
          stroke="#1864ab"
          stroke-width="2"
          points={h.map((t, i) => `${x(i)},${y(t)}`).join(" ")}
        />
        {h.map((t, i) => (
          <circle key={i} cx={x(i)} cy={y(t)} r={3} fill={rungStyle(t).css} />
        ))}
        {hostile.map((i, k) => (
          <text key={k} x={x(i.turn)} y={H - 2} font-size="11" text-anchor="middle">
            {i.author === a ? "▲" : "▼"}
          </text>
        ))}
      </svg>
      <figcaption>
        {name(a)}–{name(b)}: perceived tension (line) and hostile operations actually run (▲ by {name(a)}, ▼
        by {name(b)})
      </figcaption>
    </figure>
  );
}

export function Debrief({ v }: { v: ClientView }) {
  const name = (id: string | null) =>
    id === null ? "nobody" : id === "nonState" ? "a non-state actor" : (v.game.nations[id]?.name ?? id);
  const o = v.game.outcome;
  return (
    <main class="debrief">
      <h1>Debrief: {v.game.scenario.title}</h1>
      <p class="outcome">
        {o?.kind === "armedConflict"
          ? `Armed conflict between ${o.belligerents.map(name).join(" and ")}${o.initiator ? `, started by ${name(o.initiator)}` : ""}`
          : o?.kind === "stablePeace"
            ? "Stable peace"
            : o?.kind === "turnLimit"
              ? "The crisis period ended"
              : "Ended by the facilitator"}{" "}
        on turn {o?.turn}.
      </p>
      <h2>Scores</h2>
      <table class="scores">
        <thead>
          <tr>
            <th scope="col">State</th>
            <th scope="col">Played by</th>
            <th scope="col">Economy</th>
            <th scope="col">Stability</th>
            <th scope="col">Reputation</th>
            <th scope="col">Objectives</th>
            <th scope="col">Outcome</th>
            <th scope="col">Total</th>
          </tr>
        </thead>
        <tbody>
          {v.game.seats.map((s) => {
            const sc = v.game.scores[s];
            const seat = v.session.seats.find((x) => x.seat === s);
            return (
              <tr key={s}>
                <th scope="row">{name(s)}</th>
                <td>
                  {seat?.bot
                    ? `bot: ${personaTitle(seat.persona)}`
                    : seat?.members.map((m) => m.name).join(", ")}
                </td>
                <td>{sc?.economy.toFixed(1)}</td>
                <td>{sc?.stability.toFixed(1)}</td>
                <td>{sc?.reputation.toFixed(1)}</td>
                <td>{sc?.objectives}</td>
                <td>{sc?.outcome}</td>
                <td>
                  <strong>{sc?.total.toFixed(1)}</strong>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h2>Tension over time, beside what was really done</h2>
      <div class="charts">
        {allPairs(v.game.seats).map((p) => (
          <Chart key={p} v={v} pair={p} />
        ))}
      </div>
      <h2>Every incident: who really did it, and who was blamed</h2>
      <table class="incidents">
        <thead>
          <tr>
            <th scope="col">Turn</th>
            <th scope="col">What</th>
            <th scope="col">Against</th>
            <th scope="col">True author</th>
            <th scope="col">Hidden details</th>
            <th scope="col">Private attributions</th>
            <th scope="col">Public blame</th>
          </tr>
        </thead>
        <tbody>
          {v.game.incidents.map((i) => (
            <tr key={i.id}>
              <td>{i.turn}</td>
              <td>
                {INCIDENT_NAMES[i.kind]}
                {i.overt ? " (overt)" : ""}
              </td>
              <td>{name(i.target)}</td>
              <td>{name(i.author)}</td>
              <td>
                {[
                  i.secret?.proxy ? "proxy" : "",
                  i.secret?.falseFlag ? `false flag → ${name(i.secret.falseFlag)}` : "",
                  i.secret && !i.secret.success ? "failed" : "",
                ]
                  .filter(Boolean)
                  .join(", ") || "—"}
              </td>
              <td>
                {Object.entries(i.knowledge)
                  .filter(([k]) => k !== i.author)
                  .map(
                    ([k, kn]) =>
                      `${name(k)}: ${CONFIDENCE_NAMES[kn.confidence]}${kn.suspect ? ` → ${name(kn.suspect)}` : ""}`,
                  )
                  .join("; ") || "undetected"}
              </td>
              <td>
                {i.publicAttributions
                  .map(
                    (a) =>
                      `${name(a.by)} blamed ${name(a.accused)} (${accusationStrength(a.confidence)})${a.accused === i.author ? "" : " — wrong"}`,
                  )
                  .join("; ") || "—"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Confidence-building measures</h2>
      <ul>
        {v.game.cbms.map((c) => (
          <li key={c.id}>
            {CBM_NAMES[c.kind]}: {c.members.map(name).join(", ")} (from turn {c.since})
          </li>
        ))}
      </ul>
      {v.session.stateHash && (
        <p class="hash">
          Game record hash: <code>{v.session.stateHash}</code>
        </p>
      )}
      <button type="button" onClick={() => void leaveGame()}>
        Back to the start
      </button>
    </main>
  );
}
