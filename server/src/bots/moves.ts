/** Bots as seats: what each bot-held seat wants to do now, as journal entries through the normal path. */
import {
  botMessages,
  botTurn,
  rngFromSeed,
  viewFor,
  type BotSpec,
  type BotTurn,
  type GameView,
  type SeatId,
} from "@firebreak/shared";
import { withHumanOrders } from "./human-orders.ts";
import { chatLines } from "./words.ts";
import type { Applied, JournalEntry } from "../session/journal.ts";
import { Fold } from "../session/session.ts";
import type { SessionState } from "../session/types.ts";

/**
 * The seed string of a bot seat's decisions this turn: deterministic per game, seat and turn; the bot never
 * sees the game's seed or PRNG state.
 */
export function botSeed(s: SessionState, seat: SeatId): string {
  return `${s.options.seed}/${s.createdAt}/bot/${seat}/${s.game.turn}`;
}

/**
 * The bot of `seat`: its persona at the room's level (easy, normal or hard; `normal` is the baseline
 * behaviour of the persona).
 */
export function botSpec(s: SessionState, seat: SeatId): BotSpec | null {
  const ctl = s.seats.find((c) => c.seat === seat);
  return ctl?.bot ? { persona: ctl.persona, level: s.options.botLevel } : null;
}

/**
 * Applies a bot's decided turn `t` to `start` for `seat`: answers, proposals, orders, its words in chat, then
 * ready. Only entries the reducer accepts are kept, each with the session after it. The words are
 * `botMessages` for what was accepted (a proposal refused because another seat made the same one a moment
 * earlier gets none), posted by "bot:<seat>".
 */
export function botTurnEntries(start: SessionState, seat: SeatId, t: BotTurn, at: number): Applied[] {
  const f = new Fold(start);
  const spec = botSpec(start, seat);
  if (!spec) return f.applied;
  const view = viewFor(start.game, { role: "player", seat });
  const turn = start.game.turn;
  const by = `bot:${seat}`;
  const answers = t.answers.filter((a) =>
    f.apply({
      kind: "step",
      at,
      by,
      step: {
        type: "respond",
        turn,
        seat,
        proposal: a.proposal,
        accept: a.accept,
        ...(a.note ? { note: a.note } : {}),
      },
    }),
  );
  const proposals = t.proposals.filter((p) =>
    f.apply({
      kind: "step",
      at,
      by,
      step: { type: "propose", turn, seat, kind: p.kind, parties: p.parties },
    }),
  );
  // What the seat's humans ordered this turn stays; the bot's orders fill in (human-orders.ts).
  const kept = withHumanOrders(f.session, seat, t.orders);
  const orders = f.apply({ kind: "step", at, by, step: { type: "orders", turn, seat, orders: kept.orders } })
    ? kept.added
    : [];
  const words = botMessages(
    view,
    spec,
    { answers, proposals, orders },
    rngFromSeed(`${botSeed(start, seat)}/words`),
  );
  for (const { channel, text } of chatLines(seat, words)) {
    f.apply({ kind: "chat", at, by, channel, text });
  }
  f.apply({ kind: "ready", at, by, seat, ready: true });
  return f.applied;
}

/** What the bot of `seat` decides now, from its seat's view only (null when no bot holds the seat). */
export function decideBotTurn(s: SessionState, seat: SeatId): BotTurn | null {
  const spec = botSpec(s, seat);
  if (!spec) return null;
  return botTurn(viewFor(s.game, { role: "player", seat }), spec, rngFromSeed(botSeed(s, seat)));
}

/**
 * Whether a bot's decision is slow enough to run off the room's thread: `hard` bots search (random plays the
 * same, fast, at every level).
 */
export function searches(spec: BotSpec): boolean {
  return spec.level === "hard" && spec.persona !== "random";
}

/**
 * A decision to be made off the room's thread: the seat, what it is for (`key`), and all a worker receives
 * (the seat's view, the bot, the rng seed string).
 */
export interface BotJob {
  seat: SeatId;
  /** The turn, the seat and the bot holding it: an answer counts only while these are unchanged. */
  key: string;
  view: GameView;
  spec: BotSpec;
  seed: string;
}

/**
 * What a decision of the bot holding `seat` in `s` is for: the turn, the seat, and the bot (null when no bot
 * holds it).
 */
export function decisionKey(s: SessionState, seat: SeatId): string | null {
  const spec = botSpec(s, seat);
  return spec ? `${s.game.turn}/${seat}/${spec.persona}/${spec.level}` : null;
}

/** The decision of the bot holding `seat` in `s`, to be made elsewhere (null when no bot holds it). */
export function botJob(s: SessionState, seat: SeatId): BotJob | null {
  const spec = botSpec(s, seat);
  const key = decisionKey(s, seat);
  if (!spec || key === null) return null;
  return { seat, key, view: viewFor(s.game, { role: "player", seat }), spec, seed: botSeed(s, seat) };
}

/**
 * What the bot seats that have not yet acted this turn do now, seat by seat (each bot sees what earlier bots
 * did), up to the first seat whose decision `elsewhere` says runs off this thread: that decision is `waiting`
 * (a job for a worker), and the seats after it wait for its answer. Only entries the reducer accepts are
 * returned, each with the session after it.
 */
export function botMovesUntil(
  start: SessionState,
  at: number,
  elsewhere: (spec: BotSpec) => boolean,
): { applied: Applied[]; waiting: BotJob | null } {
  const f = new Fold(start);
  if (start.phase !== "planning" || start.game.phase !== "planning")
    return { applied: f.applied, waiting: null };
  for (const ctl of start.seats) {
    if (!ctl.bot || f.session.ready.includes(ctl.seat)) continue;
    const spec = botSpec(f.session, ctl.seat);
    if (spec && elsewhere(spec)) return { applied: f.applied, waiting: botJob(f.session, ctl.seat) };
    const t = decideBotTurn(f.session, ctl.seat);
    if (t) f.keep(...botTurnEntries(f.session, ctl.seat, t, at));
  }
  return { applied: f.applied, waiting: null };
}

/**
 * Entries every bot seat that has not yet acted this turn submits now, all decided on this thread (see
 * `botMovesUntil`).
 */
export function botMoves(start: SessionState, at: number): JournalEntry[] {
  return botMovesUntil(start, at, () => false).applied.map((a) => a.entry);
}
