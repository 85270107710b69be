/**
 * In a fork (docs/protocol.md §5.2) the facilitator plays seats itself: the seats it may play now, the one it
 * chose, and the view its order planner uses for that seat. Its requests for the seat name it (`actAs` in
 * net/requests.ts).
 */
import type { Signal } from "@preact/signals";
import type { ClientView } from "../net/client.ts";

/**
 * The seats a fork's facilitator may play now: no bot and no player holds them. None outside a fork or for
 * anyone else.
 */
export function facilitatorSeats(v: ClientView): string[] {
  if (v.me.role !== "facilitator" || !v.session.fork || v.session.phase !== "planning") return [];
  return v.session.seats.filter((s) => !s.bot && s.members.length === 0).map((s) => s.seat);
}

/**
 * The seat the facilitator chose, while it may still play it (a bot or a player may have taken it since);
 * else null.
 */
export function playedSeat(v: ClientView, chosen: string | null): string | null {
  return chosen !== null && facilitatorSeats(v).includes(chosen) ? chosen : null;
}

/** The facilitator's view with `seat` as its own, for the order planner of that seat. */
export function asSeat(v: ClientView, seat: string): ClientView {
  return { ...v, me: { ...v.me, seat } };
}

/**
 * "Play as": the facilitator of a fork chooses the seat it plays (or none); shown only when it has seats to
 * play.
 */
export function PlayAs({ v, chosen }: { v: ClientView; chosen: Signal<string | null> }) {
  const seats = facilitatorSeats(v);
  if (seats.length === 0) return null;
  return (
    <label class="inline">
      Play as{" "}
      <select
        value={playedSeat(v, chosen.value) ?? ""}
        onChange={(e) => (chosen.value = (e.target as HTMLSelectElement).value || null)}
      >
        <option value="">nobody (facilitate)</option>
        {seats.map((s) => (
          <option key={s} value={s}>
            {v.game.nations[s]?.name ?? s}
          </option>
        ))}
      </select>
    </label>
  );
}
