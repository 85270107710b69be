/**
 * People's names and free text: stripped of characters that reorder or hide text, and names that read as the
 * system refused.
 */

/** Most characters in a person's name. */
export const NAME_MAX_LENGTH = 40;

/**
 * Characters removed from names and chat: C0/C1 controls (but newline and tab in chat), bidirectional
 * embeddings, overrides, isolates and marks (which can make "Ann" display as another name or reorder a
 * message), zero-width characters and the byte-order mark, and the Unicode "tag" block.
 */
const HIDDEN =
  // biome-ignore lint/suspicious: control characters and the tag block's surrogate pairs are what this pattern is for.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u115F\u1160\u180E\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0\uFFF9-\uFFFB]|\uDB40[\uDC00-\uDC7F]/g;

/** Free text (chat, notes) without hidden or reordering characters; newlines and tabs stay. */
export function cleanText(raw: string): string {
  return raw.normalize("NFC").replace(HIDDEN, "");
}

/** A name without hidden characters, its white space collapsed to single spaces and trimmed. */
export function cleanName(raw: string): string {
  return cleanText(raw).replace(/\s+/g, " ").trim();
}

/**
 * Words a person's name may not be (case and spacing ignored): they read as the game, its system notices or
 * the facilitator.
 */
const RESERVED = [
  "firebreak",
  "system",
  "facilitator",
  "the facilitator",
  "white cell",
  "admin",
  "administrator",
  "moderator",
  "server",
  "bot",
];

/** Why a person may not take this (already cleaned) name, or null when they may. */
export function reservedNameReason(name: string): string | null {
  const folded = name
    .toLowerCase()
    .replace(/[\s._-]+/g, " ")
    .trim();
  if (folded.length === 0) return "a name needs at least one visible character";
  if (RESERVED.includes(folded))
    return `"${name}" reads as the game or its facilitator; choose your own name`;
  if (/\(\s*bot\s*\)$/.test(folded) || /\bbot$/.test(folded))
    return `"${name}" reads as a bot; choose a name that does not end in "bot"`;
  return null;
}

/** A person's name checked: cleaned, or why it cannot be used. */
export function personName(raw: string): { ok: true; name: string } | { ok: false; reason: string } {
  const name = cleanName(raw).slice(0, NAME_MAX_LENGTH);
  const why = reservedNameReason(name);
  return why === null ? { ok: true, name } : { ok: false, reason: why };
}
