/**
 * Keeps every client's view in step with the session: a full "view" snapshot first, then "patch" messages
 * with only what changed. One baseline per view key (role and seat): members with the same key hold the same
 * view, so a patch is computed and encoded once for all of them, and a client whose view did not change gets
 * nothing.
 */
import { diffJson, type ClientView, type ViewPatch } from "@firebreak/shared";
import type { SharedView } from "./client-view.ts";

/** A message to send: a snapshot to one client, or one patch to several. */
export type Delivery =
  | { kind: "view"; to: string; view: ClientView }
  | { kind: "patch"; to: string[]; patch: ViewPatch };

/** The baselines of one room and what each client holds. */
export class ViewSync {
  private readonly baselines = new Map<string, { view: SharedView; version: number }>();
  private readonly held = new Map<string, { key: string; version: number }>();
  /**
   * Versions are unique within the room, so a client can never mistake one baseline's version for another's.
   */
  private counter = 0;

  /**
   * What to send so that `clients`, who all see the view of `key`, hold `fresh`: a patch from the key's
   * baseline to those holding it, a snapshot to the others, nothing to those already holding it.
   */
  *update(
    key: string,
    fresh: SharedView,
    clients: ReadonlyArray<{ client: string; me: ClientView["me"] }>,
  ): Generator<Delivery, void, undefined> {
    const base = this.baselines.get(key);
    let patch: ViewPatch | null = null;
    let now = base;
    if (!base || base.view.game.revealed !== fresh.game.revealed) {
      // A new viewer, or the end of the game revealing everything: a snapshot is smaller and cheaper than the
      // diff.
      now = { view: fresh, version: ++this.counter };
    } else {
      const ops = diffJson(base.view, fresh);
      if (ops.length > 0) {
        now = { view: fresh, version: ++this.counter };
        patch = { from: base.version, to: now.version, ops };
      }
    }
    const current = now as { view: SharedView; version: number };
    this.baselines.set(key, current);
    const patchTo: string[] = [];
    for (const c of clients) {
      const held = this.held.get(c.client);
      if (held && held.key === key && held.version === current.version) continue;
      this.held.set(c.client, { key, version: current.version });
      if (patch && held && held.key === key && held.version === patch.from) patchTo.push(c.client);
      else
        yield { kind: "view", to: c.client, view: { me: c.me, version: current.version, ...current.view } };
    }
    if (patch && patchTo.length > 0) yield { kind: "patch", to: patchTo, patch };
  }

  /**
   * Forgets the baselines of keys nobody views any more and the clients that are gone (after every update of
   * a round).
   */
  prune(keys: ReadonlySet<string>, clients: ReadonlySet<string>): void {
    for (const key of [...this.baselines.keys()]) if (!keys.has(key)) this.baselines.delete(key);
    for (const client of [...this.held.keys()]) if (!clients.has(client)) this.held.delete(client);
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
