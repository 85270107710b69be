/** Plays one full game headless with bots, through the same steps a server would apply. */
import type { EngineError } from "../model/errors.ts";
import { rngFromSeed, type Rng } from "../model/rng.ts";
import type { GameOptions, GameState } from "../model/types.ts";
import type { SeatId } from "../model/basics.ts";
import { createGame } from "../game/create.ts";
import { applyStep, type Step } from "../game/steps.ts";
import type { Scenario } from "../scenario/schema.ts";
import { viewFor } from "../view/view.ts";
import { answerProposal, chooseOrders, proposeCbms } from "../bots/personas.ts";
import type { Persona } from "../bots/persona-names.ts";
import { newRecord, stateHash, type GameRecord } from "../record/record.ts";

/**
 * Every seat's bots answer proposals, propose and order for the current turn, seat by seat, each from its own
 * view (`current` returns the state after the previous step).
 */
export function planBotTurn(
  current: () => GameState,
  personas: Record<SeatId, Persona>,
  rng: Rng,
  apply: (step: Step) => void,
): void {
  const turn = current().turn;
  for (const seat of current().seats) {
    const persona = personas[seat] ?? "random";
    const view = viewFor(current(), { role: "player", seat });
    for (const p of view.proposals) {
      if (p.accepted.includes(seat) || p.declined.includes(seat)) continue;
      const a = answerProposal(view, p, persona, rng);
      apply({
        type: "respond",
        turn,
        seat,
        proposal: p.id,
        accept: a.accept,
        ...(a.note ? { note: a.note } : {}),
      });
    }
    if (!current().options.noCbms)
      for (const p of proposeCbms(view, persona, rng))
        apply({ type: "propose", turn, seat, kind: p.kind, parties: p.parties });
    apply({ type: "orders", turn, seat, orders: chooseOrders(view, persona, rng) });
  }
}

/** A finished bot game. */
export interface PlayedGame {
  state: GameState;
  personas: Record<SeatId, Persona>;
  record: GameRecord | null;
  /** Steps the engine rejected (a bot bug if ever non-empty). */
  rejected: EngineError[];
}

/** Plays a game to its end; `withRecord` also builds a replayable record with per-turn hashes. */
export function playGame(
  scenario: Scenario,
  seed: string,
  personas: Record<SeatId, Persona>,
  options: Partial<GameOptions> = {},
  withRecord = false,
): PlayedGame {
  const created = createGame(scenario, seed, options);
  if (!created.ok) throw new Error(created.error.message);
  let state = created.value;
  const rng = rngFromSeed(`${seed}/bots`);
  const record = withRecord
    ? newRecord(
        scenario,
        seed,
        state.options,
        state.seats.map((s) => ({ seat: s, controller: `bot:${personas[s] ?? "random"}` })),
        state,
      )
    : null;
  const rejected: EngineError[] = [];
  const apply = (step: Step): void => {
    const r = applyStep(state, step);
    if (!r.ok) {
      rejected.push(r.error);
      return;
    }
    state = r.value.state;
    if (record) record.steps.push(step.type === "resolve" ? { ...step, hash: stateHash(state) } : step);
  };
  while (state.phase === "planning") {
    const turn = state.turn;
    planBotTurn(() => state, personas, rng, apply);
    apply({ type: "resolve", turn });
    if (state.turn === turn && state.phase === "planning")
      throw new Error("resolution did not advance the turn");
  }
  if (record) record.finalHash = stateHash(state);
  return { state, personas, record, rejected };
}
