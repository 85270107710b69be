/**
 * One room's views: the engine's projection for each distinct viewer (projections.ts), the session around it
 * (client-view.ts), and the deliveries (snapshots and patches, view-sync.ts) that bring every connection up
 * to date.
 */
import type { Scenario } from "@firebreak/shared";
import { services } from "../services.ts";
import type { SessionState } from "../session/types.ts";
import { sharedView } from "./client-view.ts";
import { Projections } from "./projections.ts";
import { ViewSync, type Delivery } from "./view-sync.ts";
import { groupViewers, type Connection } from "./viewer.ts";

/** The views of one room's connections. */
export class RoomViews {
  private readonly sync = new ViewSync();
  private readonly projections = new Projections();
  /** The scenario of a game (the server's scenarios unless given). */
  private readonly scenarioOf: (id: string) => Scenario | null;

  /** `scenarioOf` finds a game's scenario (by default among the server's scenarios). */
  constructor(scenarioOf?: (id: string) => Scenario | null) {
    this.scenarioOf = scenarioOf ?? ((id) => services().scenario(id));
  }

  /**
   * What to send so that every connection holds its current view of the session (`connected`: members with a
   * live connection). Deliveries come one group of viewers at a time, as each view is made, so the first can
   * be on the wire while the next is diffed; iterate to the end (the last step forgets the viewers that are
   * gone).
   */
  *deliveries(
    connections: readonly Connection[],
    s: SessionState,
    connected: ReadonlySet<string>,
  ): Generator<Delivery, void, undefined> {
    const groups = groupViewers(connections, s.phase);
    for (const g of groups) {
      const game = this.projections.gameView(s, g.key, g.viewer);
      const brief =
        g.member.role === "facilitator"
          ? this.projections.briefOf(s, () => this.scenarioOf(s.options.scenario))
          : null;
      yield* this.sync.update(g.key, sharedView(s, g.member, connected, game, brief), g.clients);
    }
    this.sync.prune(new Set(groups.map((g) => g.key)), new Set(connections.map((c) => c.client)));
  }

  /** Forgets what a connection holds: its next delivery is a snapshot. */
  forget(client: string): void {
    this.sync.forget(client);
  }
}
