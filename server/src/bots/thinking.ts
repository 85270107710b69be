/**
 * A bot's decision made in a worker thread (`hard` bots), when its answer comes back: it counts only if it is
 * still wanted, and a decision that failed in its worker is made on the room's thread instead, so a bot never
 * stalls a turn. The room keeps one such decision in flight at a time (rooms/bot-jobs.ts).
 */
import type { BotTurn } from "@firebreak/shared";
import { type BotJob, decideBotTurn, decisionKey } from "./moves.ts";
import type { SessionState } from "../session/types.ts";

/**
 * Whether the decision `job` is still wanted in `s`: the game is planning that turn, the same bot holds the
 * seat, and it has not acted.
 */
function stillWanted(s: SessionState, job: BotJob): boolean {
  return (
    s.phase === "planning" &&
    s.game.phase === "planning" &&
    !s.ready.includes(job.seat) &&
    decisionKey(s, job.seat) === job.key
  );
}

/**
 * The turn to commit for `job` now that its worker answered `t` (null: the worker failed): null when it is no
 * longer wanted.
 */
export function answerOf(s: SessionState, job: BotJob, t: BotTurn | null): BotTurn | null {
  if (!stillWanted(s, job)) return null;
  return t ?? decideBotTurn(s, job.seat);
}
