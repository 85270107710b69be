/**
 * The exercise's dashboard: every table on one page, broadcasts, moving a student, and the tables compared.
 */
import { useSignal } from "@preact/signals";
import type { DashboardTable, ExerciseDashboard } from "@firebreak/shared/browser";
import { BroadcastBar } from "./broadcast.tsx";
import { Comparison } from "./compare.tsx";
import { closeExercise, comparison, dashboard, exercise, exerciseAsk, reconnecting } from "./net.ts";
import "./exercise.css";

const PHASE_WORDS: Record<DashboardTable["phase"], string> = {
  lobby: "in the lobby",
  planning: "planning",
  ended: "ended",
  asleep: "asleep (nobody there)",
};

const OUTCOME_WORDS: Record<string, string> = {
  armedConflict: "Armed conflict",
  stablePeace: "Stable peace",
  turnLimit: "Turn limit reached",
  facilitatorEnded: "Ended by the facilitator",
};

function clock(seconds: number | null, paused: boolean): string {
  if (seconds === null) return paused ? "paused" : "no clock";
  const tail = ` left${paused ? " (paused)" : ""}`;
  const d = Math.floor(seconds / 86400);
  const h = Math.floor((seconds % 86400) / 3600);
  if (d > 0) return `${d} d ${h} h${tail}`;
  if (h > 0) return `${h} h ${Math.floor((seconds % 3600) / 60)} min${tail}`;
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}${tail}`;
}

/** One table's card. */
function TableCard({ t, keyOf }: { t: DashboardTable; keyOf: string }) {
  const ready = t.seats.filter((s) => s.ready || s.bot).length;
  return (
    <article class="table-card" aria-labelledby={`t-${t.id}`}>
      <h3 id={`t-${t.id}`}>
        Table {t.index}
        {t.treatment && <span class="treatment-label"> · {t.treatment}</span>}
      </h3>
      <dl>
        <dt>Phase</dt>
        <dd>
          {PHASE_WORDS[t.phase]}
          {t.phase !== "lobby" && t.maxTurns > 0 && ` · turn ${t.turn} of ${t.maxTurns}`}
        </dd>
        {t.phase === "planning" && (
          <>
            <dt>Clock</dt>
            <dd>{clock(t.secondsLeft, t.paused)}</dd>
            <dt>Ready</dt>
            <dd>
              {ready} of {t.seats.length}
            </dd>
          </>
        )}
        <dt>Highest tension</dt>
        <dd>{t.highest ? `${t.highest.pair.join("–")} ${t.highest.tension.toFixed(1)}` : "–"}</dd>
        <dt>At the brink</dt>
        <dd class={t.brinks.length > 0 ? "brink" : ""}>
          {t.brinks.length > 0 ? t.brinks.map((p) => p.join("–")).join(", ") : "no"}
        </dd>
        <dt>Incidents last turn</dt>
        <dd>{t.incidents}</dd>
        {t.outcome && (
          <>
            <dt>Outcome</dt>
            <dd>{OUTCOME_WORDS[t.outcome.kind] ?? t.outcome.kind}</dd>
          </>
        )}
      </dl>
      <ul class="seats">
        {t.seats.map((s) => (
          <li key={s.seat}>
            <strong>{s.name}</strong>
            {s.ready && <span class="ready"> ✓ ready</span>}:{" "}
            {s.players.length > 0 ? s.players.map((p) => p.name).join(", ") : s.bot ? "bot" : "nobody yet"}
          </li>
        ))}
      </ul>
      {t.knocks.length > 0 && (
        <ul class="knocks" aria-label={`Waiting to join table ${t.index}`}>
          {t.knocks.map((k) => (
            <li key={k.id}>
              {k.name} asks to join {t.seats.find((s) => s.seat === k.seat)?.name ?? k.seat}{" "}
              <button
                type="button"
                onClick={() => void exerciseAsk("ex:admit", { table: t.id, member: k.id, admit: true })}
              >
                Let in
              </button>{" "}
              <button
                type="button"
                onClick={() => void exerciseAsk("ex:admit", { table: t.id, member: k.id, admit: false })}
              >
                Refuse
              </button>
            </li>
          ))}
        </ul>
      )}
      <a href={`/#key=${t.id}.${keyOf}`} target="_blank" rel="noopener">
        Open table {t.index}'s console
      </a>
    </article>
  );
}

/** Moving a student from one table to another. */
function MoveStudent({ d }: { d: ExerciseDashboard }) {
  const choice = useSignal("");
  const to = useSignal("");
  const said = useSignal("");
  const students = d.tables.flatMap((t) =>
    t.seats.flatMap((s) =>
      s.players.map((p) => ({ value: `${t.id} ${p.id}`, text: `${p.name} (table ${t.index}, ${s.name})` })),
    ),
  );
  return (
    <section aria-labelledby="move-h" class="card">
      <h2 id="move-h">Move a student</h2>
      <label>
        Student{" "}
        <select value={choice.value} onChange={(e) => (choice.value = e.currentTarget.value)}>
          <option value="">choose…</option>
          {students.map((s) => (
            <option key={s.value} value={s.value}>
              {s.text}
            </option>
          ))}
        </select>
      </label>{" "}
      <label>
        To table{" "}
        <select value={to.value} onChange={(e) => (to.value = e.currentTarget.value)}>
          <option value="">choose…</option>
          {d.tables.map((t) => (
            <option key={t.id} value={t.id}>
              {t.index}
            </option>
          ))}
        </select>
      </label>{" "}
      <button
        type="button"
        disabled={!choice.value || !to.value}
        onClick={async () => {
          const [from = "", member = ""] = choice.value.split(" ");
          const r = await exerciseAsk("ex:move", { member, from, to: to.value });
          said.value = r.ok ? "Moved: the student's screen opens the new table." : r.error;
          if (r.ok) choice.value = "";
        }}
      >
        Move
      </button>
      {said.value && <p role="status">{said.value}</p>}
    </section>
  );
}

/** The dashboard page. */
export function ExercisePage() {
  const d = dashboard.value;
  const key = exercise.value?.key ?? "";
  const revealSaid = useSignal("");
  if (!d)
    return (
      <main class="exercise">
        <h1>Opening the exercise…</h1>
      </main>
    );
  return (
    <main class="exercise">
      <header class="exercise-head">
        <div>
          <h1>{d.name}</h1>
          <p>
            {d.scenario.title} · {d.tables.length} tables
            {d.treatments.length > 0 &&
              ` · treatments: ${d.treatments.map((t) => `${t.label} (${t.tables})`).join(", ")}`}
          </p>
        </div>
        <div class="exercise-code">
          <span>Students join with</span>
          <p class="join-code" role="note" aria-label={`Join code ${d.code.split("").join(" ")}`}>
            {d.code}
          </p>
        </div>
        <button type="button" onClick={() => void closeExercise()}>
          Leave the dashboard
        </button>
      </header>
      {reconnecting.value && (
        <p role="status" class="reconnecting">
          The connection to the server was lost; reconnecting…
        </p>
      )}
      <BroadcastBar scenarioId={d.scenario.id} />
      <section aria-labelledby="tables-h">
        <h2 id="tables-h">Tables</h2>
        <div class="table-grid">
          {d.tables.map((t) => (
            <TableCard key={t.id} t={t} keyOf={key} />
          ))}
        </div>
      </section>
      <MoveStudent d={d} />
      {comparison.value && <Comparison c={comparison.value} hypothesis={d.hypothesis} />}
      {d.treatments.length > 0 && (
        <section class="card">
          <h2>Tell the tables their treatment</h2>
          <p>Students do not know which treatment their table plays until you tell them.</p>
          <button
            type="button"
            disabled={d.revealed}
            onClick={async () => {
              const r = await exerciseAsk("ex:reveal");
              revealSaid.value = r.ok
                ? "Each table has been told its treatment in its public chat."
                : r.error;
            }}
          >
            {d.revealed ? "Treatments revealed" : "Reveal each table's treatment"}
          </button>
          {revealSaid.value && <p role="status">{revealSaid.value}</p>}
        </section>
      )}
    </main>
  );
}
