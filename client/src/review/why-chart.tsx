/**
 * Why it moved: for one pair's tension, or one state's economy, stability or reputation, each turn's change
 * split by the rule that caused it, as stacked bars (rises above the line, falls below), from the replay's
 * viewer's side (what it could not see is its own grey part), with the sentences for the turn the replay
 * shows.
 */
import { useSignal } from "@preact/signals";
import { pairMembers, whySentence, type GameState, type WhyTurn } from "@firebreak/shared/browser";

const W = 580;
const LEFT = 44;
const H = 200;
const MID = H / 2;
/**
 * Colours for rules, in order of first appearance; "unseen" is grey and drawn hatched in the legend's words.
 */
const PALETTE = [
  "#1864ab",
  "#e8590c",
  "#2b8a3e",
  "#862e9c",
  "#c92a2a",
  "#0b7285",
  "#5c940d",
  "#d6336c",
  "#495057",
];

/** One stacked segment: a rule's part of a turn's change. */
interface Part {
  key: string;
  label: string;
  delta: number;
}

/** What a chart follows: a pair's tension (`tension:a|b`) or a state's measure (`economy:seat`, …). */
type Followed = { quantity: "tension" | "economy" | "stability" | "reputation"; subject: string };

function followedOf(key: string): Followed {
  const i = key.indexOf(":");
  return { quantity: key.slice(0, i) as Followed["quantity"], subject: key.slice(i + 1) };
}

/** The movement of what is followed in one turn's decomposition. */
function movementOf(w: WhyTurn | undefined, f: Followed) {
  const list = f.quantity === "tension" ? w?.tension : w?.measures;
  return list?.find((x) => x.subject === f.subject && x.quantity === f.quantity);
}

const MEASURE_WORDS = { economy: "Economy", stability: "Stability", reputation: "Reputation" } as const;

function partsOf(w: WhyTurn | undefined, f: Followed, viewer: string | null): Part[] {
  const m = movementOf(w, f);
  if (!m) return [];
  const parts: Part[] = m.contributions.map((c) => ({ key: c.rule, label: c.ruleName, delta: c.delta }));
  if (m.unseen !== null && m.unseen !== 0)
    parts.push({
      key: "unseen",
      label: viewer ? "causes it could not see" : "not explained by events",
      delta: m.unseen,
    });
  return parts;
}

/**
 * The chart and sentences for a game's decomposition (`why[k]` is turn k + 1), `turn` the turn to put in
 * words.
 */
export function WhyChart({
  why,
  state,
  turn,
  viewer,
}: {
  why: WhyTurn[];
  state: GameState;
  turn: number;
  viewer: string | null;
}) {
  const name = (s: string) => state.nations[s]?.name ?? s;
  const pairs = Object.keys(state.tension);
  const moves = (p: string) =>
    why.reduce((s, w) => s + Math.abs(w.tension.find((m) => m.subject === p)?.change ?? 0), 0);
  const busiest = pairs.slice().sort((a, b) => moves(b) - moves(a))[0] ?? "";
  const options: Array<{ key: string; label: string }> = [
    ...pairs.map((p) => ({ key: `tension:${p}`, label: `Tension ${pairMembers(p).map(name).join("–")}` })),
    ...state.seats.flatMap((seat) =>
      (["economy", "stability", "reputation"] as const).map((q) => ({
        key: `${q}:${seat}`,
        label: `${MEASURE_WORDS[q]} of ${name(seat)}`,
      })),
    ),
  ];
  const chosen = useSignal(`tension:${busiest}`);
  const key = options.some((o) => o.key === chosen.value) ? chosen.value : `tension:${busiest}`;
  const followed = followedOf(key);
  const title = options.find((o) => o.key === key)?.label ?? "";
  const turns = why.length;
  const band = (W - LEFT - 10) / Math.max(1, turns);
  const perTurn = why.map((w) => partsOf(w, followed, viewer));
  const maxAbs = Math.max(
    0.5,
    ...perTurn.map((ps) =>
      Math.max(
        ps.filter((p) => p.delta > 0).reduce((s, p) => s + p.delta, 0),
        -ps.filter((p) => p.delta < 0).reduce((s, p) => s + p.delta, 0),
      ),
    ),
  );
  const scale = (MID - 14) / maxAbs;
  const keys = [...new Set(perTurn.flat().map((p) => p.key))];
  const colour = (k: string) =>
    k === "unseen" ? "#adb5bd" : (PALETTE[keys.indexOf(k) % PALETTE.length] ?? "#495057");
  const labels = new Map(perTurn.flat().map((p) => [p.key, p.label]));
  const now = why[turn - 1];
  const nowList = followed.quantity === "tension" ? (now?.tension ?? []) : (now?.measures ?? []);
  const sentences = nowList
    .filter((m) => followed.quantity === "tension" || m.quantity === followed.quantity)
    .map((m) => whySentence(m, name, viewer));
  const desc = perTurn
    .map(
      (ps, k) =>
        `Turn ${k + 1}: ${ps.map((p) => `${p.delta > 0 ? "+" : ""}${p.delta.toFixed(2)} ${p.label}`).join(", ") || "no change"}`,
    )
    .join(". ");
  return (
    <section aria-labelledby="why-h" class="why-moved">
      <h2 id="why-h">Why it moved{viewer ? `, as ${name(viewer)} could tell` : ""}</h2>
      <label>
        Follow{" "}
        <select value={key} onChange={(e) => (chosen.value = (e.currentTarget as HTMLSelectElement).value)}>
          {options.map((o) => (
            <option key={o.key} value={o.key}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      <figure class="review-chart">
        <svg
          viewBox={`0 0 ${W} ${H + 18}`}
          width={W}
          height={H + 18}
          role="img"
          aria-label={`${title}, change by cause. ${desc}.`}
        >
          {[maxAbs, maxAbs / 2, 0, -maxAbs / 2, -maxAbs].map((v) => (
            <g key={v}>
              <line
                x1={LEFT}
                x2={W - 10}
                y1={MID - v * scale}
                y2={MID - v * scale}
                stroke={v === 0 ? "#343a40" : "#e9ecef"}
              />
              <text x={LEFT - 4} y={MID - v * scale + 4} font-size="10" text-anchor="end" fill="#495057">
                {v > 0 ? "+" : ""}
                {v.toFixed(1)}
              </text>
            </g>
          ))}
          {perTurn.map((ps, k) => {
            let up = 0;
            let down = 0;
            const x = LEFT + k * band + band * 0.15;
            return (
              <g key={k}>
                {k + 1 === turn && (
                  <rect x={LEFT + k * band} y={4} width={band} height={H - 8} fill="#fff3bf" />
                )}
                {ps.map((p, j) => {
                  const h = Math.abs(p.delta) * scale;
                  let y: number;
                  if (p.delta > 0) {
                    up += h;
                    y = MID - up;
                  } else {
                    y = MID + down;
                    down += h;
                  }
                  return (
                    <rect
                      key={j}
                      x={x}
                      y={y}
                      width={band * 0.7}
                      height={Math.max(0.5, h)}
                      fill={colour(p.key)}
                    />
                  );
                })}
                <text x={LEFT + k * band + band / 2} y={H + 14} font-size="10" text-anchor="middle">
                  {turns <= 15 || (k + 1) % 5 === 0 ? k + 1 : ""}
                </text>
              </g>
            );
          })}
        </svg>
        <figcaption>
          {title}: each turn's change split by cause (rises above the line, falls below); the highlighted turn
          is the month that led up to the turn the replay shows. Causes:{" "}
          {keys.map((k, i) => (
            <span key={k} class="why-key">
              <span class="swatch" style={{ background: colour(k) }} /> {labels.get(k)}
              {i < keys.length - 1 ? "; " : ""}
            </span>
          ))}
        </figcaption>
      </figure>
      <h3>Turn {turn}, in words</h3>
      {sentences.length === 0 ? (
        <p>
          No {followed.quantity === "tension" ? "tension" : MEASURE_WORDS[followed.quantity].toLowerCase()}{" "}
          moved in turn {turn}.
        </p>
      ) : (
        <ul>
          {sentences.map((s, i) => (
            <li key={i}>{s}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
