/**
 * A movement in plain words, for a reader: from a viewer's side when given one ("Tension with Borevia rose
 * …", "Your economy fell …").
 */
import type { SeatId } from "../model/basics.ts";
import { pairMembers } from "../model/pairs.ts";
import type { Movement } from "./why.ts";

/** A value as the summary prints it: one decimal. */
export function fmtValue(x: number): string {
  return x.toFixed(1);
}

/**
 * A signed change with a true minus sign: two decimals below 1 (a month's small moves add up; three below
 * 0.01), one above.
 */
export function fmtDelta(d: number): string {
  const a = Math.abs(d);
  return `${d < 0 ? "−" : "+"}${a.toFixed(a < 0.01 ? 3 : a < 1 ? 2 : 1)}`;
}

/**
 * What the movement is of, as the reader says it: "Tension with Borevia", "Your stability", "Aestria's
 * economy".
 */
export function subjectWords(
  m: Movement,
  nameOf: (seat: SeatId) => string,
  viewer: SeatId | null = null,
): string {
  if (m.quantity === "tension") {
    const [a, b] = pairMembers(m.subject);
    if (viewer === a) return `Tension with ${nameOf(b)}`;
    if (viewer === b) return `Tension with ${nameOf(a)}`;
    return `Tension between ${nameOf(a)} and ${nameOf(b)}`;
  }
  return viewer === m.subject ? `Your ${m.quantity}` : `${nameOf(m.subject)}'s ${m.quantity}`;
}

/** "rose from 2.3 to 3.5 (+1.2)", "fell by 0.4", "did not change": the movement's headline verb phrase. */
export function changeWords(m: Movement): string {
  const verb = m.change > 0 ? "rose" : m.change < 0 ? "fell" : null;
  if (m.before !== null && m.after !== null) {
    if (!verb) return `stayed at ${fmtValue(m.after)}`;
    // Two decimals when one would show the same number twice ("from 1.3 to 1.3").
    const fmt = fmtValue(m.before) === fmtValue(m.after) ? (x: number) => x.toFixed(2) : fmtValue;
    return `${verb} from ${fmt(m.before)} to ${fmt(m.after)} (${fmtDelta(m.change)})`;
  }
  if (!verb) return "did not change overall";
  return `${verb} by ${fmtDelta(m.change).slice(1)}`;
}

/**
 * Each cause as "+0.8 from Public attribution", the remainder as "from other causes you cannot see" (or "not
 * explained by the events").
 */
export function causeWords(m: Movement, viewer: SeatId | null = null): string[] {
  const parts = m.contributions.map(
    (c) =>
      `${fmtDelta(c.delta)} from ${c.ruleName}${c.events.length > 1 ? ` (${c.events.length} events)` : ""}`,
  );
  if (m.unseen !== null && m.unseen !== 0)
    parts.push(
      `${fmtDelta(m.unseen)} ${viewer !== null ? "from other causes you cannot see" : "not explained by the events"}`,
    );
  return parts;
}

/**
 * The whole sentence: "Tension with Borevia rose from 2.3 to 3.5 (+1.2): +0.8 from Public attribution, +0.4
 * from Incident raises tension."
 */
export function whySentence(
  m: Movement,
  nameOf: (seat: SeatId) => string,
  viewer: SeatId | null = null,
): string {
  const causes = causeWords(m, viewer);
  const head = `${subjectWords(m, nameOf, viewer)} ${changeWords(m)}`;
  return causes.length > 0 ? `${head}: ${causes.join(", ")}.` : `${head}.`;
}
