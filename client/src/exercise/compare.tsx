/** The exercise's debrief: the tables side by side and by treatment, with 95% intervals, and the CSV. */
import { useSignal } from "@preact/signals";
import type { ArmSummary, Estimate, ExerciseComparison } from "@firebreak/shared/browser";
import { downloadCsv } from "./net.ts";

const OUTCOME_WORDS: Record<string, string> = {
  armedConflict: "armed conflict",
  stablePeace: "stable peace",
  turnLimit: "turn limit",
  facilitatorEnded: "ended by you",
};

const pct = (x: number): string => `${Math.round(x * 100)}%`;
const num = (x: number): string => (Math.round(x * 10) / 10).toFixed(1);

function Share({ e }: { e: Estimate }) {
  return e.n === 0 ? (
    <span>–</span>
  ) : (
    <span>
      {pct(e.value)}{" "}
      <small>
        ({pct(e.low)}–{pct(e.high)})
      </small>
    </span>
  );
}

function Mean({ e }: { e: Estimate }) {
  return e.n === 0 ? (
    <span>–</span>
  ) : (
    <span>
      {num(e.value)} <small>{e.n > 1 ? `(${num(e.low)}–${num(e.high)})` : "(one table)"}</small>
    </span>
  );
}

function ArmRow({ a }: { a: ArmSummary }) {
  return (
    <tr>
      <th scope="row">{a.label}</th>
      <td>
        {a.ended} of {a.tables}
      </td>
      <td>
        <Share e={a.shares.armedConflict} />
      </td>
      <td>
        <Share e={a.shares.stablePeace} />
      </td>
      <td>
        <Mean e={a.peakTension} />
      </td>
      <td>
        <Mean e={a.turns} />
      </td>
      <td>
        <Mean e={a.misattributions} />
      </td>
    </tr>
  );
}

/** The comparison section of the dashboard. */
export function Comparison({ c, hypothesis }: { c: ExerciseComparison; hypothesis: string }) {
  const error = useSignal("");
  return (
    <section aria-labelledby="compare-h" class="card compare">
      <h2 id="compare-h">How the tables compare</h2>
      {hypothesis && (
        <p>
          Your hypothesis: <q>{hypothesis}</q>
        </p>
      )}
      <table>
        <caption>
          By treatment. Shares among ended tables with Wilson 95% intervals; means with Student's t 95%
          intervals.
        </caption>
        <thead>
          <tr>
            <th scope="col">Tables</th>
            <th scope="col">Ended</th>
            <th scope="col">Armed conflict</th>
            <th scope="col">Stable peace</th>
            <th scope="col">Peak tension</th>
            <th scope="col">Turns</th>
            <th scope="col">Misattributions</th>
          </tr>
        </thead>
        <tbody>
          {c.arms.map((a) => (
            <ArmRow key={a.label} a={a} />
          ))}
        </tbody>
      </table>
      <table>
        <caption>Side by side</caption>
        <thead>
          <tr>
            <th scope="col">Table</th>
            <th scope="col">Treatment</th>
            <th scope="col">Outcome</th>
            <th scope="col">Turns</th>
            <th scope="col">Peak tension</th>
            <th scope="col">Misattributions</th>
            <th scope="col">CBMs in force</th>
          </tr>
        </thead>
        <tbody>
          {c.tables.map((t) => (
            <tr key={t.id}>
              <th scope="row">{t.index}</th>
              <td>{t.treatment ?? "–"}</td>
              <td>{t.outcome ? OUTCOME_WORDS[t.outcome] : "playing"}</td>
              <td>{t.turns}</td>
              <td>{num(t.peakTension)}</td>
              <td>{t.misattributions}</td>
              <td>{t.cbmsInForce.length}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button
        type="button"
        onClick={async () => {
          error.value = (await downloadCsv()) ?? "";
        }}
      >
        Download the tables (CSV)
      </button>
      {error.value && (
        <p role="alert" class="error">
          {error.value}
        </p>
      )}
    </section>
  );
}
