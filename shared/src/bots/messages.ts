/** Bots' words: short, plain, in-character messages filled from templates (never free generation). */
import type { Rng } from "../model/rng.ts";
import type { SeatId } from "../model/basics.ts";
import type { CbmKind } from "../model/cbms.ts";
import type { BotPersona } from "./doctrines.ts";
import {
  ACCEPT,
  CBM_PHRASES,
  CBM_REASONS,
  fill,
  PROPOSE,
  REASSURE,
  REFUSE,
  REPLY,
  WARN,
  type RefusalReason,
} from "./message-templates.ts";

/**
 * Where a bot's message goes: the public channel, the hotline with one state, or the parties of a proposal.
 */
export type BotChannel =
  | { kind: "public" }
  | { kind: "hotline"; with: SeatId }
  | { kind: "proposal"; to: SeatId[] };

/** One message a bot sends. */
export interface BotMessage {
  channel: BotChannel;
  text: string;
}

function pick(templates: readonly string[], rng: Rng | null): string {
  return (rng && templates.length > 1 ? rng.pick(templates) : templates[0]) as string;
}

/** A list of names in plain English: "A", "A and B", "A, B and C". */
export function namesList(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/** What a bot says when it proposes a CBM. */
export function proposalText(
  persona: BotPersona,
  kind: CbmKind,
  partyNames: readonly string[],
  rng: Rng | null,
): string {
  const parties = partyNames.length > 0 ? namesList(partyNames) : "everyone";
  return fill(pick(PROPOSE[persona], rng), { cbm: CBM_PHRASES[kind], parties, why: CBM_REASONS[kind] });
}

/** A bot's note when it accepts a proposal. */
export function acceptText(persona: BotPersona, rng: Rng | null): string {
  return fill(pick(ACCEPT[persona], rng), {});
}

/** A bot's note when it refuses a proposal. */
export function refusalText(reason: RefusalReason, names: readonly string[]): string {
  return fill(REFUSE[reason], { names: namesList(names) });
}

/** A public statement's text: reassurance or warning, addressed to one state or to all. */
export function statementText(
  persona: BotPersona,
  tone: "reassure" | "warn",
  targetName: string | null,
  rng: Rng | null,
): string {
  return fill(pick(tone === "reassure" ? REASSURE[persona] : WARN[persona], rng), {
    target: targetName ?? "our neighbours",
  });
}

/**
 * What a bot says over the hotline with its reply: consistent with the reply and with whether it ran the
 * operation.
 */
export function inquiryReplyText(
  persona: BotPersona,
  reply: "deny" | "explain" | "acknowledge",
  guilty: boolean,
): string {
  const r = REPLY[persona];
  if (reply === "deny") return fill(guilty ? r.lie : r.deny, {});
  if (!guilty) return fill(r.deny, {});
  return fill(reply === "explain" ? r.explain : r.acknowledge, {});
}
