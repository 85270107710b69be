/**
 * The facilitator's door: people waiting for a seat, seat invites, removing people, the join code,
 * co-facilitators and the facilitator link.
 */
import { useSignal } from "@preact/signals";
import type { RequestType } from "@firebreak/shared/browser";
import { currentRoomId, currentToken, type ClientView } from "../net/client.ts";
import { ask, type PayloadArgs } from "../net/requests.ts";
import { secretLink } from "../net/links.ts";
import { ConfirmDialog } from "./confirm-dialog.tsx";
import type { Confirmation } from "./consequences.ts";
import { JoinLink } from "./join-link.tsx";

/** A link shown once, selectable for copying. */
function OneTimeLink({ label, url }: { label: string; url: string }) {
  return (
    <p class="secret-link">
      {label}:{" "}
      <input
        readOnly
        value={url}
        size={Math.min(60, url.length)}
        onFocus={(e) => (e.target as HTMLInputElement).select()}
        aria-label={label}
      />{" "}
      <button type="button" onClick={() => void navigator.clipboard?.writeText(url)}>
        Copy
      </button>
    </p>
  );
}

/**
 * People waiting to be let into a seat that has players, with Let in and Refuse: shown first in the
 * facilitator's console.
 */
export function Knocks({ v }: { v: ClientView }) {
  const error = useSignal("");
  const knocks = v.session.desk?.knocks ?? [];
  if (knocks.length === 0) return null;
  const act = async (member: string, admit: boolean) => {
    const r = await ask("fac:admit", { member, admit });
    error.value = r.ok ? "" : r.error;
  };
  return (
    <div class="knocks" role="status" aria-labelledby="knocks-h">
      <h3 id="knocks-h">Waiting for a seat ({knocks.length})</h3>
      {error.value && (
        <p role="alert" class="error">
          {error.value}
        </p>
      )}
      <ul>
        {knocks.map((k) => (
          <li key={k.member}>
            {k.name} asks to join {v.game.nations[k.seat]?.name ?? k.seat}{" "}
            <button type="button" class="primary" onClick={() => act(k.member, true)}>
              Let in
            </button>{" "}
            <button type="button" onClick={() => act(k.member, false)}>
              Refuse
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Invites, removals, the code, co-facilitators: everything else about who gets in. Facilitators only. */
export function Access({ v }: { v: ClientView }) {
  const error = useSignal("");
  const inviteSeat = useSignal(v.game.seats[0] ?? "");
  const cofacName = useSignal("");
  const shown = useSignal<{ label: string; url: string } | null>(null);
  const showKey = useSignal(false);
  const asking = useSignal<{ ask: Confirmation; run: () => void } | null>(null);
  const desk = v.session.desk;
  if (v.me.role !== "facilitator" || !desk) return null;
  const origin = window.location.origin;
  const name = (seat: string) => v.game.nations[seat]?.name ?? seat;
  const act = async <T extends RequestType>(type: T, ...payload: PayloadArgs<T>) => {
    const r = await ask(type, ...payload);
    error.value = r.ok ? "" : r.error;
    return r.ok ? r.answer : null;
  };
  const people = v.session.seats.flatMap((s) =>
    s.members.flatMap((m) => (m.id ? [{ id: m.id, label: `${m.name} (${s.name})` }] : [])),
  );
  const others = [
    ...v.session.unseated.map((m) => ({
      id: m.id,
      label: `${m.name} (${m.role === "observer" ? "observer" : "no seat"})`,
    })),
    ...desk.facilitators
      .filter((f) => f.id !== v.me.memberId)
      .map((f) => ({ id: f.id, label: `${f.name} (co-facilitator)` })),
  ];
  const token = currentToken();
  const roomId = currentRoomId() ?? "";
  return (
    <section aria-labelledby="access-h" class="access">
      <h3 id="access-h">Who gets in</h3>
      {error.value && (
        <p role="alert" class="error">
          {error.value}
        </p>
      )}
      <fieldset>
        <legend>Seat invite</legend>
        <p>
          <small>
            An invite link puts one person straight into a seat, even one that already has players. It works
            once.
          </small>
        </p>
        <label class="inline">
          Seat{" "}
          <select
            aria-label="Seat to invite to"
            value={inviteSeat.value}
            onChange={(e) => (inviteSeat.value = (e.target as HTMLSelectElement).value)}
          >
            {v.game.seats.map((s) => (
              <option key={s} value={s}>
                {name(s)}
              </option>
            ))}
          </select>
        </label>{" "}
        <button
          type="button"
          onClick={async () => {
            const a = await act("fac:invite", { seat: inviteSeat.value });
            const inv = a?.invite;
            if (inv?.secret)
              shown.value = {
                label: `Invite to ${name(inv.seat)}`,
                url: secretLink(origin, { kind: "invite", roomId: roomId, secret: inv.secret }),
              };
          }}
        >
          Make an invite link
        </button>
        {desk.invites.length > 0 && (
          <ul>
            {desk.invites.map((i) => (
              <li key={i.id}>
                Open invite to {name(i.seat)}{" "}
                <button
                  type="button"
                  onClick={() =>
                    (shown.value = {
                      label: `Invite to ${name(i.seat)}`,
                      url: secretLink(origin, { kind: "invite", roomId: roomId, secret: i.secret }),
                    })
                  }
                >
                  Show link
                </button>{" "}
                <button type="button" onClick={() => act("fac:uninvite", { invite: i.id })}>
                  Withdraw
                </button>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      {shown.value && <OneTimeLink label={shown.value.label} url={shown.value.url} />}
      {[...people, ...others].length > 0 && (
        <fieldset>
          <legend>Remove someone</legend>
          <p>
            <small>
              Their connection closes at once and their link stops working. Their orders and messages stay.
            </small>
          </p>
          <ul>
            {[...people, ...others].map((p) => (
              <li key={p.id}>
                {p.label}{" "}
                <button
                  type="button"
                  class="danger"
                  onClick={() =>
                    (asking.value = {
                      ask: {
                        title: `Remove ${p.label} from the game?`,
                        lines: [
                          "Their connection closes at once and their link stops working.",
                          "Their orders and messages stay.",
                        ],
                        confirm: "Remove",
                      },
                      run: () => void act("fac:remove", { member: p.id }),
                    })
                  }
                >
                  Remove
                </button>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      <fieldset>
        <legend>Join code and facilitators</legend>
        <p>
          Code <strong class="code-inline">{v.session.code}</strong>{" "}
          <button
            type="button"
            onClick={() =>
              (asking.value = {
                ask: {
                  title: "Make a new join code?",
                  lines: [
                    "The old code and its join link stop working.",
                    "People already in the game stay in.",
                  ],
                  confirm: "Make a new code",
                },
                run: () => void act("fac:code"),
              })
            }
          >
            New code
          </button>
        </p>
        {/* In the lobby the join link is shown under the big code already. */}
        {v.session.phase !== "lobby" && <JoinLink code={v.session.code} />}
        <p>
          Facilitators:{" "}
          {desk.facilitators
            .map((f) => `${f.name}${f.id === v.me.memberId ? " (you)" : ""}${f.connected ? "" : " (away)"}`)
            .join(", ")}
        </p>
        <label class="inline">
          Co-facilitator's name{" "}
          <input
            maxLength={40}
            value={cofacName.value}
            onInput={(e) => (cofacName.value = (e.target as HTMLInputElement).value)}
          />
        </label>{" "}
        <button
          type="button"
          disabled={cofacName.value.trim() === ""}
          onClick={async () => {
            const a = await act("fac:cofac", { name: cofacName.value });
            if (typeof a?.key === "string") {
              shown.value = {
                label: `Facilitator link for ${cofacName.value}`,
                url: secretLink(origin, { kind: "key", roomId: roomId, secret: a.key }),
              };
              cofacName.value = "";
            }
          }}
        >
          Add a co-facilitator
        </button>
        {token && (
          <p>
            <button type="button" onClick={() => (showKey.value = !showKey.value)}>
              {showKey.value ? "Hide" : "Show"} my facilitator link
            </button>{" "}
            <small>
              Save it now: it brings this game back on any device if this browser is lost. Keep it secret (not
              on the projector): it gives full control.
            </small>
          </p>
        )}
        {token && showKey.value && (
          <OneTimeLink
            label="Your facilitator link"
            url={secretLink(origin, { kind: "key", roomId: roomId, secret: token })}
          />
        )}
      </fieldset>
      {asking.value && (
        <ConfirmDialog
          ask={asking.value.ask}
          onConfirm={() => {
            asking.value?.run();
            asking.value = null;
          }}
          onCancel={() => (asking.value = null)}
        />
      )}
    </section>
  );
}
