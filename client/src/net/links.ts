/**
 * Links that carry a secret: a seat invite (`#invite=<room>.<secret>`) and a facilitator key
 * (`#key=<room>.<token>`). They live in the URL's fragment, which browsers never send to a server or in a
 * Referer, and are removed from the address bar as soon as they are read.
 */

/** A secret link's parts. */
export interface SecretLink {
  kind: "invite" | "key";
  roomId: string;
  secret: string;
}

/** Reads a secret link from a URL fragment ("#invite=…" or "#key=…"), or null. */
export function parseSecretLink(hash: string): SecretLink | null {
  const m = /^#(invite|key)=([A-Za-z0-9_-]{2,40})\.([A-Za-z0-9_-]{10,64})$/.exec(hash);
  if (!m) return null;
  return { kind: m[1] as SecretLink["kind"], roomId: m[2] as string, secret: m[3] as string };
}

/** The link for a secret on this page's origin. */
export function secretLink(origin: string, link: SecretLink): string {
  return `${origin}/#${link.kind}=${link.roomId}.${link.secret}`;
}

/**
 * Takes a secret link out of the page's address (so it is not left in history or on screen), returning it.
 */
export function takeSecretLink(): SecretLink | null {
  const link = parseSecretLink(window.location.hash);
  if (link) history.replaceState(null, "", window.location.pathname + window.location.search);
  return link;
}

/**
 * Reads a join code from a page address's query ("?join=ABC123"), or null when it has none or not a code's
 * shape.
 */
export function parseJoinCode(search: string): string | null {
  const raw = new URLSearchParams(search).get("join");
  if (raw === null) return null;
  const code = raw.toUpperCase().replace(/[\s-]+/g, "");
  return /^[A-Z0-9]{4,8}$/.test(code) ? code : null;
}

/** The shareable link that opens the join form with `code` filled in. */
export function joinLink(origin: string, code: string): string {
  return `${origin}/?join=${encodeURIComponent(code)}`;
}

/**
 * Takes a join code out of the page's address (a reload then rejoins the game joined instead), returning it.
 */
export function takeJoinCode(): string | null {
  const code = parseJoinCode(window.location.search);
  if (new URLSearchParams(window.location.search).has("join"))
    history.replaceState(null, "", window.location.pathname + window.location.hash);
  return code;
}
