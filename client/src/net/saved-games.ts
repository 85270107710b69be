/**
 * The games this browser holds a seat token (or facilitator key) for, kept side by side in localStorage keyed
 * by game id, with which one is open now: a student mid-solo can join a class and come back to either from
 * "Your games".
 */
import { signal } from "@preact/signals";

/** One game this browser can rejoin, with what the list shows about it. */
export interface SavedGame {
  roomId: string;
  token: string;
  /** The game's name, its scenario's title and who this browser is in it, once a view has said so. */
  name?: string;
  title?: string;
  who?: string;
  /** When this browser was last in it (ms since the epoch): the list shows the newest first. */
  at: number;
}

const LIST_KEY = "firebreak:games";
const CURRENT_KEY = "firebreak:current";
/** Where a single seat was kept before several games were: read once and moved into the list. */
const OLD_KEY = "firebreak:seat";
/** Games kept at most; the oldest go first. */
export const MAX_SAVED_GAMES = 20;

const text = (x: unknown, max: number): string | undefined =>
  typeof x === "string" && x.length > 0 && x.length <= max ? x : undefined;

/** Reads a stored list, keeping only well-formed entries, one per game. */
export function parseSavedGames(raw: string | null): SavedGame[] {
  let data: unknown;
  try {
    data = raw ? JSON.parse(raw) : [];
  } catch {
    return [];
  }
  if (!Array.isArray(data)) return [];
  const byRoom = new Map<string, SavedGame>();
  for (const x of data as unknown[]) {
    if (typeof x !== "object" || x === null) continue;
    const o = x as Record<string, unknown>;
    const roomId = text(o.roomId, 64);
    const token = text(o.token, 128);
    if (!roomId || !token || byRoom.has(roomId)) continue;
    const g: SavedGame = { roomId, token, at: typeof o.at === "number" ? o.at : 0 };
    const name = text(o.name, 80);
    const title = text(o.title, 200);
    const who = text(o.who, 120);
    if (name) g.name = name;
    if (title) g.title = title;
    if (who) g.who = who;
    byRoom.set(roomId, g);
  }
  return [...byRoom.values()].sort((a, b) => b.at - a.at).slice(0, MAX_SAVED_GAMES);
}

function read(): SavedGame[] {
  try {
    const list = parseSavedGames(localStorage.getItem(LIST_KEY));
    const old = localStorage.getItem(OLD_KEY);
    if (old === null) return list;
    localStorage.removeItem(OLD_KEY);
    const [moved] = parseSavedGames(`[${old}]`);
    if (!moved || list.some((g) => g.roomId === moved.roomId)) return list;
    localStorage.setItem(CURRENT_KEY, moved.roomId);
    const merged = [{ ...moved, at: Date.now() }, ...list].slice(0, MAX_SAVED_GAMES);
    localStorage.setItem(LIST_KEY, JSON.stringify(merged));
    return merged;
  } catch {
    return [];
  }
}

/** The games this browser can rejoin, newest first (a signal, for the home page's list). */
export const savedGamesList = signal<SavedGame[]>(read());

function write(list: SavedGame[]): void {
  savedGamesList.value = list;
  try {
    localStorage.setItem(LIST_KEY, JSON.stringify(list));
  } catch {
    // storage full or refused: the list lives for this page only
  }
}

/** The saved game with this id, if any. */
export function savedGame(roomId: string): SavedGame | null {
  return savedGamesList.value.find((g) => g.roomId === roomId) ?? null;
}

/** Keeps (or updates) a game's token and makes it the open one. */
export function rememberGame(roomId: string, token: string): void {
  const old = savedGame(roomId);
  const g: SavedGame = { ...(old ?? {}), roomId, token, at: Date.now() };
  write([g, ...savedGamesList.value.filter((x) => x.roomId !== roomId)].slice(0, MAX_SAVED_GAMES));
  setCurrentGame(roomId);
}

/** Updates what the list shows about a game (nothing is written when nothing changed). */
export function describeGame(roomId: string, about: { name: string; title: string; who: string }): void {
  const old = savedGame(roomId);
  if (!old || (old.name === about.name && old.title === about.title && old.who === about.who)) return;
  write(savedGamesList.value.map((g) => (g.roomId === roomId ? { ...g, ...about } : g)));
}

/** Forgets a game (left for good, removed, or gone from the server). */
export function forgetGame(roomId: string): void {
  write(savedGamesList.value.filter((g) => g.roomId !== roomId));
  if (currentGameId() === roomId) setCurrentGame(null);
}

/** The id of the game open in this browser (rejoined on load), or null. */
export function currentGameId(): string | null {
  try {
    return localStorage.getItem(CURRENT_KEY);
  } catch {
    return null;
  }
}

/** Sets (or clears) the game open in this browser. */
export function setCurrentGame(roomId: string | null): void {
  try {
    if (roomId === null) localStorage.removeItem(CURRENT_KEY);
    else localStorage.setItem(CURRENT_KEY, roomId);
  } catch {
    // storage refused: nothing to rejoin on load
  }
}
