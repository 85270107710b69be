/**
 * The chat transcript a member could read, whole (a view carries only the newest lines of each channel), as
 * CSV.
 */
import type { ChatLine } from "@firebreak/shared";
import { csvDocument } from "./csv.ts";

/**
 * One row per line, oldest first: turn, time (ISO 8601, UTC), channel as the reader names it, writer, role,
 * text.
 */
export function transcriptCsv(lines: readonly ChatLine[]): string {
  return csvDocument(
    ["turn", "time", "channel", "from", "role", "text"],
    lines.map((l) => [l.turn, new Date(l.at).toISOString(), l.channel, l.fromName, l.role, l.text]),
  );
}
