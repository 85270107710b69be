/**
 * A pair's chart in the debrief: tension by turn on labelled axes scaled to the turns played, the brink line
 * and the turn armed conflict began, and below it four lanes, one count per turn, so nothing overlaps: what
 * each side really did to the other, and what each believed the other had done to it (its attribution of the
 * incidents against it, and whom it blamed publicly).
 */
import { pairMembers, type GameView, type IncidentView } from "@firebreak/shared/browser";

/** A state's id. */
type SeatId = string;

const W = 580;
const LEFT = 160;
const RIGHT = 14;
const TOP = 14;
const PLOT = 130;
const LANE = 18;

/** Counts per turn (index = turn) of what one side did to the other, and what the other believed it did. */
export interface PairLanes {
  did: number[];
  blamed: number[];
}

/** The turns a game lasted: the turns whose tension was recorded, its incidents, its outcome. */
export function turnsPlayed(v: GameView): number {
  const h = Math.max(0, ...Object.values(v.tensionHistory).map((x) => x.length - 1));
  const inc = Math.max(0, ...v.incidents.map((i) => i.turn));
  return Math.max(1, h, inc, v.outcome?.turn ?? 0);
}

/**
 * True when `by` believed (its attribution track, or a public accusation) that `suspect` ran the incident.
 */
export function blames(i: IncidentView, by: SeatId, suspect: SeatId): boolean {
  return (
    (i.target === by && i.knowledge[by]?.suspect === suspect && (i.knowledge[by]?.confidence ?? 0) > 0) ||
    i.publicAttributions.some((a) => a.by === by && a.accused === suspect)
  );
}

/**
 * For `a` acting on `b`: the incidents `a` really ran against `b`, and those `b` laid at `a`'s door, by turn.
 */
export function lanes(v: GameView, a: SeatId, b: SeatId, turns: number): PairLanes {
  const did = new Array<number>(turns + 1).fill(0);
  const blamed = new Array<number>(turns + 1).fill(0);
  for (const i of v.incidents) {
    if (i.turn < 0 || i.turn > turns) continue;
    if (i.author === a && i.target === b) did[i.turn] = (did[i.turn] ?? 0) + 1;
    if (blames(i, b, a)) blamed[i.turn] = (blamed[i.turn] ?? 0) + 1;
  }
  return { did, blamed };
}

/** The operations against `b` that `b`'s own intelligence reports saw `a` run, by the turn they were run. */
export function intelSeen(v: GameView, a: SeatId, b: SeatId): number[] {
  const turns: number[] = [];
  for (const r of v.private[b]?.intel ?? [])
    if (r.about === a) for (const op of r.operationsLastTurn) if (op.target === b) turns.push(r.turn - 1);
  return turns;
}

/** "Borevia's intelligence saw Aestria run 2 operations against it (turns 3, 5)", or "". */
function intelWords(v: GameView, a: SeatId, b: SeatId): string {
  const seen = intelSeen(v, a, b);
  if (seen.length === 0) return "";
  const name = (id: string) => v.nations[id]?.name ?? id;
  return `${name(b)}'s intelligence saw ${name(a)} run ${seen.length} operation(s) against it (turn ${[...new Set(seen)].join(", ")}).`;
}

/** Which turns get a label: all of them, or every second, fifth… when there are many. */
function labelEvery(turns: number): number {
  return turns <= 15 ? 1 : turns <= 30 ? 2 : 5;
}

/** How to read the pair charts, said once above them. */
export function PairChartLegend() {
  return (
    <p class="review-legend">
      Each chart shows a pair's tension after each turn (the line; the dashed line is the brink). Below it,
      one lane per side, one count per turn: the operations each side really ran against the other (▲ ▼), and
      those the other laid at its door, by its own evidence or a public accusation (△ ▽). A “did” without a
      “blamed” went unnoticed or was pinned on someone else; a “blamed” without a “did” is a misattribution.
    </p>
  );
}

/** The chart of one pair. */
export function PairChart({ v, pair }: { v: GameView; pair: string }) {
  const [a, b] = pairMembers(pair);
  const name = (id: string) => v.nations[id]?.name ?? id;
  const h = v.tensionHistory[pair] ?? [];
  const turns = turnsPlayed(v);
  const band = (W - LEFT - RIGHT) / turns;
  // A value of the history at index i is the tension after turn i (index 0: at the start): on the boundary of
  // band i.
  const x = (i: number) => LEFT + i * band;
  const y = (t: number) => TOP + PLOT - (Math.min(10, Math.max(0, t)) / 10) * PLOT;
  const brink = v.params.armedConflictTension;
  const o = v.outcome;
  const war =
    o?.kind === "armedConflict" && o.belligerents.includes(a) && o.belligerents.includes(b) ? o.turn : null;
  const ab = lanes(v, a, b, turns);
  const ba = lanes(v, b, a, turns);
  const rows: Array<{ label: string; counts: number[]; mark: string }> = [
    { label: `${name(a)} → ${name(b)}`, counts: ab.did, mark: "▲" },
    { label: `${name(b)} blamed ${name(a)}`, counts: ab.blamed, mark: "△" },
    { label: `${name(b)} → ${name(a)}`, counts: ba.did, mark: "▼" },
    { label: `${name(a)} blamed ${name(b)}`, counts: ba.blamed, mark: "▽" },
  ];
  const axisY = TOP + PLOT;
  const lanesTop = axisY + 30;
  const H = lanesTop + rows.length * LANE + 6;
  const every = labelEvery(turns);
  const sum = (c: number[]) => c.reduce((s, n) => s + n, 0);
  const byTurn = (c: number[]) =>
    c
      .map((n, t) => (n > 0 ? `turn ${t}: ${n}` : ""))
      .filter(Boolean)
      .join(", ") || "none";
  const desc =
    `Tension between ${name(a)} and ${name(b)}: ` +
    `${h.map((t, i) => `${i === 0 ? "start" : `after turn ${i}`} ${t.toFixed(1)}`).join(", ")}. ` +
    `The brink is at ${brink}${war !== null ? `; armed conflict began on turn ${war}` : ""}. ` +
    `Operations ${name(a)} ran against ${name(b)}: ${byTurn(ab.did)}; ${name(b)} blamed ${name(a)} for: ${byTurn(ab.blamed)}. ` +
    `Operations ${name(b)} ran against ${name(a)}: ${byTurn(ba.did)}; ${name(a)} blamed ${name(b)} ` +
    `for: ${byTurn(ba.blamed)}. ${intelWords(v, a, b)} ${intelWords(v, b, a)}`;
  return (
    <figure class="review-chart">
      <svg viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="img" aria-label={desc}>
        {[0, 2, 4, 6, 8, 10].map((t) => (
          <g key={t}>
            <line x1={LEFT} x2={W - RIGHT} y1={y(t)} y2={y(t)} stroke="#e9ecef" />
            <text x={LEFT - 6} y={y(t) + 4} font-size="11" text-anchor="end" fill="#495057">
              {t}
            </text>
          </g>
        ))}
        <text
          x={14}
          y={TOP + PLOT / 2}
          font-size="11"
          fill="#495057"
          transform={`rotate(-90 14 ${TOP + PLOT / 2})`}
          text-anchor="middle"
        >
          tension
        </text>
        <line x1={LEFT} x2={W - RIGHT} y1={y(brink)} y2={y(brink)} stroke="#7a0010" stroke-dasharray="5 3" />
        <text x={W - RIGHT - 2} y={y(brink) - 3} font-size="10" text-anchor="end" fill="#7a0010">
          brink ({brink})
        </text>
        {war !== null && (
          <g>
            <line x1={x(war)} x2={x(war)} y1={TOP} y2={axisY} stroke="#7a0010" stroke-width="2" />
            <text x={x(war) - 3} y={TOP + 10} font-size="10" text-anchor="end" fill="#7a0010">
              war, turn {war}
            </text>
          </g>
        )}
        <line x1={LEFT} x2={W - RIGHT} y1={axisY} y2={axisY} stroke="#343a40" />
        <line x1={LEFT} x2={LEFT} y1={TOP} y2={axisY} stroke="#343a40" />
        {Array.from({ length: turns }, (_, k) => k + 1).map((t) => (
          <g key={t}>
            <line x1={x(t)} x2={x(t)} y1={axisY} y2={axisY + 4} stroke="#343a40" />
            {(t % every === 0 || t === 1) && (
              <text x={x(t) - band / 2} y={axisY + 14} font-size="10" text-anchor="middle" fill="#343a40">
                {t}
              </text>
            )}
          </g>
        ))}
        <text x={LEFT - 6} y={axisY + 14} font-size="10" text-anchor="end" fill="#343a40">
          turn
        </text>
        <polyline
          fill="none"
          stroke="#1864ab"
          stroke-width="2"
          points={h.map((t, i) => `${x(i)},${y(t)}`).join(" ")}
        />
        {h.map((t, i) => (
          <circle key={i} cx={x(i)} cy={y(t)} r={2.5} fill="#1864ab" />
        ))}
        {rows.map((r, k) => (
          <g key={k}>
            <text x={LEFT - 6} y={lanesTop + k * LANE + 12} font-size="10" text-anchor="end" fill="#343a40">
              {r.mark} {r.label} ({sum(r.counts)})
            </text>
            <line
              x1={LEFT}
              x2={W - RIGHT}
              y1={lanesTop + (k + 1) * LANE}
              y2={lanesTop + (k + 1) * LANE}
              stroke="#f1f3f5"
            />
            {r.counts.map((n, t) =>
              n > 0 ? (
                <text
                  key={t}
                  x={x(t) - band / 2}
                  y={lanesTop + k * LANE + 12}
                  font-size="11"
                  text-anchor="middle"
                >
                  {n > 1 ? `${r.mark}${n}` : r.mark}
                </text>
              ) : null,
            )}
          </g>
        ))}
      </svg>
      <figcaption>
        <strong>
          {name(a)}–{name(b)}
        </strong>
        {war !== null ? `: armed conflict from turn ${war}.` : "."} {intelWords(v, a, b)}{" "}
        {intelWords(v, b, a)}
      </figcaption>
    </figure>
  );
}
