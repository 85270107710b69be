/**
 * Opening a game's turn summary from a link (`/?summary=<gameId>`, a notice's link): the page reads the game
 * with the seat token this browser keeps for it, without joining the room or loading the board.
 */
import { signal } from "@preact/signals";

/** Game ids as the server makes them. */
const GAME_ID = /^g[A-Za-z0-9_-]{1,20}$/;

/** The game whose summary this page's address asks for (`?summary=<gameId>`), or null. */
export function summaryFromSearch(search: string): string | null {
  const id = new URLSearchParams(search).get("summary");
  return id !== null && GAME_ID.test(id) ? id : null;
}

/** The game whose summary page is open (null: the app shows home, lobby, game or debrief). */
export const summaryGame = signal<string | null>(
  typeof window === "undefined" ? null : summaryFromSearch(window.location.search),
);

/** The link to a game's turn summary in this browser (or another that keeps the seat's token). */
export function summaryLink(origin: string, gameId: string): string {
  return `${origin}/?summary=${encodeURIComponent(gameId)}`;
}
