/** The connection to the server: create/join/rejoin, requests with answers, and automatic reconnection. */
import { Client, type Room } from "@colyseus/sdk";
import { signal } from "@preact/signals";
import {
  REMOVED_CLOSE_CODE,
  ViewMirror,
  type ClientView,
  type CodeLookup,
  type CreateGameOptions,
  type JoinGameOptions,
  type ServerMessages,
} from "@firebreak/shared/browser";
import { NO_CODE_SENTENCES, outcomeWords, plainError, plainThrown } from "../ui/error-words.ts";
import {
  currentGameId,
  describeGame,
  forgetGame,
  rememberGame,
  savedGame,
  setCurrentGame,
} from "./saved-games.ts";
import { turnAnnouncement } from "./announce.ts";
import { HANDED_OVER_CLOSE_CODE } from "./close-codes.ts";

export type { ClientView };

/** The latest view from the server (null before joining). */
export const view = signal<ClientView | null>(null);
/** Connection state shown in the banner. */
export const connection = signal<"idle" | "connecting" | "connected" | "reconnecting" | "lost">("idle");
/** Last turn-result announcement for the ARIA live region. */
export const announcement = signal("");
/** Why this browser was sent out of its game (the facilitator removed it), shown on the home page. */
export const farewell = signal("");

let room: Room | null = null;
let client: Client | null = null;

function endpoint(): string {
  const { protocol, host, hostname } = window.location;
  const ws = protocol === "https:" ? "wss" : "ws";
  // Under `npm run dev` (Vite's dev server, the only place import.meta.hot exists) the game server is on its
  // own port.
  return import.meta.hot
    ? `${ws}://${hostname}:${import.meta.env.VITE_SERVER_PORT ?? "2567"}`
    : `${ws}://${host}`;
}

function sdk(): Client {
  client ??= new Client(endpoint());
  return client;
}

/** The seat token stored for the game open in this browser, if any. */
export function savedSeat(): { roomId: string; token: string } | null {
  const id = currentGameId();
  const g = id === null ? null : savedGame(id);
  return g ? { roomId: g.roomId, token: g.token } : null;
}

/** Forgets the open game's seat (leaving it for good). */
export function forgetSeat(): void {
  const id = currentGameId();
  if (id !== null) forgetGame(id);
}

/** Who this browser is in a game, in words, for the list of games. */
function whoIn(v: ClientView): string {
  if (v.me.role === "facilitator") return "facilitator";
  if (v.me.role === "observer") return "observer";
  return v.me.seat ? `playing ${v.game.nations[v.me.seat]?.name ?? v.me.seat}` : "player without a seat";
}

/**
 * SDK reconnection attempts (its token dies with a restart) before the seat token rejoins: not its 15, about
 * a minute.
 */
export const SDK_RECONNECT_ATTEMPTS = 3;

function attach(r: Room): void {
  room = r;
  connection.value = "connected";
  // Every page, however long it has been up, tries a few quick SDK reconnections, then its token (reconnect
  // below).
  r.reconnection.maxRetries = SDK_RECONNECT_ATTEMPTS;
  r.reconnection.minUptime = 0;
  const mark = (c: "reconnecting" | "connected") => () => {
    if (room === r) connection.value = c;
  };
  r.onDrop(mark("reconnecting"));
  r.onReconnect(mark("connected"));
  r.onMessage("welcome", (w: ServerMessages["welcome"]) => {
    rememberGame(w.roomId, w.token);
  });
  // The server sends a snapshot, then patches; a patch that does not follow the view held asks for a new
  // snapshot.
  const mirror = new ViewMirror<ClientView>();
  const show = (v: ClientView): void => {
    const before = view.value;
    view.value = v;
    describeGame(r.roomId, { name: v.session.name, title: v.game.scenario.title, who: whoIn(v) });
    if (before && before.game.turn !== v.game.turn) announcement.value = turnAnnouncement(before, v);
    if (before && before.session.phase !== "ended" && v.session.phase === "ended")
      announcement.value = `The game has ended: ${outcomeWords(v.game.outcome, (s) => v.game.nations[s]?.name ?? s)}. The debrief is open.`;
  };
  r.onMessage("view", (v: ServerMessages["view"]) => show(mirror.snapshot(v)));
  r.onMessage("patch", (p: ServerMessages["patch"]) => {
    const v = mirror.patch(p);
    if (v) show(v);
    else void r.request("sync", {}).catch(() => {});
  });
  // An exercise's facilitator moved this member to another table: the removal that follows opens that table
  // instead.
  let movedTo: { roomId: string; invite: string } | null = null;
  r.onMessage("moved", (m: { roomId: string; invite: string }) => {
    movedTo = m;
  });
  r.onLeave((code: number) => {
    if (room !== r) return;
    room = null;
    if (code === REMOVED_CLOSE_CODE && movedTo) {
      const name = view.value?.me.name ?? "Player";
      forgetSeat();
      view.value = null;
      announcement.value = "The facilitator moved you to another table.";
      void joinRoom(movedTo.roomId, { invite: movedTo.invite, name }).catch(() => {
        farewell.value =
          "The facilitator moved you to another table, but it could not be opened. Ask for its code.";
      });
      return;
    }
    if (code === REMOVED_CLOSE_CODE) {
      forgetSeat();
      view.value = null;
      farewell.value =
        "The facilitator removed you from the game. Ask them for a seat invite or the join code to come back.";
      connection.value = "idle";
      return;
    }
    if (code === 1000 || code === 4000) {
      connection.value = "idle";
      return;
    }
    void reconnect(code === HANDED_OVER_CLOSE_CODE);
  });
}

async function reconnect(handedOver = false): Promise<void> {
  const saved = savedSeat();
  if (!saved) {
    connection.value = "lost";
    return;
  }
  connection.value = "reconnecting";
  // The server may be starting again: soon, then every few seconds (about two minutes); a hand-over, sooner.
  for (let attempt = 0; attempt < 45; attempt++) {
    await new Promise((r) =>
      setTimeout(r, Math.min(3000, handedOver ? 100 + 200 * attempt : 300 + 400 * attempt)),
    );
    if (room !== null) return;
    try {
      attach(await joinWithToken(saved.roomId, saved.token));
      return;
    } catch {
      // keep trying
    }
  }
  connection.value = "lost";
}

/** Creates a game (solo or class); the creator becomes the solo player or the facilitator. */
export async function createGame(options: CreateGameOptions): Promise<void> {
  await stepOut();
  connection.value = "connecting";
  try {
    attach(await sdk().create("crisis", options));
  } catch (e) {
    connection.value = "idle";
    throw new Error(plainThrown(e));
  }
}

/** Looks a join code up; returns the room id and its scenario summary. */
export async function lookupCode(code: string): Promise<CodeLookup> {
  let res: Response;
  try {
    res = await fetch(`/api/games/${encodeURIComponent(code.trim())}`);
  } catch {
    throw new Error(NO_CODE_SENTENCES.network);
  }
  const body = (await res.json().catch(() => ({}))) as CodeLookup & { code?: string; message?: string };
  if (!res.ok) throw new Error(plainError(body.code ?? "", body.message ?? NO_CODE_SENTENCES.unknown));
  return body;
}

/** Joins a room by id as a player or observer. */
export async function joinRoom(roomId: string, options: JoinGameOptions): Promise<void> {
  await stepOut();
  connection.value = "connecting";
  try {
    attach(await sdk().joinById(roomId, options));
  } catch (e) {
    connection.value = "idle";
    throw new Error(plainThrown(e));
  }
}

/**
 * Asks the server to bring back a game that went to sleep while nobody was in it; true when it runs again.
 */
async function wakeGame(roomId: string, token: string): Promise<boolean> {
  try {
    const res = await fetch(`/api/games/${encodeURIComponent(roomId)}/wake`, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}` },
    });
    return res.ok;
  } catch {
    return false;
  }
}

/** Joins with a token; a game asleep (idle, out of the server's memory) is woken once and joined again. */
async function joinWithToken(roomId: string, token: string): Promise<Room> {
  try {
    return await sdk().joinById(roomId, { token });
  } catch (e) {
    if (!/not found/i.test((e as Error).message) || !(await wakeGame(roomId, token))) throw e;
    return await sdk().joinById(roomId, { token });
  }
}

/** Rejoins the seat stored in this browser, if the game is still there. */
export async function rejoinSaved(): Promise<boolean> {
  const saved = savedSeat();
  if (!saved) return false;
  connection.value = "connecting";
  try {
    attach(await joinWithToken(saved.roomId, saved.token));
    return true;
  } catch {
    connection.value = "idle";
    forgetSeat();
    return false;
  }
}

/** Leaves the open game for good: its seat token is forgotten. */
export async function leaveGame(): Promise<void> {
  forgetSeat();
  await stepOut();
}

/** Steps out of the open game to the home page, keeping its token: "Your games" brings it back. */
export async function stepOut(): Promise<void> {
  const r = room;
  room = null;
  setCurrentGame(null);
  view.value = null;
  connection.value = "idle";
  if (r) await r.leave(true).catch(() => {});
}

/** Goes back to a game this browser holds a token for (stepping out of the open one first). */
export async function resumeGame(roomId: string): Promise<void> {
  const g = savedGame(roomId);
  if (!g) throw new Error("This browser no longer holds a seat in that game.");
  await stepOut();
  connection.value = "connecting";
  try {
    attach(await joinWithToken(g.roomId, g.token));
    setCurrentGame(g.roomId);
  } catch (e) {
    connection.value = "idle";
    throw new Error(plainThrown(e));
  }
}

/** The room this browser is connected to now, if any (requests go to it). */
export function openRoom(): Room | null {
  return room;
}

/** The token this browser holds for its current game (the facilitator key, for a facilitator). */
export function currentToken(): string | null {
  return savedSeat()?.token ?? null;
}

/** The id of the game this browser is in, if any. */
export function currentRoomId(): string | null {
  return room?.roomId ?? savedSeat()?.roomId ?? null;
}

/** Stores a seat to rejoin (a facilitator key opened from a link) and makes it the open game. */
export function saveSeat(roomId: string, token: string): void {
  rememberGame(roomId, token);
}
