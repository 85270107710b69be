/** The debrief's tables: objectives met or missed with the reason, misattributions, and the CBM timeline. */
import {
  accusationStrength,
  CBM_NAMES,
  CONFIDENCE_NAMES,
  INCIDENT_NAMES,
  pairKey,
  type GameView,
} from "@firebreak/shared/browser";

/** A state's id. */
type SeatId = string;
import { stateNamer } from "../ui/incident-labels.ts";
import { turnsPlayed } from "./pair-chart.tsx";

/** A secret objective as the view carries it. */
type Objective = GameView["private"][string]["objectives"][number];

/** Why an objective was met or missed, from the final view (which reveals everything). */
export function objectiveReason(v: GameView, seat: SeatId, o: Objective, met: boolean): string {
  const name = (id: string) => v.nations[id]?.name ?? id;
  const n = v.nations[seat];
  switch (o.kind) {
    case "tensionAtMost": {
      const t = v.tension[pairKey(seat, o.with)] ?? 0;
      return `tension with ${name(o.with)} ended at ${t.toFixed(1)} (needed at most ${o.max})`;
    }
    case "statAtLeast": {
      const value = n ? (n as unknown as Record<string, number | null>)[o.stat] : null;
      return `${o.stat} ended at ${typeof value === "number" ? value.toFixed(1) : "?"} (needed at least ${o.min})`;
    }
    case "cbmInForce":
      return (
        `${CBM_NAMES[o.cbm]}${o.with ? ` with ${name(o.with)}` : ""} ` +
        `${met ? "was in force at the end" : "was not in force at the end"}`
      );
    case "accessIn":
      return met
        ? `held an access in ${name(o.target)} at the end`
        : `held no access in ${name(o.target)} at the end`;
    case "neverAttributed":
    case "rivalAttributed": {
      // As scoring counts it: a public accusation of the true author, at moderate confidence or better.
      const who = o.kind === "rivalAttributed" ? o.rival : seat;
      const named = v.incidents.flatMap((i) =>
        i.author === who ? i.publicAttributions.filter((a) => a.accused === who && a.confidence >= 2) : [],
      );
      const first = named.sort((x, y) => x.turn - y.turn)[0];
      return first
        ? `${name(who)} was rightly named at ${CONFIDENCE_NAMES[first.confidence]} confidence by ` +
            `${name(first.by)} on turn ${first.turn}${named.length > 1 ? ` (${named.length} times in all)` : ""}`
        : `${name(who)} was never rightly named at moderate confidence or better`;
    }
    case "noArmedConflict":
      return v.outcome?.kind === "armedConflict"
        ? `armed conflict began on turn ${v.outcome.turn}`
        : "no armed conflict";
  }
}

/** Every state's secret objectives, met or missed, with the reason. */
export function Objectives({ v }: { v: GameView }) {
  const name = (id: string) => v.nations[id]?.name ?? id;
  return (
    <table class="review-table objectives">
      <thead>
        <tr>
          <th scope="col">State</th>
          <th scope="col">Objective</th>
          <th scope="col">Result</th>
          <th scope="col">Why</th>
        </tr>
      </thead>
      <tbody>
        {v.seats.flatMap((s) =>
          (v.private[s]?.objectives ?? []).map((o, k) => (
            <tr key={`${s}-${k}`}>
              <th scope="row">{name(s)}</th>
              <td>
                {o.text} ({o.points} points)
              </td>
              <td class={o.met ? "met" : "missed"}>{o.met ? "✔ met" : "✘ missed"}</td>
              <td>{objectiveReason(v, s, o, o.met)}</td>
            </tr>
          )),
        )}
      </tbody>
    </table>
  );
}

/** Incidents pinned on the wrong state: in public, and in a state's private assessment. */
export function Misattributions({ v }: { v: GameView }) {
  const name = stateNamer(v.nations, "nobody");
  const rows = v.incidents.flatMap((i) => [
    ...i.publicAttributions
      .filter((a) => a.accused !== i.author)
      .map((a) => ({
        i,
        by: a.by,
        accused: a.accused as string,
        how: `publicly, ${accusationStrength(a.confidence)}`,
        turn: a.turn,
      })),
    ...Object.entries(i.knowledge)
      .filter(
        ([k, kn]) => k !== i.author && kn.suspect !== null && kn.suspect !== i.author && kn.confidence > 0,
      )
      .map(([k, kn]) => ({
        i,
        by: k,
        accused: kn.suspect as string,
        how: `privately, ${CONFIDENCE_NAMES[kn.confidence]} confidence`,
        turn: kn.since,
      })),
  ]);
  if (rows.length === 0) return <p>No incident was laid at the wrong door.</p>;
  return (
    <table class="review-table misattributions">
      <thead>
        <tr>
          <th scope="col">Turn</th>
          <th scope="col">Incident</th>
          <th scope="col">Really by</th>
          <th scope="col">Blamed on</th>
          <th scope="col">By</th>
          <th scope="col">How</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, k) => (
          <tr key={k}>
            <td>{r.i.turn}</td>
            <td>
              {INCIDENT_NAMES[r.i.kind]} against {name(r.i.target)}
              {r.i.secret?.falseFlag ? ` (false flag → ${name(r.i.secret.falseFlag)})` : ""}
            </td>
            <td>{name(r.i.author)}</td>
            <td>{name(r.accused)}</td>
            <td>{name(r.by)}</td>
            <td>{r.how}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The CBMs over the game: each measure in force from the turn it began, and the turns measures came into
 * force and proposals were declined or lapsed.
 */
export function CbmTimeline({ v }: { v: GameView }) {
  const name = (id: string) => v.nations[id]?.name ?? id;
  const turns = turnsPlayed(v);
  const W = 580;
  const LEFT = 220;
  const band = (W - LEFT - 14) / turns;
  const x = (t: number) => LEFT + (t - 1) * band;
  const counts = (rule: string) => {
    const c = new Array<number>(turns + 1).fill(0);
    for (const e of v.events)
      if (e.rule === rule && e.turn >= 1 && e.turn <= turns) c[e.turn] = (c[e.turn] ?? 0) + 1;
    return c;
  };
  const marks = [
    { label: "measures came into force", c: counts("cbm.inForce"), mark: "●" },
    { label: "proposals declined", c: counts("cbm.declined"), mark: "✗" },
    { label: "proposals lapsed", c: counts("cbm.expired"), mark: "–" },
  ];
  const rows = v.cbms.map((c) => ({
    label: `${CBM_NAMES[c.kind]}: ${c.members.map(name).join(", ")}`,
    since: c.since,
  }));
  const H = 24 + (rows.length + marks.length) * 18 + 8;
  const desc = `${rows.map((r) => `${r.label}, in force from turn ${r.since}`).join("; ") || "No measure was in force"}. ${marks
    .map(
      (m) =>
        `${m.label}: ${
          m.c
            .map((n, t) => (n ? `turn ${t}: ${n}` : ""))
            .filter(Boolean)
            .join(", ") || "none"
        }`,
    )
    .join("; ")}.`;
  const short = (s: string) => (s.length > 38 ? `${s.slice(0, 37)}…` : s);
  return (
    <figure class="review-chart">
      <svg viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="img" aria-label={desc}>
        {Array.from({ length: turns }, (_, k) => k + 1).map((t) => (
          <text key={t} x={x(t) + band / 2} y={12} font-size="10" text-anchor="middle" fill="#343a40">
            {turns <= 15 || t % 5 === 0 || t === 1 ? t : ""}
          </text>
        ))}
        <text x={LEFT - 6} y={12} font-size="10" text-anchor="end" fill="#343a40">
          turn
        </text>
        {rows.map((r, k) => (
          <g key={k}>
            <text x={LEFT - 6} y={30 + k * 18} font-size="10" text-anchor="end">
              {short(r.label)}
            </text>
            <rect
              x={x(Math.max(1, r.since))}
              y={20 + k * 18}
              width={Math.max(2, x(turns + 1) - x(Math.max(1, r.since)))}
              height={12}
              fill="#2b8a3e"
              rx={2}
            />
          </g>
        ))}
        {marks.map((m, k) => (
          <g key={m.label}>
            <text x={LEFT - 6} y={30 + (rows.length + k) * 18} font-size="10" text-anchor="end">
              {m.mark} {m.label}
            </text>
            {m.c.map((n, t) =>
              n > 0 ? (
                <text
                  key={t}
                  x={x(t) + band / 2}
                  y={30 + (rows.length + k) * 18}
                  font-size="11"
                  text-anchor="middle"
                >
                  {n > 1 ? `${m.mark}${n}` : m.mark}
                </text>
              ) : null,
            )}
          </g>
        ))}
      </svg>
      <figcaption>
        Confidence-building measures: each bar is a measure in force, from the turn it began to the end;
        below, the turns measures came into force and proposals were declined or lapsed unanswered.
      </figcaption>
    </figure>
  );
}
