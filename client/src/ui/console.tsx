/** Facilitator console: every seat's hidden orders and operations, the clock, injects, bot takeover, end. */
import { useSignal } from "@preact/signals";
import { BOT_PERSONAS, DOCTRINES, INCIDENT_NAMES, type BotPersona } from "@firebreak/shared/browser";
import type { ClientView } from "../net/client.ts";
import { request, type Act, type PayloadArgs } from "../net/requests.ts";
import type { RequestType, SeatSummary } from "@firebreak/shared/browser";
import { Access, Knocks } from "./access.tsx";
import { scenarios } from "./api.ts";
import { InjectPreview, SecretObjectives, TeacherMaterial } from "./console-brief.tsx";
import { SessionSettings, StrikesWaiting } from "./console-rules.tsx";
import { describe } from "./order-words.ts";
import { ConfirmDialog } from "./confirm-dialog.tsx";
import { ResolveNow } from "./resolve-now.tsx";
import { ExtendButtons } from "./extend-buttons.tsx";
import { TurnLength } from "./turn-length.tsx";

export function Console({ v }: { v: ClientView }) {
  const error = useSignal("");
  const askEnd = useSignal(false);
  const injectId = useSignal("");
  const title = useSignal("");
  const text = useSignal("");
  const library = scenarios.value.find((s) => s.id === v.game.scenario.id)?.injects ?? [];
  const preview = v.facilitator?.injects.find((i) => i.turn === null && i.id === injectId.value);
  const act = async <T extends RequestType>(type: T, ...payload: PayloadArgs<T>) => {
    error.value = (await request(type, ...payload)) ?? "";
  };
  const covert = v.game.incidents.filter(
    (i) => i.turn >= v.game.turn - 1 && i.author && i.author !== "nonState",
  );
  return (
    <section aria-labelledby="con-h" class="panel">
      <h2 id="con-h">Facilitator console</h2>
      <Knocks v={v} />
      <StrikesWaiting v={v} act={act} />
      {error.value && (
        <p role="alert" class="error">
          {error.value}
        </p>
      )}
      <div class="controls">
        {v.session.paused ? (
          <button type="button" onClick={() => act("fac:resume")}>
            Resume
          </button>
        ) : (
          <button type="button" onClick={() => act("fac:pause")}>
            Pause
          </button>
        )}
        <ExtendButtons turnSeconds={v.session.turnSeconds} act={act} />
        <ResolveNow v={v} act={act} />
        <button type="button" class="danger" onClick={() => (askEnd.value = true)}>
          End the game
        </button>
      </div>
      <TurnLength turnSeconds={v.session.turnSeconds} act={act} />
      {askEnd.value && (
        <ConfirmDialog
          ask={{
            title: "End the game for everyone?",
            lines: [
              "The game ends now, for every player, and cannot be resumed.",
              "Everyone moves to the debrief, which shows what was hidden.",
            ],
            confirm: "End the game",
          }}
          onConfirm={() => {
            askEnd.value = false;
            void act("fac:end");
          }}
          onCancel={() => (askEnd.value = false)}
        />
      )}
      <table class="seats">
        <caption>Seats and their orders this turn</caption>
        {/* Who plays a seat and its bot control share a column, so the panel's width goes to the controls and the orders. */}
        <colgroup>
          <col style={{ width: "24%" }} />
          <col style={{ width: "32%" }} />
          <col style={{ width: "16%" }} />
          <col style={{ width: "28%" }} />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">State</th>
            <th scope="col">Played by</th>
            <th scope="col">Ready</th>
            <th scope="col">Orders</th>
          </tr>
        </thead>
        <tbody>
          {v.session.seats.map((s) => (
            <tr key={s.seat}>
              <th scope="row">{s.name}</th>
              <td>
                <div>
                  {s.bot
                    ? `bot (${personaTitle(s.persona)}${s.reason === "absent" ? ", players away" : ""})`
                    : s.members.map((m) => `${m.name}${m.connected ? "" : " (away)"}`).join(", ") || "—"}
                </div>
                <BotSeatControl seat={s} act={act} />
              </td>
              <td>{v.session.ready.includes(s.seat) ? "ready" : "not yet"}</td>
              <td>{(v.game.private[s.seat]?.orders ?? []).map((o) => describe(o, v)).join("; ") || "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <MovePeople v={v} act={act} />
      <Access v={v} />
      <h3>Operations last and this turn (hidden from players)</h3>
      <ul>
        {covert.map((i) => (
          <li key={i.id}>
            T{i.turn}: {v.game.nations[i.author ?? ""]?.name} → {INCIDENT_NAMES[i.kind]} →{" "}
            {v.game.nations[i.target]?.name}
            {i.secret?.proxy ? " via proxy" : ""}
            {i.secret?.falseFlag ? `, false flag ${v.game.nations[i.secret.falseFlag]?.name}` : ""}
            {i.overt ? " (overt)" : ""}; known to{" "}
            {Object.keys(i.knowledge)
              .map((k) => v.game.nations[k]?.name)
              .join(", ")}
          </li>
        ))}
      </ul>
      <h3>Injects</h3>
      <label>
        From the scenario{" "}
        <select
          value={injectId.value}
          onChange={(e) => (injectId.value = (e.target as HTMLSelectElement).value)}
        >
          <option value="">choose…</option>
          {library.map((i) => (
            <option key={i.id} value={i.id}>
              {i.title}
            </option>
          ))}
        </select>
      </label>{" "}
      <button
        type="button"
        disabled={!injectId.value}
        onClick={() => act("fac:inject", { id: injectId.value })}
      >
        Fire
      </button>
      {preview && <InjectPreview inject={preview} v={v} />}
      <fieldset>
        <legend>Write one now (text only)</legend>
        <label>
          Title{" "}
          <input
            maxLength={80}
            value={title.value}
            onInput={(e) => (title.value = (e.target as HTMLInputElement).value)}
          />
        </label>
        <label>
          Text{" "}
          <input
            maxLength={1000}
            value={text.value}
            onInput={(e) => (text.value = (e.target as HTMLInputElement).value)}
          />
        </label>
        <button
          type="button"
          disabled={!title.value || !text.value}
          onClick={() =>
            act("fac:inject", { inject: { id: "live", title: title.value, text: text.value, effects: [] } })
          }
        >
          Fire
        </button>
      </fieldset>
      <SessionSettings v={v} act={act} />
      <SecretObjectives v={v} />
      <TeacherMaterial v={v} />
    </section>
  );
}

/** A persona's name as people read it ("Norm builder"), or "?" when the view does not say. */
export function personaTitle(p: BotPersona | null): string {
  return p === null ? "?" : DOCTRINES[p].title;
}

/**
 * The facilitator's bot control for one seat: give it to a bot of a chosen persona (or the game's own
 * choice), change the persona, or hand it back.
 */
export function BotSeatControl({ seat: s, act }: { seat: SeatSummary; act: Act }) {
  const persona = useSignal<BotPersona | "">("");
  const chosen = persona.value === "" ? {} : { persona: persona.value };
  return (
    <span class="bot-control">
      <select
        aria-label={`Bot persona for ${s.name}`}
        value={persona.value}
        onChange={(e) => (persona.value = (e.target as HTMLSelectElement).value as BotPersona | "")}
      >
        <option value="">{s.bot ? `keep ${personaTitle(s.persona)}` : "the game's choice"}</option>
        {BOT_PERSONAS.map((p) => (
          <option key={p} value={p} title={DOCTRINES[p].summary}>
            {DOCTRINES[p].title}
          </option>
        ))}
      </select>{" "}
      {s.bot ? (
        <>
          <button
            type="button"
            disabled={persona.value === "" || persona.value === s.persona}
            onClick={() => act("fac:bot", { seat: s.seat, bot: true, ...chosen })}
          >
            Change persona
          </button>{" "}
          <button type="button" onClick={() => act("fac:bot", { seat: s.seat, bot: false })}>
            Hand back
          </button>
        </>
      ) : (
        <button type="button" onClick={() => act("fac:bot", { seat: s.seat, bot: true, ...chosen })}>
          Give to bot
        </button>
      )}
    </span>
  );
}

/**
 * The facilitator's list of everyone who can be moved: seated players to another seat or off any seat, and
 * people without a seat onto one.
 */
export function MovePeople({ v, act }: { v: ClientView; act: Act }) {
  const people = [
    ...v.session.seats.flatMap((s) =>
      s.members.flatMap((m) =>
        m.id === null ? [] : [{ id: m.id, name: m.name, where: s.name, seat: s.seat as string }],
      ),
    ),
    ...v.session.unseated.map((m) => ({
      id: m.id,
      name: m.name,
      where: m.role === "observer" ? "observer" : "no seat",
      seat: "",
    })),
  ];
  if (people.length === 0) return null;
  return (
    <fieldset>
      <legend>Move people</legend>
      {people.map((p) => (
        <label key={p.id}>
          {p.name} ({p.where}) to{" "}
          <select
            aria-label={`Move ${p.name} to`}
            value={p.seat}
            onChange={(e) =>
              act("fac:assign", { member: p.id, seat: (e.target as HTMLSelectElement).value || null })
            }
          >
            <option value="">no seat (observer)</option>
            {v.session.seats.map((x) => (
              <option key={x.seat} value={x.seat}>
                {x.name}
              </option>
            ))}
          </select>
        </label>
      ))}
    </fieldset>
  );
}
