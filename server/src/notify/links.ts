/**
 * Links in notices (docs/protocol.md §21): with FIREBREAK_PUBLIC_URL set, each notice carries the address a
 * student opens from a mail or chat message: the turn-summary page (`/?summary=<gameId>`, read with the seat
 * token the browser keeps) while the game runs, its replay (`/?replay=<gameId>`) once it has ended. No token
 * or code is ever in a link.
 */
import type { Notice } from "./notices.ts";

/** What a notifier does (the shape of notifier.ts's Notifier, which builds on this module). */
interface Notifies {
  notify(n: Notice): void;
  close(): Promise<void>;
}

/**
 * The public address browsers open the game at (FIREBREAK_PUBLIC_URL), without a trailing slash; null when
 * unset.
 */
export function publicUrlFromEnv(env: NodeJS.ProcessEnv): string | null {
  const raw = (env.FIREBREAK_PUBLIC_URL ?? "").trim();
  if (raw === "") return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(
      `FIREBREAK_PUBLIC_URL must be an http(s) URL such as https://firebreak.example.org, got "${raw}"`,
    );
  }
  if ((url.protocol !== "http:" && url.protocol !== "https:") || url.search !== "" || url.hash !== "")
    throw new Error(`FIREBREAK_PUBLIC_URL must be an http(s) URL without a query or fragment, got "${raw}"`);
  return url.href.replace(/\/+$/, "");
}

/** The page a notice points to: the game's replay once it has ended, else its turn summary. */
export function noticeLink(publicUrl: string, n: Notice): string {
  const page = n.kind === "gameEnded" ? "replay" : "summary";
  return `${publicUrl}/?${page}=${encodeURIComponent(n.gameId)}`;
}

/** A notifier that adds each notice's `link` before passing it on. */
export function withLinks(inner: Notifies, publicUrl: string): Notifies {
  return {
    notify: (n) => inner.notify({ ...n, link: noticeLink(publicUrl, n) }),
    close: () => inner.close(),
  };
}
