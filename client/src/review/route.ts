/**
 * Opening the replay: from the debrief, from a link (`/?replay=<gameId>`, the record fetched with the token
 * this browser keeps for that game) or from a record file. Small and zod-free: it is part of the main bundle;
 * the replay itself is a chunk loaded when it opens.
 */
import { signal } from "@preact/signals";

/** Where the replay's record comes from: a game's record on the server,, or a file the user picks. */
export type ReplaySource = { kind: "game"; gameId: string } | { kind: "file" };

/** Game ids as the server makes them (and as `GET /api/records/:gameId` accepts them). */
const GAME_ID = /^g[A-Za-z0-9_-]{1,20}$/;

/**
 * Where this browser keeps the tokens of the ended games it was in, so a replay link works after leaving the
 * game.
 */
const TOKENS_KEY = "firebreak:record-tokens";
/** How many games' tokens are kept (the oldest are forgotten first). */
const KEEP = 20;

/**
 * The replay asked for by this page's address (`?replay=<gameId>`, or `?replay` alone for a record file), or
 * null.
 */
export function replayFromSearch(search: string): ReplaySource | null {
  const params = new URLSearchParams(search);
  if (!params.has("replay")) return null;
  const id = params.get("replay") ?? "";
  return GAME_ID.test(id) ? { kind: "game", gameId: id } : { kind: "file" };
}

/** The replay open now (null: the app shows home, lobby, game or debrief). */
export const replaySource = signal<ReplaySource | null>(
  typeof window === "undefined" ? null : replayFromSearch(window.location.search),
);

/**
 * The link that opens a game's replay in this browser (or another browser of a member who kept the token).
 */
export function replayLink(origin: string, gameId: string): string {
  return `${origin}/?replay=${encodeURIComponent(gameId)}`;
}

function tokens(): Array<[string, string]> {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(TOKENS_KEY) ?? "[]");
    return Array.isArray(raw)
      ? raw.filter(
          (e): e is [string, string] =>
            Array.isArray(e) && typeof e[0] === "string" && typeof e[1] === "string",
        )
      : [];
  } catch {
    return [];
  }
}

/** Remembers the token this browser holds for an ended game, for its replay link. */
export function rememberRecordToken(gameId: string, token: string): void {
  if (!GAME_ID.test(gameId)) return;
  const kept = tokens().filter(([id]) => id !== gameId);
  kept.push([gameId, token]);
  try {
    localStorage.setItem(TOKENS_KEY, JSON.stringify(kept.slice(-KEEP)));
  } catch {
    // Storage full or refused: the replay still opens from the debrief.
  }
}

/** The token this browser keeps for a game's record, or null. */
export function recordToken(gameId: string): string | null {
  return new Map(tokens()).get(gameId) ?? null;
}

/** Opens the replay, putting its link in the address bar (so it can be copied or reloaded). */
export function openReplay(source: ReplaySource): void {
  replaySource.value = source;
  const q = source.kind === "game" ? `?replay=${encodeURIComponent(source.gameId)}` : "?replay";
  history.pushState(null, "", `${window.location.pathname}${q}`);
}

/** Closes the replay and takes its link out of the address bar. */
export function closeReplay(): void {
  replaySource.value = null;
  history.replaceState(null, "", window.location.pathname);
}

if (typeof window !== "undefined")
  window.addEventListener("popstate", () => {
    replaySource.value = replayFromSearch(window.location.search);
  });
