/**
 * How bot games unfold, for the pace of a class period: how long they last, how soon stable peace comes, and
 * how the wars begin (a strike, both sides standing firm at the brink by choice, or a brink left without an
 * answer).
 */
import type { Order } from "../model/orders.ts";
import type { SeatId } from "../model/basics.ts";
import type { GameOptions, GameState } from "../model/types.ts";
import type { Scenario } from "../scenario/schema.ts";
import { playBotGame, type SeatTurn } from "../sim/bot-game.ts";
import { SCENARIO_CASTS } from "./casting.ts";
import { DOCTRINAL_PERSONAS, type BotLevel, type BotSpec } from "./doctrines.ts";

/** How one war began. */
export type WarStart = "strike" | "bothFirm" | "unanswered";

/** What the pace report needs of one finished game. */
export interface PlayedForPace {
  state: GameState;
  /** Every seat's orders, by turn (`turns[t][seat]`), at least for the last turn. */
  ordersAt: (turn: number, seat: SeatId) => readonly Order[];
}

/** The pace of a set of games. */
export interface PaceReport {
  games: number;
  /** Share of games that ended in armed conflict. */
  war: number;
  /** Share that ended in stable peace, and in stable peace before turn 6. */
  peace: number;
  peaceBefore6: number;
  /** Median and mean turns played (the turn the game ended on). */
  medianTurns: number;
  meanTurns: number;
  /** Wars by how they began. */
  warStarts: Record<WarStart, number>;
  /** Share of wars that began with a choice: a strike, or both sides standing firm explicitly. */
  chosenWars: number;
}

/** The bots of a scenario's cast at one level; seats the cast does not name play the doctrines in turn. */
export function castSpecs(scenario: Scenario, level: BotLevel): Record<SeatId, BotSpec> {
  const cast = SCENARIO_CASTS[scenario.id] ?? {};
  const out: Record<SeatId, BotSpec> = {};
  scenario.states.forEach((s, i) => {
    out[s.id] = {
      persona: cast[s.id] ?? (DOCTRINAL_PERSONAS[i % DOCTRINAL_PERSONAS.length] as BotSpec["persona"]),
      level,
    };
  });
  return out;
}

/** How a finished game's war began (null if it did not end in war). */
export function warStart(game: PlayedForPace): WarStart | null {
  const o = game.state.outcome;
  if (o?.kind !== "armedConflict") return null;
  if (o.cause !== "brink") return "strike";
  const [a, b] = o.belligerents as [SeatId, SeatId];
  const chose = (seat: SeatId, other: SeatId): boolean =>
    game.ordersAt(o.turn, seat).some((x) => x.type === "brink" && x.target === other && x.choice === "firm");
  return chose(a, b) && chose(b, a) ? "bothFirm" : "unanswered";
}

/** The pace report of finished games. */
export function paceReport(games: readonly PlayedForPace[]): PaceReport {
  const n = games.length;
  const turns = games.map((g) => g.state.outcome?.turn ?? g.state.turn).sort((x, y) => x - y);
  const starts: Record<WarStart, number> = { strike: 0, bothFirm: 0, unanswered: 0 };
  let war = 0;
  let peace = 0;
  let early = 0;
  for (const g of games) {
    const o = g.state.outcome;
    const w = warStart(g);
    if (w) {
      war++;
      starts[w]++;
    }
    if (o?.kind === "stablePeace") {
      peace++;
      if (o.turn < 6) early++;
    }
  }
  const mid =
    n === 0
      ? 0
      : n % 2 === 1
        ? (turns[(n - 1) / 2] as number)
        : ((turns[n / 2 - 1] as number) + (turns[n / 2] as number)) / 2;
  const share = (k: number): number => (n === 0 ? 0 : Math.round((k / n) * 1000) / 1000);
  return {
    games: n,
    war: share(war),
    peace: share(peace),
    peaceBefore6: share(early),
    medianTurns: mid,
    meanTurns: n === 0 ? 0 : Math.round((turns.reduce((s, t) => s + t, 0) / n) * 100) / 100,
    warStarts: starts,
    chosenWars: war === 0 ? 1 : Math.round(((starts.strike + starts.bothFirm) / war) * 1000) / 1000,
  };
}

/** Reads a bot game's orders by turn and seat. */
export function ordersOf(turns: readonly SeatTurn[]): PlayedForPace["ordersAt"] {
  const by = new Map<string, Order[]>();
  for (const t of turns) by.set(`${t.turn}/${t.seat}`, t.orders);
  return (turn, seat) => by.get(`${turn}/${seat}`) ?? [];
}

/** Plays `games` games of a scenario's cast at one level (seeds `<seed>:<g>`) and reports their pace. */
export function castPace(
  scenario: Scenario,
  level: BotLevel,
  games: number,
  seed: string,
  options: Partial<GameOptions> = {},
): PaceReport {
  const specs = castSpecs(scenario, level);
  const played: PlayedForPace[] = [];
  for (let g = 0; g < games; g++) {
    const game = playBotGame(scenario, `${seed}:${g}`, specs, options);
    played.push({ state: game.state, ordersAt: ordersOf(game.turns) });
  }
  return paceReport(played);
}
