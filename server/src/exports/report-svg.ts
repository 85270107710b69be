/**
 * The report's charts as inline SVG (no script, no style attribute: presentation attributes only, so a strict
 * CSP allows them): a pair's tension over the turns with its axes, the brink line, the turn war began and the
 * operations each side actually ran; and the timeline of the CBMs in force.
 */
import { CBM_NAMES, own, pairMembers, type GameView, type SeatId } from "@firebreak/shared";

/** Text escaped for HTML and SVG (element content and quoted attributes). */
export function esc(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** A state's name in a view (its id if the view has none). */
export function stateName(v: GameView, id: SeatId | "nonState" | null): string {
  if (id === null) return "nobody";
  if (id === "nonState") return "a non-state actor";
  return own(v.nations, id)?.name ?? id;
}

/** A number with one decimal, as charts label it. */
const one = (n: number): string => (Math.round(n * 10) / 10).toFixed(1);

/** The turns on the x axis: 0 (the start) to the last turn played. */
function lastTurn(v: GameView): number {
  const longest = Math.max(0, ...Object.values(v.tensionHistory).map((h) => h.length - 1));
  return Math.max(1, longest, v.outcome?.turn ?? 0);
}

/**
 * The turns labelled on an axis of `last` turns: every one, or every second, fifth… so labels never overlap.
 */
function labelled(last: number): number[] {
  const step = last <= 16 ? 1 : last <= 32 ? 2 : 5;
  const out: number[] = [];
  for (let t = 0; t <= last; t += step) out.push(t);
  return out;
}

const W = 420;
const H = 250;
const L = 34;
const R = 66;
const TOP = 14;
const PLOT_BOTTOM = 170;

/** One pair's tension chart. */
export function tensionChart(v: GameView, pair: string): string {
  const [a, b] = pairMembers(pair);
  const history = own(v.tensionHistory, pair) ?? [];
  const last = lastTurn(v);
  const x = (t: number): number => L + (t * (W - L - R)) / last;
  const y = (tension: number): number =>
    PLOT_BOTTOM - (Math.min(10, Math.max(0, tension)) / 10) * (PLOT_BOTTOM - TOP);
  const brink = v.params.armedConflictTension;
  const out: string[] = [];
  for (const tick of [0, 2, 4, 6, 8, 10])
    out.push(
      `<line x1="${L}" y1="${y(tick)}" x2="${W - R}" y2="${y(tick)}" stroke="#ddd"/>`,
      `<text x="${L - 6}" y="${y(tick) + 4}" text-anchor="end" font-size="11">${tick}</text>`,
    );
  for (const t of labelled(last))
    out.push(
      `<line x1="${x(t)}" y1="${PLOT_BOTTOM}" x2="${x(t)}" y2="${PLOT_BOTTOM + 4}" stroke="#333"/>`,
      `<text x="${x(t)}" y="${PLOT_BOTTOM + 16}" text-anchor="middle" font-size="11">${t}</text>`,
    );
  out.push(
    `<line x1="${L}" y1="${TOP}" x2="${L}" y2="${PLOT_BOTTOM}" stroke="#333"/>`,
    `<line x1="${L}" y1="${PLOT_BOTTOM}" x2="${W - R}" y2="${PLOT_BOTTOM}" stroke="#333"/>`,
    `<text x="${(L + W - R) / 2}" y="${PLOT_BOTTOM + 30}" text-anchor="middle" font-size="11">turn</text>`,
    `<text x="12" y="${(TOP + PLOT_BOTTOM) / 2}" text-anchor="middle" font-size="11" ` +
      `transform="rotate(-90 12 ${(TOP + PLOT_BOTTOM) / 2})">tension</text>`,
    `<line x1="${L}" y1="${y(brink)}" x2="${W - R}" y2="${y(brink)}" stroke="#a61e4d" stroke-width="1.5" stroke-dasharray="6 3"/>`,
    `<text x="${W - R + 4}" y="${y(brink) + 4}" font-size="11" fill="#a61e4d">brink ${one(brink)}</text>`,
  );
  const o = v.outcome;
  if (o?.kind === "armedConflict" && o.belligerents.includes(a) && o.belligerents.includes(b))
    out.push(
      `<line x1="${x(o.turn)}" y1="${TOP}" x2="${x(o.turn)}" y2="${PLOT_BOTTOM}" stroke="#c92a2a" stroke-width="2"/>`,
      `<text x="${x(o.turn) + 4}" y="${TOP + 10}" font-size="11" fill="#c92a2a">war (turn ${o.turn})</text>`,
    );
  if (history.length > 0)
    out.push(
      `<polyline fill="none" stroke="#1864ab" stroke-width="2" points="${history.map((t, i) => `${x(i)},${y(t)}`).join(" ")}"/>`,
      ...history.map((t, i) => `<circle cx="${x(i)}" cy="${y(t)}" r="2.5" fill="#1864ab"/>`),
    );
  // What each side actually did to the other, one row each, a count per turn (never overlapping glyphs).
  const rows: Array<[SeatId, SeatId, string, number]> = [
    [a, b, "▲", PLOT_BOTTOM + 48],
    [b, a, "▼", PLOT_BOTTOM + 66],
  ];
  for (const [from, to, glyph, rowY] of rows) {
    const perTurn = new Map<number, number>();
    for (const i of v.incidents)
      if (i.author === from && i.target === to) perTurn.set(i.turn, (perTurn.get(i.turn) ?? 0) + 1);
    out.push(
      `<text x="${W - R + 4}" y="${rowY}" font-size="10">${glyph} ${esc(stateName(v, from).slice(0, 10))}</text>`,
    );
    for (const [turn, n] of [...perTurn].sort((p, q) => p[0] - q[0]))
      out.push(
        `<text x="${x(turn)}" y="${rowY}" text-anchor="middle" font-size="11">${glyph}${n > 1 ? n : ""}</text>`,
      );
  }
  const label = `Tension between ${stateName(v, a)} and ${stateName(v, b)} by turn: ${history.map(one).join(", ")}.`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" ` +
    `role="img" aria-label="${esc(label)}">${out.join("")}</svg>`
  );
}

/** The CBMs in force at the end, each a bar from the turn it came into force to the last turn. */
export function cbmTimeline(v: GameView): string {
  if (v.cbms.length === 0) return "";
  const last = lastTurn(v);
  const lane = 34;
  const height = TOP + v.cbms.length * lane + 34;
  const x = (t: number): number => L + (t * (W - L - R)) / last;
  const out: string[] = [];
  v.cbms.forEach((c, k) => {
    const top = TOP + k * lane;
    const full =
      `${CBM_NAMES[c.kind] ?? c.kind}: ` +
      `${c.members.map((m) => stateName(v, m)).join(", ")} (${c.since < 1 ? "from the start" : `from turn ${c.since}`})`;
    // The chart is W wide: a longer label is cut (the list below the chart names every member).
    const label = full.length > 70 ? `${full.slice(0, 69)}…` : full;
    out.push(
      `<text x="${L}" y="${top + 10}" font-size="11">${esc(label)}</text>`,
      `<rect x="${x(Math.min(c.since, last))}" y="${top + 15}" ` +
        `width="${Math.max(3, x(last) - x(Math.min(c.since, last)))}" height="10" fill="#2b8a3e"/>`,
    );
  });
  const axisY = TOP + v.cbms.length * lane + 4;
  out.push(`<line x1="${L}" y1="${axisY}" x2="${W - R}" y2="${axisY}" stroke="#333"/>`);
  for (const t of labelled(last))
    out.push(`<text x="${x(t)}" y="${axisY + 14}" text-anchor="middle" font-size="11">${t}</text>`);
  out.push(`<text x="${(L + W - R) / 2}" y="${axisY + 28}" text-anchor="middle" font-size="11">turn</text>`);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${height}" viewBox="0 0 ${W} ` +
    `${height}" role="img" aria-label="Confidence-building measures in force, by turn">${out.join("")}</svg>`
  );
}
