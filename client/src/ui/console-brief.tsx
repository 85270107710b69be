/**
 * What the facilitator reads and players never see: the teacher's notes, each state's secret objectives and
 * whether they are met, and what an inject will say and do.
 */
import { INCIDENT_NAMES, type FacilitatorBrief } from "@firebreak/shared/browser";
import type { ClientView } from "../net/client.ts";

type Inject = FacilitatorBrief["injects"][number];
type Effect = Inject["effects"][number];

const signed = (n: number) => (n > 0 ? `+${n}` : `${n}`);

/** One inject effect in words, e.g. "tension Aestria–Borevia −0.5". */
export function effectWords(e: Effect, v: ClientView): string {
  const name = (seat: string) => v.game.nations[seat]?.name ?? seat;
  switch (e.type) {
    case "tension":
      return `tension ${name(e.a)}–${name(e.b)} ${signed(e.delta)}`;
    case "stat":
      return `${name(e.state)} ${e.stat} ${signed(e.delta)}`;
    case "suspicion":
      return `${name(e.from)}'s suspicion of ${name(e.to)} ${signed(e.delta)}`;
    case "nonStateIncident":
      return `a non-state ${INCIDENT_NAMES[e.kind]} against ${name(e.target)}`;
  }
}

/** What an inject will say (its text) and do (its effects), before it fires. */
export function InjectPreview({ inject, v }: { inject: Inject; v: ClientView }) {
  return (
    <div class="inject-preview">
      <p>
        <strong>{inject.title}</strong>: {inject.text}
      </p>
      <p>
        What it does:{" "}
        {inject.effects.length
          ? inject.effects.map((e) => effectWords(e, v)).join("; ")
          : "nothing but its text"}
        .
      </p>
    </div>
  );
}

/** Each state's secret objectives and whether each is met now. */
export function SecretObjectives({ v }: { v: ClientView }) {
  return (
    <details class="objectives-all">
      <summary>Secret objectives of every state (met now?)</summary>
      <ul>
        {v.game.seats.map((seat) => (
          <li key={seat}>
            <strong>{v.game.nations[seat]?.name}</strong>
            <ul>
              {(v.game.private[seat]?.objectives ?? []).map((o) => (
                <li key={o.text}>
                  {o.met ? "met" : "not met"}: {o.text} ({o.points} points)
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </details>
  );
}

/** The scenario's teacher block, sources and rationale, and the scheduled injects still to come. */
export function TeacherMaterial({ v }: { v: ClientView }) {
  const b = v.facilitator;
  if (!b) return null;
  const t = b.teacher;
  const coming = b.injects.filter((i) => i.turn !== null && !i.fired);
  return (
    <details class="teacher" open>
      <summary>Teacher's notes (only you see these)</summary>
      {t ? (
        <>
          <h4>The case</h4>
          <p>{t.case}</p>
          <h4>Learning objectives</h4>
          <ul>
            {t.learningObjectives.map((x) => (
              <li key={x}>{x}</li>
            ))}
          </ul>
          <h4>Debrief questions</h4>
          <ol>
            {t.debriefQuestions.map((x) => (
              <li key={x}>{x}</li>
            ))}
          </ol>
          {t.notes && (
            <>
              <h4>Notes</h4>
              <p class="teacher-notes">{t.notes}</p>
            </>
          )}
        </>
      ) : (
        <p>This scenario has no teacher's notes.</p>
      )}
      {coming.length > 0 && (
        <>
          <h4>Scheduled injects still to come</h4>
          <ul>
            {coming.map((i) => (
              <li key={`${i.turn}/${i.id}`}>
                Turn {i.turn}: <InjectPreview inject={i} v={v} />
              </li>
            ))}
          </ul>
        </>
      )}
      {b.rationale.length > 0 && (
        <>
          <h4>Why each state starts where it does</h4>
          <ul>
            {b.rationale.map((r) => (
              <li key={r.seat}>
                <strong>{v.game.nations[r.seat]?.name}</strong>:{" "}
                {r.notes.map((n) => `${n.about}: ${n.text}`).join(" ")}
              </li>
            ))}
          </ul>
        </>
      )}
      {b.sources.length > 0 && (
        <>
          <h4>Sources</h4>
          <ul>
            {b.sources.map((x) => (
              <li key={x}>{x}</li>
            ))}
          </ul>
        </>
      )}
    </details>
  );
}
