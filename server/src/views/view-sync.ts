/**
 * Keeps every client's view in step with the session: a full "view" snapshot first, then "patch" messages with only
 * what changed. One baseline per view key (role and seat): members with the same key hold the same view, so a patch is
 * computed and encoded once for all of them, and a client whose view did not change gets nothing.
 */
import { diffJson, type ClientView, type ViewPatch } from "@firebreak/shared";
import { meOf, viewKey, type SharedView } from "./client-view.ts";
import type { Member } from "../session/types.ts";

/** One connected client and the member it is. */
export interface Viewer {
  client: string;
  member: Member;
}

/** A message to send: a snapshot to one client, or one patch to several. */
export type Delivery =
  | { kind: "view"; to: string; view: ClientView }
  | { kind: "patch"; to: string[]; patch: ViewPatch };

/** The baselines of one room and what each client holds. */
export class ViewSync {
  private readonly baselines = new Map<string, { view: SharedView; version: number }>();
  private readonly held = new Map<string, { key: string; version: number }>();
  /** Versions are unique within the room, so a client can never mistake one baseline's version for another's. */
  private counter = 0;

  /**
   * What to send so that every viewer holds its current view; `build` makes the shared view for a member. Deliveries come
   * one view key at a time, as each is computed, so the first can be on the wire while the next is diffed; iterate to
   * the end (the last step forgets baselines and clients that are gone).
   */
  *plan(viewers: readonly Viewer[], build: (m: Member) => SharedView): Generator<Delivery, void, undefined> {
    const byKey = new Map<string, Viewer[]>();
    for (const v of viewers) {
      const key = viewKey(v.member);
      const list = byKey.get(key);
      if (list) list.push(v);
      else byKey.set(key, [v]);
    }
    for (const [key, list] of byKey) {
      const first = list[0] as Viewer;
      const fresh = build(first.member);
      const base = this.baselines.get(key);
      let patch: ViewPatch | null = null;
      let current = base;
      if (!base || base.view.game.revealed !== fresh.game.revealed) {
        // A new viewer, or the end of the game revealing everything: a snapshot is smaller and cheaper than the diff.
        current = { view: fresh, version: ++this.counter };
      } else {
        const ops = diffJson(base.view, fresh);
        if (ops.length > 0) {
          current = { view: fresh, version: ++this.counter };
          patch = { from: base.version, to: current.version, ops };
        }
      }
      const now = current as { view: SharedView; version: number };
      this.baselines.set(key, now);
      const patchTo: string[] = [];
      for (const v of list) {
        const held = this.held.get(v.client);
        if (held && held.key === key && held.version === now.version) continue;
        this.held.set(v.client, { key, version: now.version });
        if (patch && held && held.key === key && held.version === patch.from) patchTo.push(v.client);
        else
          yield {
            kind: "view",
            to: v.client,
            view: { me: meOf(v.member), version: now.version, ...now.view },
          };
      }
      if (patch && patchTo.length > 0) yield { kind: "patch", to: patchTo, patch };
    }
    for (const key of [...this.baselines.keys()]) if (!byKey.has(key)) this.baselines.delete(key);
    const present = new Set(viewers.map((v) => v.client));
    for (const client of [...this.held.keys()]) if (!present.has(client)) this.held.delete(client);
  }

  /** Forgets what a client holds: its next delivery is a snapshot (after a reconnection, or when it asks). */
  forget(client: string): void {
    this.held.delete(client);
  }

  /** How many baselines are kept: one per distinct viewer still present (a viewer that left is forgotten). */
  get size(): number {
    return this.baselines.size;
  }
}
