/**
 * report.html: a printable after-action report of an ended game, one self-contained page (inline CSS and SVG,
 * no script, nothing fetched) a teacher hands out or saves as PDF. It shows the game as the debrief shows it
 * to the member asking (viewFor on the ended game): outcome, tension per pair with the brink and war, scores,
 * objectives, every incident with its true author, and the CBMs. Its style is allowed by hash, so the page
 * keeps a strict CSP.
 */
import { createHash } from "node:crypto";
import {
  accusationStrength,
  allPairs,
  CONFIDENCE_NAMES,
  INCIDENT_NAMES,
  own,
  viewFor,
  type GameState,
  type GameView,
  type SeatId,
  type Viewer,
} from "@firebreak/shared";
import { cbmTimeline, esc, stateName, tensionChart } from "./report-svg.ts";

/** What the report is made from. */
export interface ReportInput {
  /** The ended game's final state. */
  final: GameState;
  /** Who asks: the report shows what the debrief shows them. */
  viewer: Viewer;
  /** The game's name as its creator gave it (untrusted text). */
  gameName: string;
  /** The names of the people who played each seat (untrusted text). */
  players: ReadonlyMap<SeatId, readonly string[]>;
  /** Each seat's controller as the record names it: "human" or "bot:<persona>". */
  controllers: ReadonlyArray<{ seat: SeatId; controller: string }>;
  /** The record's final state hash. */
  finalHash: string;
}

const STYLE = `@page{size:A4;margin:14mm}
body{font:10.5pt/1.4 system-ui,-apple-system,"Segoe UI",sans-serif;color:#111;max-width:190mm;margin:1em auto;padding:0 1em}
h1{font-size:18pt;margin:0 0 .2em}h2{font-size:13pt;border-bottom:1px solid #999;margin:1.4em 0 .4em;break-after:avoid}
h3{font-size:11pt;margin:.8em 0 .2em;break-after:avoid}
table{border-collapse:collapse;width:100%;font-size:9pt}th,td{border:1px solid #bbb;padding:2px 4px;text-align:left;vertical-align:top}
td.n{text-align:right;font-variant-numeric:tabular-nums}tr{break-inside:avoid}
figure{margin:.6em 0;break-inside:avoid}figcaption{font-size:8.5pt;color:#444}svg{width:100%;height:auto}
.charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:.2em 1.2em}.cbm svg{max-width:420px}
.meta{color:#444}.met{color:#2b8a3e;font-weight:bold}.missed{color:#a61e4d;font-weight:bold}.hint{color:#555;font-size:9pt}
code{font-size:8pt;word-break:break-all}
@media print{body{margin:0;max-width:none;padding:0}.hint{display:none}}`;

/**
 * The Content-Security-Policy the report is served with: nothing but its own inline style (by hash) and data:
 * images.
 */
export function reportCsp(forMeta = false): string {
  const hash = createHash("sha256").update(STYLE).digest("base64");
  const policy = [
    "default-src 'none'",
    `style-src 'sha256-${hash}'`,
    "img-src data:",
    "base-uri 'none'",
    "form-action 'none'",
  ];
  // frame-ancestors is ignored (with a warning) in a <meta> policy; the header carries it.
  return (forMeta ? policy : [...policy, "frame-ancestors 'none'"]).join("; ");
}

/** The outcome in a sentence. */
export function outcomeSentence(v: GameView): string {
  const o = v.outcome;
  if (!o) return "The game did not reach an outcome.";
  const names = (ids: readonly SeatId[]): string => ids.map((id) => stateName(v, id)).join(" and ");
  const what =
    o.kind === "armedConflict"
      ? `Armed conflict between ${names(o.belligerents)}${o.initiator ? `, started by ${stateName(v, o.initiator)}` : ""}`
      : o.kind === "stablePeace"
        ? "Stable peace"
        : o.kind === "turnLimit"
          ? "The crisis period ended without war"
          : "Ended by the facilitator";
  return `${what}, on turn ${o.turn}.`;
}

const fmt = (n: number | null | undefined): string => (typeof n === "number" ? n.toFixed(1) : "—");
const cell = (text: string, numeric = false): string => `<td${numeric ? ' class="n"' : ""}>${esc(text)}</td>`;

function scoresTable(v: GameView, input: ReportInput): string {
  const rows = v.seats.map((seat) => {
    const sc = own(v.scores, seat);
    const people = input.players.get(seat) ?? [];
    const controller = input.controllers.find((c) => c.seat === seat)?.controller ?? "human";
    const bot = controller.startsWith("bot:") ? `bot (${controller.slice(4)})` : "";
    const by = [people.join(", "), bot].filter(Boolean).join("; ") || "—";
    return `<tr><th scope="row">${esc(stateName(v, seat))}</th>${cell(by)}${cell(fmt(sc?.economy), true)}${cell(fmt(sc?.stability), true)}${cell(fmt(sc?.reputation), true)}${cell(String(sc?.objectives ?? "—"), true)}${cell(String(sc?.outcome ?? "—"), true)}<td class="n"><strong>${esc(fmt(sc?.total))}</strong></td></tr>`;
  });
  return (
    `<table><thead><tr><th scope="col">State</th><th scope="col">Played by</th><th ` +
    `scope="col">Economy</th><th scope="col">Stability</th><th scope="col">Reputation</th><th ` +
    `scope="col">Objectives</th><th scope="col">Outcome</th><th scope="col">Total</th></tr></thead><tbody>${rows.join("")}</tbody></table>`
  );
}

function objectivesSection(v: GameView): string {
  const parts = v.seats.map((seat) => {
    const objectives = own(v.private, seat)?.objectives;
    if (!objectives) return "";
    const items = objectives.map(
      (o) =>
        `<li><span class="${o.met ? "met" : "missed"}">${o.met ? "Met" : "Missed"}</span> ${esc(o.text)} (${o.points} points)</li>`,
    );
    return `<h3>${esc(stateName(v, seat))}</h3><ul>${items.join("") || "<li>No objectives.</li>"}</ul>`;
  });
  return parts.join("") || "<p>The objectives are not shown to you.</p>";
}

function incidentsTable(v: GameView): string {
  if (v.incidents.length === 0) return "<p>No incidents.</p>";
  const rows = v.incidents.map((i) => {
    const hidden =
      [
        i.secret?.proxy ? "proxy" : "",
        i.secret?.falseFlag ? `false flag → ${stateName(v, i.secret.falseFlag)}` : "",
        i.secret && !i.secret.success ? "failed" : "",
      ]
        .filter(Boolean)
        .join(", ") || "—";
    const beliefs =
      Object.entries(i.knowledge)
        .filter(([k]) => k !== i.author)
        .map(
          ([k, kn]) =>
            `${stateName(v, k)}: ${CONFIDENCE_NAMES[kn.confidence] ?? kn.confidence}${kn.suspect ? ` → ${stateName(v, kn.suspect)}` : ""}`,
        )
        .join("; ") || "undetected";
    const blame =
      i.publicAttributions
        .map(
          (a) =>
            `${stateName(v, a.by)} blamed ${stateName(v, a.accused)} ` +
            `(${accusationStrength(a.confidence)})${a.accused === i.author ? "" : " — wrong"}`,
        )
        .join("; ") || "—";
    const kind = `${INCIDENT_NAMES[i.kind] ?? i.kind}${i.overt ? " (overt)" : ""}`;
    return `<tr>${cell(String(i.turn), true)}${cell(kind)}${cell(stateName(v, i.target))}${cell(stateName(v, i.author))}${cell(hidden)}${cell(beliefs)}${cell(blame)}</tr>`;
  });
  return (
    `<table><thead><tr><th scope="col">Turn</th><th scope="col">What</th><th ` +
    `scope="col">Against</th><th scope="col">True author</th><th scope="col">Hidden details</th><th ` +
    `scope="col">Private attributions</th><th scope="col">Public blame</th></tr></thead><tbody>${rows.join("")}</tbody></table>`
  );
}

function cbmSection(v: GameView): string {
  const chart = cbmTimeline(v);
  const events = v.events.filter((e) => e.rule.startsWith("cbm."));
  const list = events.map((e) => `<li>Turn ${e.turn}: ${esc(e.text)}</li>`).join("");
  return `${chart ? `<figure class="cbm">${chart}<figcaption>Each bar runs from the turn the measure came into force to the end.</figcaption></figure>` : "<p>No confidence-building measure was in force at the end.</p>"}${list ? `<h3>Proposals and answers</h3><ul>${list}</ul>` : ""}`;
}

/** The report page for `input.viewer`. */
export function reportHtml(input: ReportInput): string {
  const v = viewFor(input.final, input.viewer);
  const charts = allPairs(v.seats)
    .map((pair) => {
      const [a, b] = pair.split("|") as [SeatId, SeatId];
      return `<figure>${tensionChart(v, pair)}<figcaption>${esc(stateName(v, a))}–${esc(stateName(v, b))}</figcaption></figure>`;
    })
    .join("");
  const title = `After-action report: ${v.scenario.title}`;
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${esc(reportCsp(true))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${STYLE}</style></head>
<body>
<h1>${esc(title)}</h1>
<p class="meta">Game “${esc(input.gameName)}” · scenario <code>${esc(v.scenario.id)}</code> · rules v${input.final.rulesVersion} · ${v.seats.length} states · ended on turn ${v.outcome?.turn ?? v.turn}</p>
<p class="hint">To save this report as a PDF, print it and choose “Save as PDF”.</p>
<h2>Outcome</h2>
<p><strong>${esc(outcomeSentence(v))}</strong></p>
<p>${esc(v.scenario.briefing)}</p>
<h2>Scores</h2>
${scoresTable(v, input)}
<h2>Tension between each pair, beside what was really done</h2>
<p>Each chart shows a pair's tension at the end of every turn (turn 0 is the start) against the brink (dashed), and
the turn war began if it did. Below its axis are the operations each side actually ran against the other, whether or
not they were detected: ▲ by the first state named in the key, ▼ by the second; a number counts several in one turn.</p>
<div class="charts">${charts}</div>
<h2>Objectives</h2>
${objectivesSection(v)}
<h2>Every incident: who really did it, and who was blamed</h2>
${incidentsTable(v)}
<h2>Confidence-building measures</h2>
${cbmSection(v)}
<p class="meta">Record hash <code>${esc(input.finalHash)}</code>: the game's record (<code>GET /api/records/:gameId</code>) replays to this state.</p>
</body></html>
`;
}
