/** The game screen: my numbers, the turn timer and ready state, the Phaser board with the ladder, and the HUD panels. */
import { useEffect, useRef } from "preact/hooks";
import { useSignal } from "@preact/signals";
import { RUNGS } from "@firebreak/shared/browser";
import { request, type ClientView } from "../net/client.ts";
import { rungStyle } from "../board/rungs.ts";
import { Clock, ConnectionBanner } from "./clock.tsx";
import { Console } from "./console.tsx";
import { Diplomacy } from "./diplomacy.tsx";
import { Feed } from "./feed.tsx";
import { Orders } from "./orders.tsx";
import { WaitingForYou } from "./waiting.tsx";

function Board({ v }: { v: ClientView }) {
  const ref = useRef<HTMLDivElement>(null);
  const board = useRef<{ update: (v: ClientView) => void; destroy: () => void } | null>(null);
  // The newest view: the board module loads asynchronously, and views (a whole turn, in a solo game) can arrive meanwhile.
  const latest = useRef(v);
  latest.current = v;
  useEffect(() => {
    let alive = true;
    void import("../board/board.ts").then((m) => {
      if (!alive || !ref.current) return;
      board.current = m.mountBoard(ref.current);
      board.current.update(latest.current);
      (window as unknown as { __boardReady?: boolean }).__boardReady = true;
    });
    return () => {
      alive = false;
      board.current?.destroy();
    };
  }, []);
  useEffect(() => board.current?.update(v), [v]);
  return (
    <div
      ref={ref}
      class="board"
      role="img"
      aria-label={`Map of ${v.game.seats.length} states; tensions are listed in the ladder and in each state's panel`}
    />
  );
}

function Ladder({ v }: { v: ClientView }) {
  const pairs = Object.entries(v.game.tension).sort((a, b) => b[1] - a[1]);
  const name = (p: string) =>
    p
      .split("|")
      .map((s) => v.game.nations[s]?.name ?? s)
      .join("–");
  return (
    <aside class="ladder" aria-labelledby="ladder-h">
      <h2 id="ladder-h">Escalation ladder</h2>
      <ol reversed>
        {RUNGS.slice()
          .reverse()
          .map((r) => (
            <li key={r.name}>
              <span
                class="swatch"
                style={{
                  borderTop: `4px ${rungStyle(r.min).dash[0] === 0 ? "solid" : "dashed"} ${rungStyle(r.min).css}`,
                }}
              />{" "}
              {r.min}+ {r.name}
              <ul>
                {pairs
                  .filter(([, t]) => rungStyle(t).name === r.name)
                  .map(([p, t]) => (
                    <li key={p}>
                      {name(p)}: {t.toFixed(1)}
                    </li>
                  ))}
              </ul>
            </li>
          ))}
      </ol>
    </aside>
  );
}

/** For a player without a seat: ask to join one (the facilitator lets you in when it has players), or wait for the answer. */
function SeatRequest({ v }: { v: ClientView }) {
  const seat = useSignal(v.game.seats[0] ?? "");
  const error = useSignal("");
  const name = (s: string) => v.game.nations[s]?.name ?? s;
  const act = async (payload: { seat: string | null }) =>
    (error.value = (await request("knock", payload)) ?? "");
  return (
    <div class="seat-request" role="status">
      {v.me.knock ? (
        <p>
          Waiting for the facilitator to let you into {name(v.me.knock)}.{" "}
          <button type="button" onClick={() => act({ seat: null })}>
            Withdraw
          </button>
        </p>
      ) : (
        <p>
          You have no seat: you see what an observer sees.{" "}
          <label class="inline">
            Ask to join{" "}
            <select value={seat.value} onChange={(e) => (seat.value = (e.target as HTMLSelectElement).value)}>
              {v.game.seats.map((s) => (
                <option key={s} value={s}>
                  {name(s)}
                </option>
              ))}
            </select>
          </label>{" "}
          <button type="button" onClick={() => act({ seat: seat.value })}>
            Ask
          </button>
        </p>
      )}
      {error.value && (
        <p role="alert" class="error">
          {error.value}
        </p>
      )}
    </div>
  );
}

export function Game({ v }: { v: ClientView }) {
  const fac = v.me.role === "facilitator";
  const tab = useSignal(fac ? "console" : v.me.role === "player" && v.me.seat !== null ? "orders" : "feed");
  const me = v.me.seat ? v.game.nations[v.me.seat] : undefined;
  const seated = v.me.role === "player" && v.me.seat !== null;
  const tabs = [
    ...(seated ? [["orders", "Orders"]] : []),
    ["feed", "Intelligence"],
    ["diplomacy", "Diplomacy"],
    ...(fac ? [["console", "Console"]] : []),
  ] as Array<[string, string]>;
  // A notice's button opens its panel and, for an inquiry, moves focus to its answer once the panel has rendered.
  const open = (id: string, focus?: string) => {
    if (tabs.some(([t]) => t === id)) tab.value = id;
    if (!focus) return;
    requestAnimationFrame(() => {
      const el = document.getElementById(focus);
      el?.scrollIntoView({ block: "center" });
      el?.querySelector<HTMLElement>("button")?.focus();
    });
  };
  return (
    <main class="game">
      {/* Only the clock's row stays in view while scrolling: on a phone the whole header would take a quarter of the screen. */}
      <div class="sticky-top">
        <ConnectionBanner />
        <header class="topbar">
          <h1 class="topbar-title">{v.game.scenario.title}</h1>
          <span>
            Turn {v.game.turn} of {v.game.maxTurns}
          </span>
          <Clock v={v} />
          {fac && (v.session.desk?.knocks.length ?? 0) > 0 && (
            <button type="button" class="knock-alert" onClick={() => (tab.value = "console")}>
              {v.session.desk?.knocks.length} waiting for a seat
            </button>
          )}
        </header>
      </div>
      <div class="topbar topbar-more">
        {me && (
          <span>
            {me.name}: economy {me.economy.toFixed(1)}, stability {me.stability.toFixed(1)}, reputation{" "}
            {me.reputation.toFixed(1)}, cyber {me.cyber}, defence {me.defense}, {me.actionPoints} AP
          </span>
        )}
        {!me && <span>{fac ? "Facilitator" : v.me.role === "player" ? "No seat yet" : "Observer"}</span>}
        <span>Ready: {v.session.ready.map((s) => v.game.nations[s]?.name).join(", ") || "nobody yet"}</span>
      </div>
      <WaitingForYou v={v} open={open} />
      {v.me.role === "player" && v.me.seat === null && <SeatRequest v={v} />}
      <div class="layout">
        <div class="left">
          <Board v={v} />
          <Ladder v={v} />
        </div>
        <div class="right">
          <div role="tablist" aria-label="Panels" class="tabs">
            {tabs.map(([id, label]) => (
              <button
                type="button"
                key={id}
                role="tab"
                id={`tab-${id}`}
                aria-selected={tab.value === id}
                onClick={() => (tab.value = id)}
              >
                {label}
              </button>
            ))}
          </div>
          <div role="tabpanel" aria-labelledby={`tab-${tab.value}`}>
            {tab.value === "orders" && <Orders v={v} />}
            {tab.value === "feed" && <Feed v={v} />}
            {tab.value === "diplomacy" && <Diplomacy v={v} />}
            {tab.value === "console" && <Console v={v} />}
          </div>
        </div>
      </div>
    </main>
  );
}
