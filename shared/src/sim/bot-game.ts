/**
 * Plays one headless game with bots of any persona and level, seat by seat through the same steps a server
 * applies.
 */
import type { EngineError } from "../model/errors.ts";
import { rngFromSeed, type Rng } from "../model/rng.ts";
import type { GameOptions, GameState } from "../model/types.ts";
import type { SeatId } from "../model/basics.ts";
import { createGame } from "../game/create.ts";
import { applyStep, type Step } from "../game/steps.ts";
import type { Scenario } from "../scenario/schema.ts";
import type { GameView } from "../view/types.ts";
import { viewFor } from "../view/view.ts";
import { botTurn, type BotOptions, type BotTurn } from "../bots/bot.ts";
import type { BotSpec } from "../bots/doctrines.ts";

/** One seat's turn as it was played. */
export interface SeatTurn extends BotTurn {
  turn: number;
  seat: SeatId;
}

/** A finished bot game with every seat's decisions. */
export interface BotGame {
  state: GameState;
  specs: Record<SeatId, BotSpec>;
  turns: SeatTurn[];
  /** Steps the engine rejected (a bot bug if ever non-empty). */
  rejected: EngineError[];
  /** The steps the engine applied, in order: with the scenario, seed and options, the game again. */
  steps: Step[];
}

/** How a seat decides: `botTurn` by default; the benchmark wraps it to time it. */
export type Decide = (view: GameView, spec: BotSpec, rng: Rng, options: BotOptions) => BotTurn;

/**
 * The rng of one seat's decision: its own stream per game, seat and turn, so no seat's choices shift
 * another's.
 */
export function seatRng(seed: string, seat: SeatId, turn: number): Rng {
  return rngFromSeed(`${seed}/bot/${seat}/${turn}`);
}

/**
 * Plays a game to its end with the given bots (seats without a spec play `random`). Deterministic for its
 * arguments.
 */
export function playBotGame(
  scenario: Scenario,
  seed: string,
  specs: Record<SeatId, BotSpec>,
  options: Partial<GameOptions> = {},
  botOptions: BotOptions = {},
  decide: Decide = botTurn,
): BotGame {
  const created = createGame(scenario, seed, options);
  if (!created.ok) throw new Error(created.error.message);
  let state = created.value;
  const rejected: EngineError[] = [];
  const turns: SeatTurn[] = [];
  const steps: Step[] = [];
  const apply = (step: Step): void => {
    const r = applyStep(state, step);
    if (r.ok) {
      state = r.value.state;
      steps.push(step);
    } else rejected.push(r.error);
  };
  while (state.phase === "planning") {
    const turn = state.turn;
    for (const seat of state.seats) {
      const spec = specs[seat] ?? { persona: "random", level: "normal" };
      const view = viewFor(state, { role: "player", seat });
      const t = decide(view, spec, seatRng(seed, seat, turn), botOptions);
      for (const a of t.answers)
        apply({
          type: "respond",
          turn,
          seat,
          proposal: a.proposal,
          accept: a.accept,
          ...(a.note && !a.accept ? { note: a.note } : {}),
        });
      for (const p of t.proposals) apply({ type: "propose", turn, seat, kind: p.kind, parties: p.parties });
      apply({ type: "orders", turn, seat, orders: t.orders });
      turns.push({ ...t, turn, seat });
    }
    apply({ type: "resolve", turn });
    if (state.turn === turn && state.phase === "planning")
      throw new Error("resolution did not advance the turn");
  }
  return { state, specs, turns, rejected, steps };
}
