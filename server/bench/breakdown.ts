/**
 * Where the server's time per request goes, measured in-process on a real game: the load bench's server
 * journals every game to SQLite; this replays the longest finished game from that journal (with the server's
 * own reducer, `applyEntry`) and times, on the state of its last turn, the pieces of work one accepted
 * request costs the server (the session step, the journal append, and bringing the clients' views up to date:
 * per distinct viewer the shared view including the engine's `viewFor`, its diff against what the clients
 * hold, and the msgpack encoding of the patch), plus, for comparison, a full snapshot per client (built,
 * encoded and decoded) as sent on a join. Socket writes are not included.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { Packr, Unpackr } from "msgpackr";
import { diffJson, viewFor } from "@firebreak/shared";
import { loadCatalogue } from "../src/scenarios.ts";
import { clientView, sharedView, type SharedView } from "../src/views/client-view.ts";
import { viewerOf, viewKey } from "../src/views/viewer.ts";
import { applyEntry, createSession } from "../src/session/session.ts";
import type { SessionState } from "../src/session/types.ts";
import type { JournalEntry } from "../src/session/journal.ts";
import { openSqliteStore } from "../src/store/sqlite-store.ts";

export interface Breakdown {
  /** Entries in the replayed game's journal and the turn measured (its last). */
  entries: number;
  turn: number;
  members: number;
  /**
   * `applyEntry` (session reducer, including the engine step) for one orders step, one ready, and the turn's
   * resolve.
   */
  ordersStepUs: number;
  readyUs: number;
  resolveUs: number;
  /** One journal append (JSON + SQLite insert, WAL, synchronous=NORMAL) on a fresh store. */
  appendUs: number;
  /**
   * Per client view, mean over the game's members: the engine projection, the whole client view (includes
   * viewFor), msgpack encode and decode.
   */
  viewForUs: number;
  clientViewUs: number;
  packUs: number;
  unpackUs: number;
  /**
   * Mean encoded view size on the last turn and on the first, and a player's view by part on the last turn
   * (bytes of JSON, largest first).
   */
  viewBytes: number;
  viewBytesFirstTurn: number;
  playerViewParts: Array<{ part: string; bytes: number }>;
  /**
   * Bringing every member up to date after an orders step and after a turn's last ready and resolve: views
   * built, diffed, patches encoded.
   */
  ordersPushUs: number;
  resolvePushUs: number;
  /**
   * Mean encoded patch size per viewer that got one, after the orders step and after the resolve; viewers
   * patched after the orders step.
   */
  ordersPatchBytes: number;
  resolvePatchBytes: number;
  ordersPatched: number;
  /** An accepted orders request: step + append + push. */
  ordersRequestUs: number;
  /** The last ready of a turn: ready + resolve + two appends + push. */
  lastReadyUs: number;
}

/** Median µs per call of `fn` over 5 batches of ~`ms`/5 each, after a warm-up. */
function timeUs(fn: () => unknown, ms: number): number {
  let sink = 0;
  const w0 = performance.now();
  while (performance.now() - w0 < ms / 4) sink += fn() === undefined ? 0 : 1;
  const per: number[] = [];
  for (let r = 0; r < 5; r++) {
    let n = 0;
    const t0 = performance.now();
    while (performance.now() - t0 < ms / 5 || n < 3) {
      sink += fn() === undefined ? 0 : 1;
      n++;
    }
    per.push(((performance.now() - t0) * 1000) / n);
  }
  if (sink < 0) throw new Error("unreachable");
  per.sort((a, b) => a - b);
  return Math.round((per[2] as number) * 10) / 10;
}

function ok<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** Measures the breakdown on the longest finished game of the store at `dbPath`; ~`ms` per timed piece. */
export function measureBreakdown(dbPath: string, ms = 150): Breakdown | null {
  const db = new DatabaseSync(dbPath, { readOnly: true });
  const best = db
    .prepare(
      "SELECT g.id AS id, COUNT(*) AS n FROM games g JOIN journal j ON j.game = g.id WHERE g.ended = " +
        "1 GROUP BY g.id ORDER BY n DESC LIMIT 1",
    )
    .get() as { id: string; n: number } | undefined;
  if (!best) {
    db.close();
    return null;
  }
  const entries = (
    db.prepare("SELECT entry FROM journal WHERE game = ? ORDER BY seq").all(best.id) as Array<{
      entry: string;
    }>
  ).map((r) => JSON.parse(r.entry) as JournalEntry);
  db.close();
  const first = entries[0];
  if (first?.kind !== "create") return null;
  const scenario = loadCatalogue().get(first.options.scenario);
  if (!scenario) return null;

  // states[k] = the session after the first k entries.
  const states: SessionState[] = [];
  let s = ok(createSession(first, scenario));
  states.push(s, s);
  for (let k = 1; k < entries.length; k++) {
    s = ok(applyEntry(s, entries[k] as JournalEntry));
    states.push(s);
  }
  const isResolve = (e: JournalEntry | undefined): boolean => e?.kind === "step" && e.step.type === "resolve";
  // The last turn that did not end the game (the end reveals everything and is sent as snapshots).
  const lastRes = entries.findLastIndex((e) => isResolve(e));
  const resIdx = entries.findLastIndex((e, k) => k < lastRes && isResolve(e));
  const readyIdx = entries.findLastIndex((e, k) => k < resIdx && e.kind === "ready");
  const ordersIdx = entries.findLastIndex(
    (e, k) => k < resIdx && e.kind === "step" && e.step.type === "orders",
  );
  if (resIdx < 0 || readyIdx < 0 || ordersIdx < 0) return null;
  const at = (k: number): SessionState => states[k] as SessionState;
  const entry = (k: number): JournalEntry => entries[k] as JournalEntry;

  const ordersStepUs = timeUs(() => applyEntry(at(ordersIdx), entry(ordersIdx)), ms);
  const readyUs = timeUs(() => applyEntry(at(readyIdx), entry(readyIdx)), ms);
  const resolveUs = timeUs(() => applyEntry(at(resIdx), entry(resIdx)), ms);

  const dir = mkdtempSync(join(tmpdir(), "fb-breakdown-"));
  let appendUs = NaN;
  try {
    const store = openSqliteStore(join(dir, "b.sqlite"));
    store.create("g", "CODE", first);
    appendUs = timeUs(() => store.append("g", entry(ordersIdx)), ms);
    store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  // Views as sent during the last turn (the state before its resolve).
  const state = at(resIdx);
  const connected = new Set(state.members.map((m) => m.id));
  const packr = new Packr({ useRecords: false });
  const unpackr = new Unpackr({ useRecords: false });
  let viewForUs = 0;
  let clientViewUs = 0;
  let packUs = 0;
  let unpackUs = 0;
  let bytes = 0;
  for (const m of state.members) {
    const view = clientView(state, m, connected);
    const packed = packr.pack(view);
    bytes += packed.length;
    viewForUs += timeUs(() => viewFor(state.game, viewerOf(m, state.phase)), ms / 3);
    clientViewUs += timeUs(() => clientView(state, m, connected), ms / 3);
    packUs += timeUs(() => packr.pack(view), ms / 3);
    unpackUs += timeUs(() => unpackr.unpack(packed), ms / 3);
  }
  const n = state.members.length;
  const firstRes = entries.findIndex((e) => isResolve(e));
  const early = at(firstRes);
  const viewBytesFirstTurn = Math.round(
    early.members.reduce((a, m) => a + packr.pack(clientView(early, m, connected)).length, 0) /
      Math.max(1, early.members.length),
  );
  const player = state.members.find((m) => m.role === "player");
  const parts: Array<{ part: string; bytes: number }> = [];
  if (player) {
    const v = clientView(state, player, connected) as unknown as Record<string, unknown>;
    for (const [k, x] of Object.entries(v)) {
      if (k === "game")
        for (const [g, y] of Object.entries(x as Record<string, unknown>))
          parts.push({ part: `game.${g}`, bytes: JSON.stringify(y ?? null).length });
      else parts.push({ part: k, bytes: JSON.stringify(x ?? null).length });
    }
    parts.sort((a, b) => b.bytes - a.bytes);
  }
  // What the server does after a request: per distinct viewer, build, diff against the baseline, encode the
  // patch.
  const byKey = new Map(state.members.map((m) => [viewKey(m), m]));
  const baselines = (before: SessionState): Map<string, SharedView> =>
    new Map([...byKey].map(([k, m]) => [k, sharedView(before, m, connected)]));
  const push = (base: Map<string, SharedView>, after: SessionState): number[] => {
    const sizes: number[] = [];
    for (const [k, m] of byKey) {
      const ops = diffJson(base.get(k) as SharedView, sharedView(after, m, connected));
      if (ops.length > 0) sizes.push(packr.pack({ from: 1, to: 2, ops }).length);
    }
    return sizes;
  };
  const ordersBase = baselines(at(ordersIdx));
  const resolveBase = baselines(at(readyIdx));
  const ordersPushUs = timeUs(() => push(ordersBase, at(ordersIdx + 1)), ms);
  const resolvePushUs = timeUs(() => push(resolveBase, at(resIdx + 1)), ms);
  const ordersSizes = push(ordersBase, at(ordersIdx + 1));
  const resolveSizes = push(resolveBase, at(resIdx + 1));
  const mean = (xs: number[]): number =>
    xs.length === 0 ? 0 : Math.round(xs.reduce((a, b) => a + b, 0) / xs.length);
  const r1 = (x: number): number => Math.round(x * 10) / 10;
  return {
    entries: entries.length,
    turn: state.game.turn,
    members: n,
    ordersStepUs,
    readyUs,
    resolveUs,
    appendUs,
    viewForUs: r1(viewForUs / n),
    clientViewUs: r1(clientViewUs / n),
    packUs: r1(packUs / n),
    unpackUs: r1(unpackUs / n),
    viewBytes: Math.round(bytes / n),
    viewBytesFirstTurn,
    playerViewParts: parts.slice(0, 5),
    ordersPushUs,
    resolvePushUs,
    ordersPatchBytes: mean(ordersSizes),
    resolvePatchBytes: mean(resolveSizes),
    ordersPatched: ordersSizes.length,
    ordersRequestUs: r1(ordersStepUs + appendUs + ordersPushUs),
    lastReadyUs: r1(readyUs + resolveUs + 2 * appendUs + resolvePushUs),
  };
}
