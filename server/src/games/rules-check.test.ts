/**
 * A stored game goes on under other rules only when its journal proves the same game; the versions here are
 * arbitrary.
 */
import { describe, expect, it } from "vitest";
import { stateHash } from "@firebreak/shared";
import type { JournalEntry, StoredEntry } from "../session/journal.ts";
import { applyEntry, createSession } from "../session/session.ts";
import { scenario, started } from "../testing/fixtures.ts";
import { entryHash, isStateHash } from "./entry-hash.ts";
import { checkJournal } from "./rules-check.ts";

/**
 * The started class game through one resolved turn, each create and step entry with the hash of the state
 * after it.
 */
function hashedJournal(): StoredEntry[] {
  const { s, journal } = started();
  const turn = s.game.turn;
  const steps: JournalEntry[] = [
    { kind: "step", at: 3_000, by: "mA", step: { type: "orders", turn, seat: "north", orders: [] } },
    { kind: "step", at: 3_100, by: "mB", step: { type: "orders", turn, seat: "south", orders: [] } },
    { kind: "step", at: 3_200, by: "mF", step: { type: "resolve", turn } },
  ];
  const [first, ...rest] = [...journal, ...steps];
  if (first?.kind !== "create") throw new Error("a journal starts with its create entry");
  const created = createSession(first, scenario);
  if (!created.ok) throw new Error(created.error.message);
  let session = created.value;
  const out: StoredEntry[] = [{ ...first, hash: stateHash(session.game) }];
  for (const e of rest) {
    const r = applyEntry(session, e);
    if (!r.ok) throw new Error(`${e.kind}: ${r.error.message}`);
    session = r.value;
    out.push(e.kind === "step" ? { ...e, hash: entryHash(e, session.game) } : e);
  }
  return out;
}

/** The journal with the entry at `i` changed by `f`. */
function altered(entries: StoredEntry[], i: number, f: (e: StoredEntry) => StoredEntry): StoredEntry[] {
  return entries.map((e, j) => (j === i ? f(e) : e));
}

const resolveAt = (entries: StoredEntry[]): number =>
  entries.findIndex((e) => e.kind === "step" && e.step.type === "resolve");

describe("checking a stored game's journal against this engine", () => {
  it("a game made under other rules whose every hash matches is the same game and goes on", () => {
    const entries = hashedJournal();
    const checked = checkJournal(entries, scenario, 7, 8);
    expect(checked.kind).toBe("same");
    if (checked.kind === "same") expect(checked.session.game.turn).toBe(2);
  });

  it("under other rules, one hash that differs, or one that is missing, ends it; the reason names where", () => {
    const entries = hashedJournal();
    const tampered = altered(entries, resolveAt(entries), (e) => ({ ...e, hash: "0000000000000000" }));
    const differs = checkJournal(tampered, scenario, 7, 8);
    expect(differs.kind).toBe("differs");
    if (differs.kind === "differs") expect(differs.why).toMatch(/after turn 1 \(resolve\)/);
    const unhashed = altered(entries, 0, (e) => ({ ...e, hash: undefined }));
    const missing = checkJournal(unhashed, scenario, 7, 8);
    expect(missing.kind).toBe("differs");
    if (missing.kind === "differs") expect(missing.why).toMatch(/no state hash at the start/);
  });

  it("a seat's orders keep a digest of those orders, never the whole state's hash; one that differs ends the game", () => {
    const entries = hashedJournal();
    const at = entries.findIndex((e) => e.kind === "step" && e.step.type === "orders");
    const kept = (entries[at] as { hash?: string }).hash ?? "";
    expect(kept).toMatch(/^orders:/);
    expect(isStateHash(kept)).toBe(false);
    expect(isStateHash((entries[resolveAt(entries)] as { hash?: string }).hash ?? "orders:")).toBe(true);
    // An engine that normalised those orders otherwise would keep another digest: the check names the entry.
    const tampered = altered(entries, at, (e) => ({ ...e, hash: "orders:0000000000000000" }));
    const differs = checkJournal(tampered, scenario, 7, 8);
    expect(differs.kind).toBe("differs");
    if (differs.kind === "differs") expect(differs.why).toMatch(/after turn 1 \(orders of north\)/);
  });

  it("a journal written before hashes were kept replays under its own rules, and is not the same game under others", () => {
    const old = hashedJournal().map((e) => ({ ...e, hash: undefined }) as StoredEntry);
    expect(checkJournal(old, scenario, 7, 7).kind).toBe("same");
    expect(checkJournal(old, scenario, 7, 8).kind).toBe("differs");
  });

  it("under its own rules a last state that is not the kept one ends the game (an engine changed without a new version)", () => {
    const entries = hashedJournal();
    const tampered = altered(entries, resolveAt(entries), (e) => ({ ...e, hash: "0000000000000000" }));
    expect(checkJournal(entries, scenario, 7, 7).kind).toBe("same");
    expect(checkJournal(tampered, scenario, 7, 7).kind).toBe("differs");
  });

  it("an entry refused or one that throws is a broken journal under its own rules, and a different game under others", () => {
    const entries = hashedJournal();
    const refused = altered(entries, resolveAt(entries), (e) => ({ ...e, by: "mA" }) as StoredEntry);
    const own = checkJournal(refused, scenario, 7, 7);
    expect(own.kind).toBe("broken");
    if (own.kind === "broken") expect(own.why).toMatch(/turn 1 \(resolve\) is refused: NOT_FACILITATOR/);
    expect(checkJournal(refused, scenario, 7, 8).kind).toBe("differs");
    const throwing = [
      ...entries,
      { kind: "step", at: 9_000, by: "mF", step: null } as unknown as StoredEntry,
    ];
    expect(checkJournal(throwing, scenario, 7, 7).kind).toBe("broken");
    expect(checkJournal(throwing, scenario, 7, 8).kind).toBe("differs");
    expect(checkJournal(entries.slice(1), scenario, 7, 8).kind).toBe("broken");
  });
});
