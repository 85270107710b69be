/**
 * The facilitator's "Resolve the turn now", which asks first: every seat's saved orders count, ready or not.
 */
import { useSignal } from "@preact/signals";
import type { ClientView } from "../net/client.ts";
import type { Act } from "../net/requests.ts";
import { ConfirmDialog } from "./confirm-dialog.tsx";

/** The button and its confirmation. */
export function ResolveNow({ v, act }: { v: ClientView; act: Act }) {
  const asking = useSignal(false);
  const humans = v.session.seats.filter((s) => !s.bot);
  const notReady = humans.filter((s) => !v.session.ready.includes(s.seat)).map((s) => s.name);
  return (
    <>
      <button type="button" onClick={() => (asking.value = true)}>
        Resolve the turn now
      </button>
      {asking.value && (
        <ConfirmDialog
          ask={{
            title: `Resolve turn ${v.game.turn} now?`,
            lines: [
              notReady.length > 0
                ? `Not ready yet: ${notReady.join(", ")}. Their orders count as they stand now; anything they have not added yet is lost.`
                : "Every seat played by people is ready.",
              "Every seat's saved orders are carried out, and the next turn starts with a fresh clock.",
            ],
            confirm: "Resolve now",
          }}
          onConfirm={() => {
            asking.value = false;
            void act("fac:advance");
          }}
          onCancel={() => (asking.value = false)}
        />
      )}
    </>
  );
}
