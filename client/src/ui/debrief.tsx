/**
 * Debrief: everything revealed — the replay and the downloads, scores, tension over time beside what each
 * side did and what each believed, objectives with their reasons, true authors vs blame, misattributions,
 * CBMs, the chat transcript, and for the facilitator the scenario's teaching material.
 */
import { useEffect } from "preact/hooks";
import { accusationStrength, allPairs, CONFIDENCE_NAMES, INCIDENT_NAMES } from "@firebreak/shared/browser";
import { currentRoomId, currentToken, leaveGame, type ClientView } from "../net/client.ts";
import { ReviewTools, TeacherMaterial, Transcript } from "../review/debrief-extras.tsx";
import { CbmTimeline, Misattributions, Objectives } from "../review/outcomes.tsx";
import { PairChart, PairChartLegend } from "../review/pair-chart.tsx";
import { rememberRecordToken } from "../review/route.ts";
import { personaTitle } from "./console.tsx";
import { stateNamer } from "./incident-labels.ts";

export function Debrief({ v }: { v: ClientView }) {
  const name = stateNamer(v.game.nations, "nobody");
  const o = v.game.outcome;
  const gameId = currentRoomId();
  const token = currentToken();
  // Kept beyond "Back to the start" (which forgets the seat), so the replay link still opens this game's
  // record.
  useEffect(() => {
    if (gameId && token) rememberRecordToken(gameId, token);
  }, [gameId, token]);
  // The debrief opens at its top (the last Ready was pressed at the foot of the orders).
  useEffect(() => window.scrollTo(0, 0), []);
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
      <h2>Replay and downloads</h2>
      <ReviewTools gameId={gameId} token={token} facilitator={v.me.role === "facilitator"} />
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
      <h2>Objectives, met or missed</h2>
      <Objectives v={v.game} />
      <h2>Tension over time, beside what each side did and what the other believed</h2>
      <PairChartLegend />
      <div class="review-charts">
        {allPairs(v.game.seats).map((p) => (
          <PairChart key={p} v={v.game} pair={p} />
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
                      `${name(a.by)} blamed ${name(a.accused)} ` +
                      `(${accusationStrength(a.confidence)})${a.accused === i.author ? "" : " — wrong"}`,
                  )
                  .join("; ") || "—"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Misattributions: incidents laid at the wrong door</h2>
      <Misattributions v={v.game} />
      <h2>Confidence-building measures</h2>
      <CbmTimeline v={v.game} />
      <h2>Chat transcript</h2>
      <Transcript v={v} gameId={gameId} token={token} />
      <TeacherMaterial v={v} />
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
