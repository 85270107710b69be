/**
 * Joining through a seat invite opened from a link: the person gives a name and goes straight to the seat.
 */
import { signal, useSignal } from "@preact/signals";
import { joinRoom } from "../net/client.ts";

/** A seat invite opened from a link, waiting for the person's name. */
export const pendingInvite = signal<{ roomId: string; secret: string } | null>(null);

/** The card of a pending seat invite (nothing without one): a name, then the seat. */
export function InviteCard() {
  const inv = pendingInvite.value;
  const name = useSignal("");
  const error = useSignal("");
  if (!inv) return null;
  return (
    <section aria-labelledby="invite-h" class="card invite">
      <h2 id="invite-h">You have a seat invite</h2>
      <p>The facilitator invited you to take a seat in their game. It works once.</p>
      {error.value && (
        <p role="alert" class="error">
          {error.value}
        </p>
      )}
      <label>
        Your name in the game{" "}
        <input
          value={name.value}
          maxLength={40}
          onInput={(e) => (name.value = (e.target as HTMLInputElement).value)}
        />
      </label>
      <button
        type="button"
        class="primary"
        onClick={async () => {
          error.value = "";
          try {
            await joinRoom(inv.roomId, { invite: inv.secret, name: name.value.trim() || "Player" });
            pendingInvite.value = null;
          } catch (e) {
            error.value = (e as Error).message;
          }
        }}
      >
        Take the seat
      </button>{" "}
      <button type="button" onClick={() => (pendingInvite.value = null)}>
        Not now
      </button>
    </section>
  );
}
