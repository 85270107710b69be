/** "Why?": a rule from the model card, opened in place. */
import { RULES, type RuleId } from "@firebreak/shared/browser";

export function Why({ rule }: { rule: string }) {
  const r = (RULES as Record<string, { title: string; explanation: string; source: string }>)[rule as RuleId];
  if (!r) return null;
  return (
    <details class="why">
      <summary>why?</summary>
      <p>
        <strong>{r.title}.</strong> {r.explanation} <em>Source: {r.source}.</em>
      </p>
    </details>
  );
}
