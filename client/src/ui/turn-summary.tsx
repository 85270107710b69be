/**
 * "What changed for you in month N": at the top of a student's game screen when a new month begins, their
 * economy, stability and reputation before → after with every cause their seat can see (the rest said to be
 * unseen, never guessed), the tensions of their pairs that moved and why, new incidents against them, and the
 * objectives a change put at risk. Text, not canvas: a heading and lists. Dismissed, it leaves a button to
 * reopen it.
 */
import {
  type Contribution,
  changeWords,
  fmtDelta,
  fmtValue,
  type Movement,
  type ObjectiveAtRisk,
  subjectWords,
  summariseTurn,
  type TurnStart,
  turnStartOf,
} from "@firebreak/shared/browser";
import { useSignal } from "@preact/signals";
import { useEffect, useRef } from "preact/hooks";
import type { ClientView } from "../net/client.ts";
import { evidenceWords, incidentName } from "./incident-labels.ts";
import { Why } from "./why.tsx";
import "./turn-summary.css";

/**
 * Kept per game, member and seat in this tab: each turn's start (the first view of it), so a month is
 * measured from its start. The member id keeps two games that happen to share a join code (one ended, one
 * new) apart.
 */
function storageKey(v: ClientView, seat: string): string {
  return `firebreak:turn-start:${v.session.code}:${v.me.memberId}:${seat}`;
}

function loadStarts(key: string): Record<string, TurnStart> {
  try {
    const raw = sessionStorage.getItem(key);
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    return parsed && typeof parsed === "object" ? (parsed as Record<string, TurnStart>) : {};
  } catch {
    return {};
  }
}

/** The start of `turn` this tab saw, or null. */
function startOf(key: string, turn: number): TurnStart | null {
  const s = loadStarts(key);
  const t = Object.hasOwn(s, String(turn)) ? s[String(turn)] : undefined;
  const whole =
    t &&
    typeof t.events === "number" &&
    t.turn === turn &&
    typeof t.tension === "object" &&
    t.tension !== null &&
    ["economy", "stability", "reputation"].every((q) => typeof t.measures?.[q as "economy"] === "number");
  return whole ? t : null;
}

/** Remembers the view as the start of its turn, once; keeps the last three turns. */
function rememberStart(key: string, v: ClientView, seat: string): void {
  const s = loadStarts(key);
  if (Object.hasOwn(s, String(v.game.turn))) return;
  const start = turnStartOf(v.game, seat);
  if (!start) return;
  const next: Record<string, TurnStart> = { [String(v.game.turn)]: start };
  for (const t of [v.game.turn - 1, v.game.turn - 2])
    if (Object.hasOwn(s, String(t))) next[String(t)] = s[String(t)] as TurnStart;
  try {
    sessionStorage.setItem(key, JSON.stringify(next));
  } catch {
    // Storage full or refused: the summary then lists causes without the values before.
  }
}

/** The smallest tension move the summary lists. */
const NOTABLE = 0.05;

const MEASURE_LABELS: Record<string, string> = {
  economy: "Economy",
  stability: "Stability",
  reputation: "Reputation",
};

/** "Economy 11.0 → 7.9 (−3.1)", or "Economy now 7.9" when the month's start was not seen. */
function measureHead(m: Movement): string {
  const label = MEASURE_LABELS[m.quantity] ?? m.quantity;
  if (m.before === null || m.after === null) return `${label}: ${changeWords(m)}`;
  if (m.change === 0) return `${label} ${fmtValue(m.after)} (no change)`;
  return `${label} ${fmtValue(m.before)} → ${fmtValue(m.after)} (${fmtDelta(m.change)})`;
}

/**
 * A movement's causes on its own line: "+0.19 from Digital economy (why?), −0.05 from other causes you cannot
 * see".
 */
function Causes({ m }: { m: Movement }) {
  if (m.contributions.length === 0 && !m.unseen) return null;
  return (
    <>
      {": "}
      <ul class="causes">
        {m.contributions.map((c: Contribution) => (
          <li key={c.rule}>
            <strong>{fmtDelta(c.delta)}</strong> from {c.ruleName} <Why rule={c.rule} />
          </li>
        ))}
        {m.unseen !== null && m.unseen !== 0 && (
          <li>
            <strong>{fmtDelta(m.unseen)}</strong> from other causes you cannot see
          </li>
        )}
      </ul>
    </>
  );
}

/** Every event behind the figures shown, once each, in the order they happened. */
function Events({ ms, events }: { ms: Movement[]; events: ClientView["game"]["events"] }) {
  const seen = [...new Set(ms.flatMap((m) => m.contributions.flatMap((c) => c.events)))].sort(
    (a, b) => a - b,
  );
  if (seen.length === 0) return null;
  return (
    <div class="summary-events">
      <h3>The events behind these figures ({seen.length})</h3>
      <ul>
        {seen.map((i) => (
          <li key={i}>{events[i]?.text}</li>
        ))}
      </ul>
    </div>
  );
}

/** The other state of a pair key `a|b` seen from `seat`. */
function otherOf(pair: string, seat: string): string {
  const [a, b] = pair.split("|");
  return a === seat ? (b ?? "") : (a ?? "");
}

function objectiveWords(o: ObjectiveAtRisk): string {
  const what = o.quantity === "tension" ? "tension" : o.quantity;
  const limit = `${o.quantity === "tension" ? "at most" : "at least"} ${fmtValue(o.threshold)}`;
  const now = `${what} is now ${fmtValue(o.after)}`;
  if (o.status === "crossedBelow") return `Broken this month: ${now}, the objective needs ${limit}.`;
  if (o.status === "crossedAbove") return `Met again this month: ${now} (${limit}).`;
  if (o.status === "missed") return `Not met: ${now}, the objective needs ${limit}.`;
  return `At risk: ${now}, close to the limit (${limit}).`;
}

/**
 * The summary of the month just resolved, for a seated player; null for anyone else or in the first month.
 */
export function TurnSummary({ v }: { v: ClientView }) {
  const seat = v.me.role === "player" ? v.me.seat : null;
  const key = seat ? storageKey(v, seat) : "";
  const closedAt = useSignal<number | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const reopen = useRef<HTMLButtonElement>(null);
  const focusNext = useRef<"heading" | "reopen" | null>(null);
  useEffect(() => {
    if (seat && v.game.phase === "planning") rememberStart(key, v, seat);
  }, [key, v.game.turn, seat]);
  // A new month: a student who was waiting (nothing being typed or chosen) lands on its summary, at the top
  // of the page.
  const seenTurn = useRef(v.game.turn);
  useEffect(() => {
    if (v.game.turn === seenTurn.current) return;
    seenTurn.current = v.game.turn;
    const busy = document.activeElement?.closest("input, textarea, select, dialog");
    if (busy || !heading.current) return;
    window.scrollTo(0, 0);
    heading.current.focus({ preventScroll: true });
  }, [v.game.turn]);
  useEffect(() => {
    if (focusNext.current === "heading") heading.current?.focus();
    if (focusNext.current === "reopen") reopen.current?.focus();
    focusNext.current = null;
  });
  if (!seat || v.game.phase !== "planning" || v.session.phase === "ended") return null;
  const s = summariseTurn(v.game, seat, startOf(key, v.game.turn - 1));
  if (!s) return null;
  const name = (id: string) => v.game.nations[id]?.name ?? id;
  // A pair's drift of a few hundredths with no cause as large is left out: it would bury the moves that
  // matter.
  const tension = s.tension.filter(
    (m) => Math.abs(m.change) >= NOTABLE || m.contributions.some((c) => Math.abs(c.delta) >= NOTABLE),
  );
  if (closedAt.value === v.game.turn)
    return (
      <p class="turn-summary-reopen">
        <button
          type="button"
          ref={reopen}
          onClick={() => {
            closedAt.value = null;
            focusNext.current = "heading";
          }}
        >
          What changed for you in month {s.turn}
        </button>
      </p>
    );
  return (
    <section class="turn-summary" aria-labelledby="turn-summary-h">
      <div class="turn-summary-head">
        <h2 id="turn-summary-h" ref={heading} tabIndex={-1}>
          What changed for you in month {s.turn}
        </h2>
        <button
          type="button"
          aria-label="Dismiss the month's summary"
          onClick={() => {
            closedAt.value = v.game.turn;
            focusNext.current = "reopen";
          }}
        >
          Dismiss
        </button>
      </div>
      {!s.exact && (
        <p class="muted">
          This screen did not see month {s.turn} begin: here are the causes you can see, without the values
          before.
        </p>
      )}
      <ul class="summary-measures" aria-label={`${name(seat)}'s measures`}>
        {s.measures.map((m) => (
          <li key={m.quantity}>
            {measureHead(m)}
            <Causes m={m} />
          </li>
        ))}
      </ul>
      {s.objectives.length > 0 && (
        <ul aria-label="Your objectives">
          {s.objectives.map((o) => (
            <li key={o.text} class={o.met ? "" : "objective-missed"}>
              <strong>{o.text}</strong> — {objectiveWords(o)}
            </li>
          ))}
        </ul>
      )}
      {s.incidents.length > 0 && (
        <>
          <h3>New incidents against you</h3>
          <ul>
            {s.incidents.map((i) => (
              <li key={i.id}>
                {incidentName(i, v)}
                {i.damage && (i.damage.economy !== 0 || i.damage.stability !== 0)
                  ? `: damage to economy ${fmtValue(i.damage.economy)}, to stability ${fmtValue(i.damage.stability)}`
                  : ""}
                {evidenceWords(i, v) ? ` (${evidenceWords(i, v)})` : ""}
              </li>
            ))}
          </ul>
        </>
      )}
      {/* Folded, so the orders stay in the first screen: the line itself says which tensions moved. */}
      <details class="summary-tensions">
        <summary>
          {tension.length === 0
            ? `Tensions: none with your state moved by ${NOTABLE} or more`
            : `Tensions: ${tension.map((m) => `${name(otherOf(m.subject, seat))} ${fmtDelta(m.change)}`).join(", ")}`}
          {" — why, and the events behind these figures"}
        </summary>
        {tension.length > 0 && (
          <ul>
            {tension.map((m) => (
              <li key={m.subject}>
                {subjectWords(m, name, seat)} {changeWords(m)}
                <Causes m={m} />
              </li>
            ))}
          </ul>
        )}
        <Events ms={[...s.measures, ...tension]} events={v.game.events} />
      </details>
    </section>
  );
}
