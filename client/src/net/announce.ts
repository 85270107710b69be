/** What the page's live region says when a turn resolves: the turn, and every pair whose tension moved by 0.5 or more. */
import type { ClientView } from "@firebreak/shared/browser";

/** The announcement for the turn `before` was in, now that `v` shows it resolved. */
export function turnAnnouncement(before: ClientView, v: ClientView): string {
  const parts: string[] = [`Turn ${before.game.turn} resolved.`];
  for (const [pair, t] of Object.entries(v.game.tension)) {
    const old = before.game.tension[pair] ?? t;
    if (Math.abs(t - old) >= 0.5) {
      const [a, b] = pair.split("|");
      parts.push(
        `${v.game.nations[a ?? ""]?.name}–${v.game.nations[b ?? ""]?.name} tension ${old.toFixed(1)} to ${t.toFixed(1)}.`,
      );
    }
  }
  return parts.join(" ");
}
