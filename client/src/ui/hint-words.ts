/**
 * The scenario's hints for this turn, in step with the game: a hint that says to propose a measure this seat
 * already has in force (or has on the table) says so instead.
 */
import { CBM_KINDS, CBM_NAMES, type CbmKind } from "@firebreak/shared/browser";
import type { ClientView } from "../net/client.ts";

/** A scenario hint as the catalogue gives it. */
export interface Hint {
  turn: number;
  text: string;
}

/** The measure a "Propose a …" sentence is about, or null. */
function proposedKind(sentence: string): CbmKind | null {
  const s = sentence.toLowerCase();
  if (!s.startsWith("propose ")) return null;
  const rest = s.slice("propose ".length).replace(/^(?:a|an|the)\s+/, "");
  for (const k of CBM_KINDS) {
    const name = (CBM_NAMES[k].split(" (")[0] ?? "").toLowerCase();
    if (name && rest.startsWith(name)) return k;
  }
  return null;
}

/**
 * A hint's text for this seat now: "Propose a hotline" becomes what is true about that hotline, if anything
 * is.
 */
export function hintInStep(text: string, v: ClientView): string {
  const me = v.me.seat;
  if (!me) return text;
  const name = (s: string) => v.game.nations[s]?.name ?? s;
  let inForce = false;
  const sentences = text.split(/(?<=[.!?])\s+/).map((sentence) => {
    const kind = proposedKind(sentence);
    if (!kind) return sentence;
    const label = CBM_NAMES[kind].split(" (")[0] ?? CBM_NAMES[kind];
    const cbm = v.game.cbms.find((c) => c.kind === kind && c.members.includes(me));
    if (cbm) {
      inForce = true;
      const others = cbm.members.filter((m) => m !== me).map(name);
      return (
        `Your ${label.toLowerCase()}${others.length ? ` with ${others.join(" and ")}` : ""} has ` +
        `been in force since turn ${Math.max(1, cbm.since)}: there is no need to propose one.`
      );
    }
    const open = v.game.proposals.find(
      (p) => p.kind === kind && p.parties.includes(me) && !p.declined.includes(me),
    );
    if (open) {
      const others = open.parties.filter((m) => m !== me).map(name);
      return `A ${label.toLowerCase()} with ${others.join(" and ") || "you"} is already proposed: ${
        open.accepted.includes(me) ? "it waits for the others' answer" : "answer it under Diplomacy"
      }.`;
    }
    return sentence;
  });
  return sentences
    .map((s) =>
      inForce
        ? s.replace(/^Once the other side accepts, it enters into force when [^:]*:\s*/, "With it in force, ")
        : s,
    )
    .join(" ");
}

/** This turn's hints for this seat, in step with the game. */
export function hintsFor(v: ClientView, hints: readonly Hint[]): string[] {
  return hints.filter((h) => h.turn === v.game.turn).map((h) => hintInStep(h.text, v));
}
