/** A tournament's table as the text `npm run tournament` prints. */
import { wilson } from "./stats.ts";
import type { MeanCi, TournamentResult } from "./tournament-table.ts";

/** The human-readable table. */
export function formatTournament(r: TournamentResult): string {
  const pct = (k: number): string => {
    const [lo, hi] = wilson(k, r.games);
    return `${((100 * k) / (r.games || 1)).toFixed(1)}% [${(100 * lo).toFixed(1)}, ${(100 * hi).toFixed(1)}]`;
  };
  const dup = r.format === "duplicate";
  const adjusted = dup ? "deal-adjusted" : "seat-adjusted";
  const lines = [
    dup
      ? `Duplicate tournament: scenario ${r.scenario}, ${r.deals} deals × ` +
        `${r.games / (r.deals || 1)} entrants = ${r.games} games of ${r.seats} seats, seed ${r.seed}`
      : `Tournament: scenario ${r.scenario}, ${r.games} games of ${r.seats} seats, seed ${r.seed}`,
  ];
  lines.push(
    `Outcomes: armed conflict ${pct(r.outcomes.armedConflict)}, stable peace ` +
      `${pct(r.outcomes.stablePeace)}, turn limit ${pct(r.outcomes.turnLimit)}`,
  );
  const ci = (m: MeanCi): string =>
    `${m.mean.toFixed(2).padStart(6)} [${m.ci95[0].toFixed(2)}, ${m.ci95[1].toFixed(2)}]`.padEnd(23);
  lines.push(
    "",
    `${"bot".padEnd(20)} ${"games".padStart(6)}  ${"mean score [95% CI]".padEnd(23)} ` +
      `${`${adjusted} [95% CI]`.padEnd(23)} ${"Elo".padStart(5)}`,
  );
  for (const row of r.rows)
    lines.push(
      `${row.bot.padEnd(20)} ${String(row.games).padStart(6)}  ${ci(row)} ${ci(row.adjusted)} ${String(row.elo).padStart(5)}`,
    );
  lines.push("", "By level (pooled):");
  for (const l of r.levels)
    lines.push(`${l.level.padEnd(20)} ${String(l.games).padStart(6)}  ${ci(l)} ${ci(l.adjusted)}`);
  const verdicts = (title: string, table: Record<string, string[]>): void => {
    const entries = Object.entries(table);
    if (entries.length === 0) return;
    lines.push("", title);
    for (const [bot, list] of entries)
      lines.push(`  ${bot.padEnd(18)} ${list.length === 0 ? "yes" : `no: overlaps ${list.join(", ")}`}`);
  };
  verdicts("Hard bots whose 95% interval lies above every easy and normal bot's:", r.hardNotClear);
  verdicts(`The same with ${adjusted} intervals:`, r.hardNotClearAdjusted);
  const leads = Object.entries(r.hardLead);
  if (leads.length > 0) {
    lines.push(
      "",
      "Lead of the pooled hard level over each easy and normal bot, deal by deal (paired) [95% CI]:",
    );
    for (const [bot, m] of leads) lines.push(`  ${bot.padEnd(18)} ${ci(m)}`);
  }
  return lines.join("\n");
}
