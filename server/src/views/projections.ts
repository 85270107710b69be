/**
 * The engine's projections of one game, made once per distinct viewer and reused while the game state is the
 * same object (an unchanged game gives the same view object, so the diff skips it), and the facilitators'
 * brief, made once per game state.
 */
import { viewFor, type FacilitatorBrief, type GameView, type Scenario, type Viewer } from "@firebreak/shared";
import type { SessionState } from "../session/types.ts";
import { facilitatorBrief } from "./brief.ts";

/** A room's cache of projections and of the facilitators' brief. */
export class Projections {
  /** Per viewer key, the last projection and the game state it was made from. */
  private readonly games = new Map<string, { game: SessionState["game"]; view: GameView }>();
  private brief: { game: SessionState["game"]; brief: FacilitatorBrief } | null = null;

  /** The engine's view of `s.game` for `viewer`; `viewKey` names the members who share it. */
  gameView(s: SessionState, viewKey: string, viewer: Viewer): GameView {
    // The key names the engine's viewer too: a player's projection changes at the start while the game state
    // does not.
    const key = `${viewKey}|${viewer.role}`;
    const cached = this.games.get(key);
    if (cached && cached.game === s.game) return cached.view;
    const view = viewFor(s.game, viewer);
    this.games.set(key, { game: s.game, view });
    return view;
  }

  /**
   * The facilitators' brief of the game's scenario (`scenario`), made again only when the game state changes.
   */
  briefOf(s: SessionState, scenario: () => Scenario | null): FacilitatorBrief {
    if (this.brief?.game !== s.game)
      this.brief = { game: s.game, brief: facilitatorBrief(scenario(), s.game) };
    return this.brief.brief;
  }
}
