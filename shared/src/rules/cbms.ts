/** Confidence-building measures: proposals, answers and entry into force. */
import { err, ok, type Result } from "../model/errors.ts";
import { hashString } from "../model/hash.ts";
import { isSeat } from "../model/ids.ts";
import type { SeatId } from "../model/basics.ts";
import {
  CBM_KINDS,
  CBM_NAMES,
  CBMS,
  cbmInForceAmong,
  isNorm,
  normThreshold,
  type CbmKind,
} from "../model/cbms.ts";
import type { GameState } from "../model/types.ts";
import { emit, nameOf, newId, type Ctx } from "./context.ts";

/**
 * Who a measure binds, as a sentence reads it: "among A, B" for several states, "for A" for one state's own.
 */
function membersPhrase(s: GameState, members: readonly SeatId[]): string {
  const names = members.map((x) => nameOf(s, x)).join(", ");
  return members.length === 1 ? `for ${names}` : `among ${names}`;
}

/** Checks a proposal: known kind, valid parties including the proposer, not already in force. */
export function checkProposal(
  s: GameState,
  seat: SeatId,
  kind: string,
  parties: readonly string[],
): Result<SeatId[]> {
  if (s.phase === "ended") return err("GAME_OVER", "The game is over.");
  if (s.options.noCbms) return err("CBMS_DISABLED", "CBM proposals are disabled in this game.");
  if (!isSeat(s, seat)) return err("UNKNOWN_SEAT", `No state "${seat}" in this game.`);
  if (!Object.hasOwn(CBMS, kind))
    return err("INVALID_PARTIES", `Unknown CBM "${kind}"; known: ${CBM_KINDS.join(", ")}.`);
  const k = kind as CbmKind;
  const set = new Set<SeatId>([seat, ...parties]);
  for (const p of set) if (!isSeat(s, p)) return err("UNKNOWN_TARGET", `No state "${p}" in this game.`);
  if (set.size !== parties.length + (parties.includes(seat) ? 0 : 1))
    return err("INVALID_PARTIES", "A party is named twice.");
  const list = s.seats.filter((x) => set.has(x));
  const name = CBM_NAMES[k];
  const among = membersPhrase(s, list);
  if (CBMS[k].members === "one" && list.length !== 1)
    return err("INVALID_PARTIES", `${name} is unilateral: name no other party.`);
  if (CBMS[k].members === "twoOrMore" && list.length < 2)
    return err("INVALID_PARTIES", `${name} needs at least one other party.`);
  if (isNorm(k) && list.length !== s.seats.length)
    return err("INVALID_PARTIES", `${name} is a norm: propose it to every state at the table.`);
  if (cbmInForceAmong(s, k, list))
    return err("CBM_ALREADY_IN_FORCE", `${name} is already in force ${among}.`);
  if (
    s.proposals.some(
      (p) => p.kind === k && p.parties.length === list.length && p.parties.every((x) => set.has(x)),
    )
  )
    return err(
      "CBM_ALREADY_IN_FORCE",
      `${name} ${among} is already proposed: accept the open proposal instead.`,
    );
  return ok(list);
}

/** A seat proposes a CBM to named parties (the proposer accepts by proposing). Pure step. */
export function proposeCbm(
  s: GameState,
  seat: SeatId,
  kind: string,
  parties: readonly string[],
): Result<GameState> {
  const checked = checkProposal(s, seat, kind, parties);
  if (!checked.ok) return checked;
  const id = `p${hashString(`${s.turn}:${seat}:${kind}:${checked.value.join(",")}`).slice(0, 10)}`;
  const proposal = {
    id,
    kind: kind as CbmKind,
    proposer: seat,
    parties: checked.value,
    accepted: [seat],
    declined: [],
    turn: s.turn,
    note: "",
  };
  return ok({ ...s, proposals: [...s.proposals, proposal] });
}

/** A named party accepts or declines a proposal, with an optional short note. Pure step. */
export function respondCbm(
  s: GameState,
  seat: SeatId,
  proposalId: string,
  accept: boolean,
  note = "",
): Result<GameState> {
  if (s.phase === "ended") return err("GAME_OVER", "The game is over.");
  if (!isSeat(s, seat)) return err("UNKNOWN_SEAT", `No state "${seat}" in this game.`);
  const p = s.proposals.find((x) => x.id === proposalId);
  if (!p) return err("UNKNOWN_PROPOSAL", `No open proposal "${proposalId}".`);
  if (!p.parties.includes(seat))
    return err("NOT_PROPOSED_TO_YOU", `Proposal "${proposalId}" does not name ${nameOf(s, seat)}.`);
  if (p.accepted.includes(seat) || p.declined.includes(seat))
    return err("ALREADY_RESPONDED", `${nameOf(s, seat)} has already answered proposal "${proposalId}".`);
  if (note.length > 280) return err("TEXT_TOO_LONG", "A note is at most 280 characters.");
  const next = accept
    ? { ...p, accepted: [...p.accepted, seat] }
    : { ...p, declined: [...p.declined, seat], note };
  return ok({ ...s, proposals: s.proposals.map((x) => (x.id === proposalId ? next : x)) });
}

/**
 * A norm proposal at resolution: adopted by those who accepted once enough have; else kept, or lapsed when
 * stale. Returns true to keep it open.
 */
function settleNorm(ctx: Ctx, p: GameState["proposals"][number]): boolean {
  const need = normThreshold(ctx.s.seats.length, ctx.p.normAdoptionShare);
  const name = CBM_NAMES[p.kind];
  if (p.accepted.length >= need) {
    const existing = ctx.s.cbms.find((c) => c.kind === p.kind);
    const members = ctx.s.seats.filter((x) => p.accepted.includes(x) || existing?.members.includes(x));
    if (existing) ctx.s.cbms = ctx.s.cbms.map((c) => (c === existing ? { ...c, members } : c));
    else ctx.s.cbms.push({ id: newId(ctx.rng, "c"), kind: p.kind, members, since: ctx.turn });
    const out = ctx.s.seats.filter((x) => !members.includes(x));
    emit(
      ctx,
      "cbm.inForce",
      "public",
      `${name} is adopted ${membersPhrase(ctx.s, members)} (${p.accepted.length} of ` +
        `${ctx.s.seats.length} states accepted; ${need} were ` +
        `needed)${out.length ? `; ${out.map((x) => nameOf(ctx.s, x)).join(", ")} stay${out.length === 1 ? "s" : ""} outside` : ""}.`,
    );
    return false;
  }
  if (ctx.turn - p.turn + 1 >= ctx.p.proposalLifetime) {
    emit(
      ctx,
      "cbm.expired",
      "public",
      `${name} lapsed: ${p.accepted.length} of ${ctx.s.seats.length} states accepted, ${need} were needed.`,
    );
    return false;
  }
  return true;
}

/**
 * At resolution: fully accepted proposals enter into force, norms once enough states accept; declined or
 * stale ones lapse.
 */
export function settleProposals(ctx: Ctx): void {
  const keep = [];
  for (const p of ctx.s.proposals) {
    const among = membersPhrase(ctx.s, p.parties);
    if (isNorm(p.kind)) {
      if (settleNorm(ctx, p)) keep.push(p);
      continue;
    }
    if (p.declined.length > 0) {
      const by = p.declined.map((x) => nameOf(ctx.s, x)).join(", ");
      emit(
        ctx,
        "cbm.declined",
        p.parties,
        `${CBM_NAMES[p.kind]} ${among} was declined by ${by}${p.note ? `: "${p.note}"` : "."}`,
      );
    } else if (p.parties.every((x) => p.accepted.includes(x))) {
      if (!cbmInForceAmong(ctx.s, p.kind, p.parties)) {
        ctx.s.cbms.push({
          id: newId(ctx.rng, "c"),
          kind: p.kind,
          members: p.parties.slice(),
          since: ctx.turn,
        });
        emit(ctx, "cbm.inForce", "public", `${CBM_NAMES[p.kind]} is now in force ${among}.`);
      }
    } else if (ctx.turn - p.turn + 1 >= ctx.p.proposalLifetime) {
      emit(
        ctx,
        "cbm.expired",
        p.parties,
        `${CBM_NAMES[p.kind]} ${among} lapsed without every party's answer.`,
      );
    } else keep.push(p);
  }
  ctx.s.proposals = keep;
}
