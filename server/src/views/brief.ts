/**
 * What only facilitators see of the scenario (docs/protocol.md §7.2.3): the teacher block, the sources, why
 * each state starts where it does, and every inject with what it will say and do. Never part of a player's or
 * observer's view.
 */
import type { FacilitatorBrief, GameState, Scenario } from "@firebreak/shared";

/** The facilitators' brief of a game's scenario; `game` says which scheduled injects have fired. */
export function facilitatorBrief(scenario: Scenario | null, game: GameState): FacilitatorBrief {
  const t = scenario?.teacher;
  const pending = new Set(game.injects.map((x) => `${x.turn}/${x.inject.id}`));
  return {
    teacher: t
      ? {
          case: t.case,
          learningObjectives: [...t.learningObjectives],
          debriefQuestions: [...t.debriefQuestions],
          notes: t.notes ?? null,
        }
      : null,
    sources: [...(scenario?.sources ?? [])],
    rationale: (scenario?.states ?? []).flatMap((st) =>
      st.rationale
        ? [{ seat: st.id, notes: Object.entries(st.rationale).map(([about, text]) => ({ about, text })) }]
        : [],
    ),
    injects: [
      ...(scenario?.injects?.scheduled ?? []).map((x) => ({
        ...x.inject,
        effects: [...x.inject.effects],
        turn: x.turn,
        fired: !pending.has(`${x.turn}/${x.inject.id}`),
      })),
      ...(scenario?.injects?.library ?? []).map((i) => ({
        ...i,
        effects: [...i.effects],
        turn: null,
        fired: false,
      })),
    ],
  };
}
