/**
 * One room's views: the engine's projection for each distinct viewer, made once and reused while the game state is the
 * same object, and the deliveries (snapshots and patches, view-sync.ts) that bring every connection up to date.
 */
import { viewFor, type FacilitatorBrief, type GameView, type Scenario } from "@firebreak/shared";
import { services } from "../services.ts";
import type { Member, SessionState } from "../session/types.ts";
import { facilitatorBrief } from "./brief.ts";
import { sharedView, viewerOf, viewKey } from "./client-view.ts";
import { ViewSync, type Delivery, type Viewer } from "./view-sync.ts";

/** The views of one room's connections. */
export class RoomViews {
  private readonly sync = new ViewSync();
  /** Per viewer, the last projection and the game state it was made from (unchanged game, same view object: the diff skips it). */
  private readonly games = new Map<string, { game: SessionState["game"]; view: GameView }>();
  /** The facilitators' brief, made once per game state. */
  private brief: { game: SessionState["game"]; brief: FacilitatorBrief } | null = null;
  /** The scenario of a game (the server's scenarios unless given). */
  private readonly scenarioOf: (id: string) => Scenario | null;

  /** `scenarioOf` finds a game's scenario (by default among the server's scenarios). */
  constructor(scenarioOf?: (id: string) => Scenario | null) {
    this.scenarioOf = scenarioOf ?? ((id) => services().scenario(id));
  }

  /** What to send so that every viewer holds its current view of the session (`connected`: members with a live connection). */
  deliveries(
    viewers: readonly Viewer[],
    s: SessionState,
    connected: ReadonlySet<string>,
  ): Generator<Delivery, void, undefined> {
    return this.sync.plan(viewers, (m) =>
      sharedView(s, m, connected, this.gameView(s, m), m.role === "facilitator" ? this.briefOf(s) : null),
    );
  }

  /** Forgets what a connection holds: its next delivery is a snapshot. */
  forget(client: string): void {
    this.sync.forget(client);
  }

  /** The facilitators' brief of the game's scenario, made again only when the game state changes. */
  private briefOf(s: SessionState): FacilitatorBrief {
    if (this.brief?.game !== s.game)
      this.brief = { game: s.game, brief: facilitatorBrief(this.scenarioOf(s.options.scenario), s.game) };
    return this.brief.brief;
  }

  /** The engine's projection for a member, computed once per distinct viewer and reused while the game state is the same object. */
  private gameView(s: SessionState, m: Member): GameView {
    const viewer = viewerOf(m, s.phase);
    // The key names the engine's viewer too: a player's projection changes at the start while the game state does not.
    const key = `${viewKey(m)}|${viewer.role}`;
    const cached = this.games.get(key);
    if (cached && cached.game === s.game) return cached.view;
    const view = viewFor(s.game, viewer);
    this.games.set(key, { game: s.game, view });
    return view;
  }
}
