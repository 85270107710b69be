/**
 * The game screen: my numbers, the turn timer and ready state, the Phaser board with the ladder, and the HUD
 * panels.
 */
import { useEffect } from "preact/hooks";
import { useSignal } from "@preact/signals";
import type { ClientView } from "../net/client.ts";
import { actAs, request } from "../net/requests.ts";
import { Board, Ladder } from "./board-view.tsx";
import { Clock, ConnectionBanner } from "./clock.tsx";
import { Console } from "./console.tsx";
import { Diplomacy } from "./diplomacy.tsx";
import { Feed } from "./feed.tsx";
import { asSeat, playedSeat, PlayAs } from "./fork-seat.tsx";
import { GamesMenu } from "./games-menu.tsx";
import { Orders } from "./orders.tsx";
import { StatesTable } from "./states-table.tsx";
import { TabList, TabPanel } from "./tabs.tsx";
import { TurnSummary } from "./turn-summary.tsx";
import { WaitingForYou } from "./waiting.tsx";

/**
 * For a player without a seat: ask to join one (the facilitator lets you in when it has players), or wait for
 * the answer.
 */
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
  // In a fork the facilitator may play a seat itself (fork-seat.tsx): its order planner and its measures are that
  // seat's.
  const chosen = useSignal<string | null>(null);
  const playing = playedSeat(v, chosen.value);
  actAs(playing);
  const seated = (v.me.role === "player" && v.me.seat !== null) || playing !== null;
  const tabs = [
    ...(seated ? [["orders", "Orders"]] : []),
    ["feed", "Intelligence"],
    ["diplomacy", "Diplomacy"],
    ...(fac ? [["console", "Console"]] : []),
  ] as Array<[string, string]>;
  // A notice's button opens its panel and, for an inquiry, moves focus to its answer once the panel has
  // rendered.
  const open = (id: string, focus?: string) => {
    if (tabs.some(([t]) => t === id)) tab.value = id;
    if (!focus) return;
    requestAnimationFrame(() => {
      const el = document.getElementById(focus);
      el?.scrollIntoView({ block: "center" });
      el?.querySelector<HTMLElement>("button")?.focus();
    });
  };
  // The page opens at its top, and focus (lost with the lobby or home page's button that started the game)
  // goes to the tab shown.
  useEffect(() => {
    window.scrollTo(0, 0);
    if (document.activeElement === document.body || document.activeElement === null)
      document
        .querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')
        ?.focus({ preventScroll: true });
  }, []);
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
          <GamesMenu />
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
        <PlayAs v={v} chosen={chosen} />
      </div>
      <WaitingForYou v={v} open={open} />
      <TurnSummary v={v} />
      {v.me.role === "player" && v.me.seat === null && <SeatRequest v={v} />}
      <div class="layout">
        <div class="right">
          <TabList
            label="Panels"
            class="tabs"
            idPrefix="panels"
            selected={tab.value}
            onSelect={(id) => (tab.value = id)}
            tabs={tabs.map(([id, label]) => ({ id, label }))}
          />
          <TabPanel idPrefix="panels" selected={tab.value}>
            {tab.value === "orders" && <Orders v={playing ? asSeat(v, playing) : v} />}
            {tab.value === "feed" && <Feed v={v} />}
            {tab.value === "diplomacy" && <Diplomacy v={playing ? asSeat(v, playing) : v} />}
            {tab.value === "console" && <Console v={v} />}
          </TabPanel>
        </div>
        <div class="left">
          <Board v={v} />
          <StatesTable v={v} />
          <Ladder v={v} />
        </div>
      </div>
    </main>
  );
}
