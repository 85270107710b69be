import { describe, expect, it } from "vitest";
import { applyPatch, viewFor } from "@firebreak/shared";
import { testScenario } from "@firebreak/shared/testing";
import { clientView, sharedView, type SharedView } from "./client-view.ts";
import { applyEntry, createSession } from "../session/session.ts";
import type { Member, SessionState } from "../session/types.ts";
import type { JournalEntry } from "../session/journal.ts";
import { ViewSync, type Delivery } from "./view-sync.ts";
import { groupViewers, viewerOf, type Connection as Viewer } from "./viewer.ts";

/**
 * A round of deliveries as a room makes them: each group's view built by `build`, then the departed
 * forgotten.
 */
function* plan(
  sync: ViewSync,
  viewers: readonly Viewer[],
  phase: SessionState["phase"],
  build: (m: Member) => SharedView,
): Generator<Delivery, void, undefined> {
  const groups = groupViewers(viewers, phase);
  for (const g of groups) yield* sync.update(g.key, build(g.member), g.clients);
  sync.prune(new Set(groups.map((g) => g.key)), new Set(viewers.map((v) => v.client)));
}

const scenario = testScenario(4);
const fac: Member = { id: "mF", name: "Fac", role: "facilitator", seat: null, token: "tok-facilitator-000" };
const ann: Member = { id: "mA", name: "Ann", role: "player", seat: "north", token: "tok-ann-0000000000" };
const amy: Member = { id: "mY", name: "Amy", role: "player", seat: "north", token: "tok-amy-0000000000" };
const bob: Member = { id: "mB", name: "Bob", role: "player", seat: "south", token: "tok-bob-0000000000" };

function session(): SessionState {
  const create = {
    kind: "create" as const,
    at: 1_000,
    by: fac.id,
    code: "ACDEFG",
    facilitator: fac,
    options: {
      scenario: scenario.id,
      seed: "s-1",
      name: "Test",
      turnSeconds: 0,
      botLevel: "normal" as const,
      solo: null,
      takeoverSeconds: 0,
      cbms: [],
    },
  };
  const c = createSession(create, scenario);
  if (!c.ok) throw new Error(c.error.message);
  let s = c.value;
  for (const e of [
    { kind: "join", at: 1_100, by: ann.id, member: ann },
    { kind: "join", at: 1_150, by: amy.id, member: amy },
    { kind: "join", at: 1_200, by: bob.id, member: bob },
    { kind: "start", at: 2_000, by: fac.id },
  ] as JournalEntry[])
    s = apply(s, e);
  return s;
}

function apply(s: SessionState, e: JournalEntry): SessionState {
  const r = applyEntry(s, e);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

/** A room's worth of clients: sessionId → member, each holding what it was sent. */
class Clients {
  held = new Map<string, ReturnType<typeof clientView>>();
  sync = new ViewSync();
  sent: Delivery[] = [];
  viewers: Viewer[];
  constructor(viewers: Viewer[]) {
    this.viewers = viewers;
  }
  push(s: SessionState, connected = new Set(this.viewers.map((v) => v.member.id))): Delivery[] {
    const out = [
      ...plan(this.sync, this.viewers, s.phase, (m) =>
        sharedView(s, m, connected, viewFor(s.game, viewerOf(m, s.phase))),
      ),
    ];
    for (const d of out) {
      if (d.kind === "view") this.held.set(d.to, d.view);
      else
        for (const id of d.to) {
          const h = this.held.get(id);
          if (!h || h.version !== d.patch.from)
            throw new Error(`${id} cannot apply a patch from ${d.patch.from}`);
          this.held.set(id, { ...applyPatch(h, d.patch.ops), version: d.patch.to });
        }
    }
    this.sent.push(...out);
    return out;
  }
  /** Every client holds exactly the view it would get as a fresh snapshot. */
  check(s: SessionState, connected = new Set(this.viewers.map((v) => v.member.id))): void {
    for (const v of this.viewers) {
      const { version: _v, ...held } = this.held.get(v.client) ?? { version: 0 };
      const { version: _w, ...fresh } = clientView(s, v.member, connected);
      expect(held).toEqual(fresh);
    }
  }
}

/** Ann (north), Bob (south) and the facilitator, each holding a first snapshot of `s`. */
function annBobAndFacilitator(s: SessionState): Clients {
  const c = new Clients([
    { client: "c1", member: ann },
    { client: "c3", member: bob },
    { client: "c4", member: fac },
  ]);
  c.push(s);
  return c;
}

describe("ViewSync", () => {
  it("sends a snapshot first, then one patch per distinct viewer, and nothing to a client whose view did not change", () => {
    let s = session();
    const c = new Clients([
      { client: "c1", member: ann },
      { client: "c2", member: amy },
      { client: "c3", member: bob },
      { client: "c4", member: fac },
    ]);
    const first = c.push(s);
    expect(first.map((d) => d.kind)).toEqual(["view", "view", "view", "view"]);
    c.check(s);
    expect(c.push(s)).toEqual([]);

    // Ann's orders change only the north team's and the facilitator's views.
    s = apply(s, {
      kind: "step",
      at: 3_000,
      by: ann.id,
      step: { type: "orders", turn: 1, seat: "north", orders: [{ type: "harden" }] },
    });
    const afterOrders = c.push(s);
    expect(afterOrders.every((d) => d.kind === "patch")).toBe(true);
    expect(afterOrders.flatMap((d) => (d.kind === "patch" ? d.to : [])).sort()).toEqual(["c1", "c2", "c4"]);
    expect(afterOrders.find((d) => d.kind === "patch" && d.to.includes("c1"))).toMatchObject({
      to: ["c1", "c2"],
    });
    c.check(s);

    // A resolved turn reaches everyone as patches; once the game has a history, much smaller than the views
    // (a turn's patch carries that turn's news, the view the whole game so far).
    let afterTurn: Delivery[] = [];
    for (let turn = 1; turn <= 3; turn++) {
      for (const by of [ann, bob])
        s = apply(s, { kind: "ready", at: 3_000 + turn * 100, by: by.id, seat: by.seat ?? "", ready: true });
      s = apply(s, { kind: "step", at: 3_050 + turn * 100, by: "system", step: { type: "resolve", turn } });
      afterTurn = c.push(s);
      expect(afterTurn.every((d) => d.kind === "patch")).toBe(true);
      c.check(s);
    }
    for (const d of afterTurn) {
      if (d.kind !== "patch") continue;
      const full = c.held.get(d.to[0] as string);
      expect(JSON.stringify(d.patch).length).toBeLessThan(JSON.stringify(full).length / 2);
    }
  });

  it("gives a snapshot to a client that is forgotten, that joins late, or whose seat changed", () => {
    let s = session();
    const c = new Clients([
      { client: "c1", member: ann },
      { client: "c3", member: bob },
    ]);
    c.push(s);
    c.sync.forget("c3");
    expect(c.push(s)).toMatchObject([{ kind: "view", to: "c3" }]);

    c.viewers.push({ client: "c4", member: fac });
    s = apply(s, { kind: "ready", at: 3_000, by: ann.id, seat: "north", ready: true });
    const out = c.push(s);
    expect(out.filter((d) => d.kind === "view").map((d) => d.to)).toEqual(["c4"]);
    expect(out.filter((d) => d.kind === "patch").flatMap((d) => (d.kind === "patch" ? d.to : []))).toEqual([
      "c1",
      "c3",
    ]);
    c.check(s);

    const moved = { ...bob, seat: "east" };
    s = apply(s, { kind: "assign", at: 3_100, by: fac.id, member: bob.id, seat: "east" });
    c.viewers = c.viewers.map((v) => (v.member.id === bob.id ? { ...v, member: moved } : v));
    expect(c.push(s).find((d) => d.kind === "view")).toMatchObject({ to: "c3" });
    c.check(s);
  });

  it("keeps one baseline per viewer in use and versions that never repeat", () => {
    const s = session();
    const c = new Clients([
      { client: "c1", member: ann },
      { client: "c3", member: bob },
    ]);
    c.push(s);
    expect(c.sync.size).toBe(2);
    c.viewers = c.viewers.filter((v) => v.client !== "c3");
    c.push(s);
    expect(c.sync.size).toBe(1);
    c.viewers.push({ client: "c5", member: bob });
    const again = c.push(s);
    const versions = c.sent.flatMap((d) => (d.kind === "view" ? [d.view.version] : [d.patch.to]));
    // Bob's new tab gets a snapshot; Ann sees Bob connected again.
    expect(again.map((d) => (d.kind === "view" ? `view ${d.to}` : `patch ${d.to.join()}`)).sort()).toEqual([
      "patch c1",
      "view c5",
    ]);
    expect(new Set(versions).size).toBe(versions.length);
  });

  it("sends snapshots, not a diff, when the end reveals everything", () => {
    let s = session();
    const c = annBobAndFacilitator(s);
    s = apply(s, { kind: "step", at: 3_000, by: fac.id, step: { type: "end", turn: 1 } });
    const out = c.push(s);
    // The players' views flip to revealed: snapshots. The facilitator's view was revealed all along: a patch.
    expect(
      out
        .filter((d) => d.kind === "view")
        .map((d) => d.to)
        .sort(),
    ).toEqual(["c1", "c3"]);
    expect(out.filter((d) => d.kind === "patch").flatMap((d) => (d.kind === "patch" ? d.to : []))).toEqual([
      "c4",
    ]);
    c.check(s);
  });

  it("hands over each viewer's delivery as soon as it is computed, before diffing the next viewer", () => {
    let s = session();
    const c = annBobAndFacilitator(s);
    for (const by of [ann, bob])
      s = apply(s, { kind: "ready", at: 3_100, by: by.id, seat: by.seat ?? "", ready: true });
    s = apply(s, { kind: "step", at: 3_200, by: "system", step: { type: "resolve", turn: 1 } });
    const built: string[] = [];
    const deliveries = plan(c.sync, c.viewers, s.phase, (m) => {
      built.push(m.id);
      return sharedView(
        s,
        m,
        new Set(c.viewers.map((v) => v.member.id)),
        viewFor(s.game, viewerOf(m, s.phase)),
      );
    });
    const first = deliveries.next();
    expect(first.done).toBe(false);
    expect(built).toEqual([ann.id]);
    expect([...deliveries]).toHaveLength(2);
    expect(built).toEqual([ann.id, bob.id, fac.id]);
  });
});
