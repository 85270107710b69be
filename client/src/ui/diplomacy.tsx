/**
 * Diplomacy: public, team, private and hotline channels; CBM proposals and answers. Text from others is
 * rendered as text.
 */
import { useSignal } from "@preact/signals";
import { useEffect, useRef } from "preact/hooks";
import {
  CBM_EFFECTS,
  CBM_KINDS,
  CBM_NAMES,
  hotlineWith,
  isNorm,
  normThreshold,
  UNILATERAL_CBMS,
  type CbmKind,
} from "@firebreak/shared/browser";
import type { ClientView } from "../net/client.ts";
import { request } from "../net/requests.ts";
import { markRead, unreadByChannel } from "./unread.ts";
import { TabList, TabPanel } from "./tabs.tsx";
import { channelName } from "./waiting.tsx";

/** Where a proposal stands, after "X proposes <measure>": with whom, and whose answer it waits for. */
function proposalStatus(p: ClientView["game"]["proposals"][number], name: (id: string) => string): string {
  const others = p.parties.filter((x) => x !== p.proposer);
  const waiting = p.parties.filter((x) => !p.accepted.includes(x) && !p.declined.includes(x));
  const withWhom = others.length > 0 ? ` with ${others.map(name).join(", ")}` : "";
  if (p.declined.length > 0)
    return `${withWhom} — declined by ${p.declined.map(name).join(", ")}: it lapses at the end of the turn`;
  if (waiting.length === 0)
    return `${withWhom} — every party has accepted: in force from the end of the turn`;
  return `${withWhom} — waiting for ${waiting.map(name).join(", ")}`;
}

/** How a chat line shows the role of who wrote it, whatever name they chose. */
const ROLE_TAGS: Record<"facilitator" | "bot" | "system", string> = {
  facilitator: "[facilitator]",
  bot: "[bot]",
  system: "[game notice]",
};

export function Diplomacy({ v }: { v: ClientView }) {
  const me = v.me.seat ?? "";
  const fac = v.me.role === "facilitator";
  // A player, or a fork's facilitator playing a seat ("Play as"): it proposes and answers measures for it.
  const seated = v.me.seat !== null && (v.me.role === "player" || fac);
  const others = v.game.seats.filter((s) => s !== me);
  // The facilitator reads every channel: the teams, and each private line or hotline once someone (a bot too)
  // has written on it.
  const channels = fac
    ? [...new Set(["public", ...v.game.seats.map((s) => `team:${s}`), ...v.chat.map((m) => m.channel)])]
    : v.me.role === "observer"
      ? ["public"]
      : [
          "public",
          "team",
          ...others.map((s) => `private:${s}`),
          ...others.filter((s) => hotlineWith(v.game, me, s)).map((s) => `hotline:${s}`),
        ];
  const unread = unreadByChannel(v);
  // The panel opens on the channel of the newest unread message, if any.
  const newestUnread = v.chat.filter((m) => unread.has(m.channel) && channels.includes(m.channel)).at(-1);
  const channel = useSignal(newestUnread?.channel ?? "public");
  const text = useSignal("");
  const error = useSignal("");
  const kind = useSignal<CbmKind>("hotline");
  const parties = useSignal<string[]>([]);
  const label = (c: string) => channelName(c, v);
  const messages = v.chat.filter((m) => m.channel === channel.value);
  // What the open channel shows is read.
  useEffect(() => markRead(channel.value, v), [channel.value, messages.length, v]);
  const done = useSignal("");
  const cbmHeading = useRef<HTMLHeadingElement>(null);
  /** Open proposals that name this seat and that it has not answered. */
  const waiting = v.game.proposals.filter(
    (p) => p.parties.includes(me) && !p.accepted.includes(me) && !p.declined.includes(me),
  );
  /** Accepts every waiting proposal, one request each; stops at the first refusal and shows it. */
  const acceptAll = async () => {
    for (const p of waiting) {
      const refused = await request("respond", { proposal: p.id, accept: true });
      if (refused) {
        error.value = refused;
        return;
      }
    }
    error.value = "";
    answered(`Accepted ${waiting.length} proposals.`);
  };
  /**
   * After an answer its button goes away: focus moves to the measures' heading, and a status line says what
   * was done.
   */
  const answered = (what: string) => {
    done.value = what;
    cbmHeading.current?.focus();
  };
  const send = async () => {
    error.value = (await request("chat", { channel: channel.value, text: text.value })) ?? "";
    if (!error.value) text.value = "";
  };
  return (
    <section aria-labelledby="dip-h" class="panel">
      <h2 id="dip-h">Diplomacy</h2>
      <TabList
        label="Channels"
        class="channels"
        idPrefix="channel"
        selected={channel.value}
        onSelect={(c) => (channel.value = c)}
        tabs={channels.map((c) => ({
          id: c,
          label: `${label(c)} (${v.chat.filter((m) => m.channel === c).length}${unread.get(c) ? `, ${unread.get(c)} new` : ""})`,
        }))}
      />
      <TabPanel idPrefix="channel" selected={channel.value}>
        <ol class="chat" aria-live="polite">
          {messages.map((m) => (
            <li key={m.id} class={`chat-${m.role}`}>
              <strong>{m.fromName}</strong>
              {m.role !== "player" && <span class="role-tag"> {ROLE_TAGS[m.role]}</span>}{" "}
              <small>turn {m.turn}</small>: {m.text}
            </li>
          ))}
        </ol>
        {v.me.role !== "observer" && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void send();
            }}
          >
            <label>
              Message to {label(channel.value)}{" "}
              <input
                maxLength={500}
                value={text.value}
                onInput={(e) => (text.value = (e.target as HTMLInputElement).value)}
              />
            </label>
            <button type="submit">Send</button>
          </form>
        )}
      </TabPanel>
      {error.value && (
        <p role="alert" class="error">
          {error.value}
        </p>
      )}
      {seated && (
        <>
          <h3 id="cbm-h" tabIndex={-1} ref={cbmHeading}>
            Confidence-building measures
          </h3>
          <p role="status">{done.value}</p>
          <p>
            In force:{" "}
            {v.game.cbms.length
              ? v.game.cbms
                  .map(
                    (c) =>
                      `${CBM_NAMES[c.kind]} (${c.members.map((m) => v.game.nations[m]?.name).join(", ")})`,
                  )
                  .join("; ")
              : "none"}
            .
          </p>
          {v.game.alliances.length > 0 && (
            <p>
              Alliances (collective defence: an attack on one concerns the others; a war with one brings the
              others in):{" "}
              {v.game.alliances
                .map((a) => `${a.name} (${a.members.map((m) => v.game.nations[m]?.name ?? m).join(", ")})`)
                .join("; ")}
              .
            </p>
          )}
          {waiting.length > 1 && (
            <p>
              {waiting.length} proposals wait for your answer.{" "}
              <button type="button" onClick={acceptAll}>
                Accept all {waiting.length}
              </button>
            </p>
          )}
          <ul>
            {v.game.proposals.map((p) => (
              <li key={p.id}>
                {v.game.nations[p.proposer]?.name} proposes <strong>{CBM_NAMES[p.kind]}</strong>
                {proposalStatus(p, (x) => v.game.nations[x]?.name ?? x)}
                {waiting.includes(p) && (
                  <>
                    {" "}
                    <button
                      type="button"
                      onClick={async () => {
                        error.value = (await request("respond", { proposal: p.id, accept: true })) ?? "";
                        if (!error.value) answered(`Accepted ${CBM_NAMES[p.kind]}.`);
                      }}
                    >
                      Accept
                    </button>{" "}
                    <button
                      type="button"
                      onClick={async () => {
                        error.value =
                          (await request("respond", { proposal: p.id, accept: false, note: "Not now." })) ??
                          "";
                        if (!error.value) answered(`Declined ${CBM_NAMES[p.kind]}.`);
                      }}
                    >
                      Decline
                    </button>
                  </>
                )}
              </li>
            ))}
          </ul>
          <fieldset>
            <legend>Propose a measure</legend>
            <label>
              Measure{" "}
              <select
                value={kind.value}
                onChange={(e) => (kind.value = (e.target as HTMLSelectElement).value as CbmKind)}
              >
                {CBM_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {CBM_NAMES[k]}
                  </option>
                ))}
              </select>
            </label>
            <p class="cbm-effect">{CBM_EFFECTS[kind.value]}</p>
            {isNorm(kind.value) && (
              <p>
                A norm is proposed to every state at the table and adopted by those who accept once{" "}
                {normThreshold(v.game.seats.length, v.game.params.normAdoptionShare)} of the{" "}
                {v.game.seats.length} states have.
              </p>
            )}
            {!UNILATERAL_CBMS.includes(kind.value) && !isNorm(kind.value) && (
              <div>
                With:{" "}
                {others.map((s) => (
                  <label key={s} class="inline">
                    <input
                      type="checkbox"
                      checked={parties.value.includes(s)}
                      onChange={(e) =>
                        (parties.value = (e.target as HTMLInputElement).checked
                          ? [...parties.value, s]
                          : parties.value.filter((x) => x !== s))
                      }
                    />{" "}
                    {v.game.nations[s]?.name}
                  </label>
                ))}
              </div>
            )}
            <button
              type="button"
              onClick={async () =>
                (error.value =
                  (await request("propose", {
                    kind: kind.value,
                    parties: UNILATERAL_CBMS.includes(kind.value)
                      ? []
                      : isNorm(kind.value)
                        ? v.game.seats
                        : parties.value,
                  })) ?? "")
              }
            >
              Propose
            </button>
          </fieldset>
        </>
      )}
    </section>
  );
}
