/**
 * Forks (docs/protocol.md §5.2): a class game that begins where a turn of an ended game began, in the same
 * scenario and under the same rules, with a fresh random seed from there. The fork's create entry holds its
 * parent's record up to that turn (`ForkOrigin`), so the fork replays from its own journal alone, whatever
 * becomes of its parent.
 */
import {
  forkBase,
  forkStart,
  RULES_VERSION,
  replayTimeline,
  scenarioHash,
  type GameRecord,
  type GameState,
  type Scenario,
  type SeatId,
} from "@firebreak/shared";
import { ok, refuse, type Result } from "./result.ts";
import type { CreateOptions, ForkOrigin } from "./types.ts";

/**
 * What the server answers about a game asked to be forked, for the token given (one answer for an unknown
 * game and a wrong token).
 */
export type ParentAnswer =
  | { status: 401 }
  | { status: 409 }
  | { status: 500 }
  | { status: 200; record: GameRecord; options: CreateOptions };

/** The fork option as a client sends it (already checked for shape). */
export interface ForkRequest {
  game: string;
  turn: number;
  token: string;
  play?: string[] | undefined;
}

/**
 * A fork's beginning, checked: the parent's scenario (as the catalogue has it), the origin, the options it
 * copies.
 */
export interface CheckedFork {
  scenarioId: string;
  origin: ForkOrigin;
  /** Create options the fork keeps from its parent (the engine's options, and any parameter overrides). */
  copied: Pick<CreateOptions, "cbms"> & Partial<CreateOptions>;
}

/**
 * The game a session begins with: a new game, or a fork's parent replayed to the fork's turn with the fork's
 * seed.
 */
export function forkedGame(o: CreateOptions, played: Scenario): Result<GameState> | null {
  return o.fork ? forkStart(played, o.fork, o.seed) : null;
}

/**
 * The one refusal for an unknown game, a malformed id and a token that is not one of its members': no id
 * oracle.
 */
function noSuchFork<T>(): Result<T> {
  return refuse(
    "BAD_TOKEN",
    "Forking needs the id of an ended game and a seat token or facilitator key of that game.",
  );
}

/**
 * Checks a fork request against what the server knows of its parent, in this order: the turn is a whole
 * number from 1; the game exists and the token is one of its members' (one answer for both); it has ended; it
 * was played under this server's rules, in the scenario as it is now (`scenario` gives the catalogue's,
 * `played` the one the game was played in, with its own parameter overrides); the turn is one it played; the
 * seats to play are its own.
 */
export function checkFork(
  f: ForkRequest,
  parent: (game: string, token: string) => ParentAnswer,
  scenario: (id: string) => Scenario | null,
  played: (s: Scenario, parentOptions: CreateOptions) => Scenario,
): Result<CheckedFork> {
  if (!Number.isInteger(f.turn) || f.turn < 1)
    return refuse(
      "WRONG_TURN",
      `fork.turn is a turn of that game: a whole number from 1, not ${String(f.turn)}.`,
    );
  const answer = parent(f.game, f.token);
  if (answer.status === 401) return noSuchFork();
  if (answer.status === 409)
    return refuse("NOT_PLAYING", "That game is still being played: a game can be forked once it has ended.");
  if (answer.status === 500) return refuse("STORE_FAILED", "That game's record could not be rebuilt.");
  const { record, options } = answer;
  if (record.closed || record.rulesVersion !== RULES_VERSION)
    return refuse(
      "RULES_CHANGED",
      `That game was played under rules v${record.rulesVersion} and this server runs v${RULES_VERSION}: it cannot be forked here.`,
    );
  const current = scenario(record.scenario.id);
  const inPlay = current ? played(current, options) : null;
  if (!current || !inPlay || scenarioHash(inPlay) !== record.scenario.hash)
    return refuse(
      "RULES_CHANGED",
      `The scenario "${record.scenario.id}" has changed since that game was played (or is no longer offered): it cannot be forked.`,
    );
  const timeline = replayTimeline(record, inPlay);
  if (!timeline.ok)
    return refuse("RULES_CHANGED", `That game no longer replays on this server: ${timeline.error.message}`);
  const base = forkBase(record, timeline.value, f.game, f.turn);
  if (!base.ok) return base;
  const play = [...new Set(f.play ?? [])];
  const seats = timeline.value.final.seats;
  const stranger = play.find((s) => !seats.includes(s));
  if (stranger !== undefined)
    return refuse("UNKNOWN_SEAT", `No state "${stranger}" in ${record.scenario.id}.`);
  return ok({
    scenarioId: record.scenario.id,
    origin: { ...base.value, play },
    copied: {
      cbms: options.cbms,
      ...copiedTreatment(options),
    },
  });
}

/**
 * A parent's options that change the game it plays beyond the scenario (an exercise's treatment), for its
 * forks to keep.
 */
function copiedTreatment(o: CreateOptions): Partial<CreateOptions> {
  const r = o as Partial<Record<"noCbms" | "params", unknown>>;
  return {
    ...(r.noCbms !== undefined ? { noCbms: r.noCbms } : {}),
    ...(r.params !== undefined ? { params: r.params } : {}),
  } as Partial<CreateOptions>;
}

/**
 * True when the facilitator of this session plays `seat` itself: in a fork, a seat no bot and no player
 * holds.
 */
export function facilitatorSeat(
  s: {
    options: CreateOptions;
    seats: Array<{ seat: SeatId; bot: boolean }>;
    members: Array<{ role: string; seat: SeatId | null }>;
  },
  seat: SeatId,
): boolean {
  if (!s.options.fork) return false;
  const control = s.seats.find((c) => c.seat === seat);
  return (
    control !== undefined && !control.bot && !s.members.some((m) => m.role === "player" && m.seat === seat)
  );
}
