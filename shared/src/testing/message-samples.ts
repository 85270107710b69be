/**
 * Every bot message template filled with sample values, for the tests that check bots' words stay short and
 * plain.
 */
import type { CbmKind } from "../model/cbms.ts";
import type { BotPersona } from "../bots/doctrines.ts";
import {
  ACCEPT,
  CBM_PHRASES,
  CBM_REASONS,
  fill,
  PROPOSE,
  REASSURE,
  REFUSE,
  WARN,
  type RefusalReason,
} from "../bots/message-templates.ts";
import { inquiryReplyText, namesList, refusalText } from "../bots/messages.ts";

/** Every template filled with sample values: the names given as parties, targets and violators. */
export function allTemplateSamples(names: readonly string[]): string[] {
  const out: string[] = [];
  const kinds = Object.keys(CBM_PHRASES) as CbmKind[];
  for (const persona of Object.keys(PROPOSE) as BotPersona[]) {
    for (const kind of kinds)
      for (const t of PROPOSE[persona])
        out.push(fill(t, { cbm: CBM_PHRASES[kind], parties: namesList(names), why: CBM_REASONS[kind] }));
    for (const t of [...ACCEPT[persona], ...REASSURE[persona], ...WARN[persona]])
      out.push(fill(t, { target: names[0] ?? "" }));
    for (const reply of ["deny", "explain", "acknowledge"] as const)
      for (const g of [true, false]) out.push(inquiryReplyText(persona, reply, g));
  }
  for (const reason of Object.keys(REFUSE) as RefusalReason[]) out.push(refusalText(reason, names));
  return out;
}
