/**
 * events.csv: every event of an ended game, one a row, for one member. The facilitator gets every event with
 * the true facts; a player gets the events their seat saw during the game and an observer the public ones,
 * with the facts they could know then (an incident's author only when they ran it or it was overt): viewFor,
 * asked as during play, decides.
 */
import {
  own,
  pairMembers,
  RULES,
  viewFor,
  type GameEvent,
  type GameState,
  type SeatId,
  type Viewer,
} from "@firebreak/shared";
import { csvDocument, csvNumber, type Cell } from "./csv.ts";

/** The columns of events.csv, in order (docs/protocol.md §3.5). */
export const EVENT_COLUMNS = [
  "turn",
  "rule",
  "rule_name",
  "visibility",
  "actors",
  "incident",
  "tension_pair",
  "tension_delta",
  "measure_changes",
  "text",
] as const;

/** One change an event made to a state's measure (the events' `changes`). */
interface Change {
  seat: SeatId;
  measure: string;
  delta: number;
}

/**
 * The measure changes an event carries, read defensively (events made before they were recorded have none).
 */
export function eventChanges(e: GameEvent): Change[] {
  const raw = (e as { changes?: unknown }).changes;
  if (!Array.isArray(raw)) return [];
  return raw.filter(
    (c): c is Change =>
      typeof c === "object" &&
      c !== null &&
      typeof (c as Change).seat === "string" &&
      typeof (c as Change).measure === "string" &&
      typeof (c as Change).delta === "number",
  );
}

/**
 * Who may see an event: "public", "facilitator" (nobody else during play), or the seats' ids separated by
 * spaces.
 */
export function visibilityText(e: GameEvent): string {
  if (e.visibleTo === "public") return "public";
  return e.visibleTo.length === 0 ? "facilitator" : e.visibleTo.join(" ");
}

/** A signed number for a change list ("+1", "-0.5"). */
function signed(n: number): string {
  const s = csvNumber(n);
  return n > 0 ? `+${s}` : s;
}

/** The rows of events.csv for `viewer`, from the game's final state. */
export function eventRows(final: GameState, viewer: Viewer): Cell[][] {
  const all = viewer.role === "facilitator";
  // As during play: after the end viewFor reveals everything to everyone, and this export is each seat's own
  // feed.
  const view = viewFor({ ...final, phase: "planning" }, viewer);
  const incidents = new Map(view.incidents.map((i) => [i.id, i]));
  const truth = new Map(final.incidents.map((i) => [i.id, i]));
  const events = all ? final.events : view.events;
  return events.map((e) => {
    const actors = new Set<SeatId>();
    if (e.tension) for (const seat of pairMembers(e.tension.pair)) actors.add(seat);
    const seen = e.incident === undefined ? undefined : incidents.get(e.incident);
    const real = e.incident === undefined ? undefined : truth.get(e.incident);
    if (all && real) {
      if (real.author !== null) actors.add(real.author);
      actors.add(real.target);
    } else if (seen) {
      if (seen.author !== null && seen.author !== "nonState") actors.add(seen.author);
      actors.add(seen.target);
    }
    const changes = eventChanges(e);
    for (const c of changes) actors.add(c.seat);
    const ordered = final.seats.filter((s) => actors.has(s));
    return [
      e.turn,
      e.rule,
      own(RULES, e.rule)?.title ?? "",
      visibilityText(e),
      ordered.join(" "),
      e.incident ?? "",
      e.tension?.pair ?? "",
      e.tension ? e.tension.delta : null,
      changes.map((c) => `${c.seat} ${c.measure} ${signed(c.delta)}`).join("; "),
      e.text,
    ];
  });
}

/** events.csv for `viewer` (docs/protocol.md §3.5). */
export function eventsCsv(final: GameState, viewer: Viewer): string {
  return csvDocument(EVENT_COLUMNS, eventRows(final, viewer));
}
