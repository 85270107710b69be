/**
 * What a player must know beside the Ready button: a bot holds the seat (and taking it back), strikes
 * awaiting approval, and what Ready means.
 */
import type { ClientView } from "../net/client.ts";
import { request } from "../net/requests.ts";

const WHY = {
  empty: "nobody took it",
  facilitator: "the facilitator handed it over",
  absent: "you were away",
};

/**
 * Notices for the seat's players: its bot (with "Take my seat back"), its held or refused strikes, and what
 * Ready does.
 */
export function SeatNotices({ v }: { v: ClientView }) {
  const bot = v.session.botHoldsYourSeat;
  const name = (seat: string) => v.game.nations[seat]?.name ?? seat;
  return (
    <>
      {bot && (
        <p class="notice" role="status">
          A bot plays your state now ({WHY[bot]}); your orders are refused until you take it back.{" "}
          <button type="button" class="primary" onClick={() => request("reclaim")}>
            Take my seat back
          </button>
        </p>
      )}
      {v.session.heldStrikes.map((h) => (
        <p key={h.seat} class="notice" role="status">
          {h.status === "waiting"
            ? `Your military strike on ${h.targets.map(name).join(" and ")} waits for the facilitator's approval.`
            : `The facilitator refused your military strike on ${h.targets.map(name).join(" and ")}: it will not happen.`}
        </p>
      ))}
      <p class="hint">
        Your saved orders count when the turn ends, whether or not you press Ready; Ready only tells the
        others not to wait for you.
      </p>
    </>
  );
}
