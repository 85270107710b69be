/**
 * The game the export goldens are made from: a class game of the engine's four-state test scenario, played by
 * journal entries (the session's own fold, no server): Ann (north), Bob (south) and a player whose name is a
 * spreadsheet formula (east) order, chat, propose and answer a hotline and mark themselves ready over two
 * turns; west is a bot; the facilitator ends it on turn 3. Its journal is fixed; its numbers follow the
 * engine.
 */
import {
  replayTimeline,
  withScenario,
  type GameRecord,
  type GameState,
  type Timeline,
} from "@firebreak/shared";
import { eventsCsv } from "../../server/src/exports/events-csv.ts";
import { participants, participationCsv } from "../../server/src/exports/participation-csv.ts";
import { reportHtml } from "../../server/src/exports/report-html.ts";
import { turnsCsv } from "../../server/src/exports/turns-csv.ts";
import type { JournalEntry } from "../../server/src/session/journal.ts";
import { recordOf } from "../../server/src/session/record.ts";
import { applyEntry, createSession } from "../../server/src/session/session.ts";
import type { Member, SessionState } from "../../server/src/session/types.ts";
import { ann, bob, create, olga, scenario } from "../../server/src/testing/fixtures.ts";

/** A player whose name a spreadsheet would run as a formula. */
export const mallory: Member = {
  id: "mM",
  name: "=cmd|' /C calc'!A0",
  role: "player",
  seat: "east",
  token: "tok-mallory-000000",
};

/** An entry without its time (each union member's own `at` left out). */
type Unstamped<E> = E extends unknown ? Omit<E, "at"> : never;

/** The fixture game: its journal, record (with its scenario), timeline and final state. */
export interface FixtureGame {
  journal: JournalEntry[];
  record: GameRecord;
  timeline: Timeline;
  final: GameState;
}

/** Plays the fixture game. */
export function fixtureGame(): FixtureGame {
  const c = createSession(create, scenario);
  if (!c.ok) throw new Error(c.error.message);
  let s: SessionState = c.value;
  const journal: JournalEntry[] = [create];
  let at = create.at;
  const add = (e: Unstamped<JournalEntry>): void => {
    at += 100;
    const entry = { ...e, at } as JournalEntry;
    const r = applyEntry(s, entry);
    if (!r.ok) throw new Error(`${entry.kind}: ${r.error.code} ${r.error.message}`);
    s = r.value;
    journal.push(entry);
  };
  const pub = { kind: "public" } as const;
  add({ kind: "join", by: "mA", member: ann });
  add({ kind: "join", by: "mB", member: bob });
  add({ kind: "join", by: "mO", member: olga });
  add({ kind: "join", by: "mM", member: mallory });
  add({ kind: "start", by: "mF" });
  // Turn 1: Ann changes her orders once, proposes a hotline and is ready; Bob is ready, then takes it back.
  add({ kind: "chat", by: "mA", channel: pub, text: 'Hello, South: let us talk. "Calm" is the word.' });
  add({ kind: "chat", by: "mM", channel: pub, text: "=1+1\nand a second line, with a comma" });
  add({ kind: "chat", by: "mM", channel: pub, text: "@SUM(A1:A2)" });
  add({
    kind: "step",
    by: "mA",
    step: { type: "orders", turn: 1, seat: "north", orders: [{ type: "harden" }] },
  });
  add({
    kind: "step",
    by: "mA",
    step: {
      type: "orders",
      turn: 1,
      seat: "north",
      orders: [{ type: "espionage", target: "south" }, { type: "harden" }],
    },
  });
  add({
    kind: "step",
    by: "mB",
    step: { type: "orders", turn: 1, seat: "south", orders: [{ type: "develop" }] },
  });
  add({
    kind: "step",
    by: "mA",
    step: { type: "propose", turn: 1, seat: "north", kind: "hotline", parties: ["north", "south"] },
  });
  add({ kind: "ready", by: "mA", seat: "north", ready: true });
  add({ kind: "ready", by: "mB", seat: "south", ready: true });
  add({ kind: "ready", by: "mB", seat: "south", ready: false });
  add({ kind: "step", by: "system", step: { type: "resolve", turn: 1 } });
  // Turn 2: Bob accepts the hotline; everyone human orders and is ready.
  const proposal = s.game.proposals[0]?.id;
  if (proposal !== undefined)
    add({
      kind: "step",
      by: "mB",
      step: { type: "respond", turn: 2, seat: "south", proposal, accept: true },
    });
  add({ kind: "chat", by: "mB", channel: pub, text: "+1 to the hotline" });
  add({
    kind: "step",
    by: "mA",
    step: { type: "orders", turn: 2, seat: "north", orders: [{ type: "hunt" }] },
  });
  add({
    kind: "step",
    by: "mM",
    step: { type: "orders", turn: 2, seat: "east", orders: [{ type: "influence", target: "north" }] },
  });
  for (const [by, seat] of [
    ["mA", "north"],
    ["mB", "south"],
    ["mM", "east"],
  ] as const)
    add({ kind: "ready", by, seat, ready: true });
  add({ kind: "step", by: "system", step: { type: "resolve", turn: 2 } });
  add({ kind: "step", by: "mF", step: { type: "end", turn: 3 } });

  const rec = recordOf(journal, scenario);
  if (!rec.ok) throw new Error(rec.error.message);
  const record = withScenario(rec.value, scenario);
  const t = replayTimeline(record, scenario);
  if (!t.ok) throw new Error(t.error.message);
  return { journal, record, timeline: t.value, final: t.value.final };
}

/** Every export of the fixture game, by golden file name. */
export function fixtureExports(g: FixtureGame = fixtureGame()): Record<string, string> {
  const stateName = (seat: string): string => scenario.states.find((st) => st.id === seat)?.name ?? seat;
  const players = new Map<string, string[]>();
  for (const p of participants(g.journal).people)
    if (p.role === "player" && p.seat !== null) players.set(p.seat, [...(players.get(p.seat) ?? []), p.name]);
  return {
    "events-facilitator.csv": eventsCsv(g.final, { role: "facilitator" }),
    "events-north.csv": eventsCsv(g.final, { role: "player", seat: "north" }),
    "events-observer.csv": eventsCsv(g.final, { role: "observer" }),
    "turns.csv": turnsCsv(g.record, g.timeline),
    "participation.csv": participationCsv(g.journal, stateName),
    "report.html": reportHtml({
      final: g.final,
      viewer: { role: "facilitator" },
      gameName: create.options.name,
      players,
      controllers: g.record.seats,
      finalHash: g.record.finalHash,
    }),
  };
}
