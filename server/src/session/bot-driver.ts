/** Bots as seats: what each bot-held seat wants to do now, as journal entries through the normal path. */
import { botTurn, rngFromSeed, viewFor, type SeatId } from "@firebreak/shared";
import { applyEntry } from "./session.ts";
import type { JournalEntry, SessionState } from "./types.ts";

/** Entries every bot seat that has not yet acted this turn submits now (from its seat's view only). Seat by seat, each bot sees what earlier bots proposed; only entries the reducer accepts are returned. */
export function botMoves(start: SessionState, at: number): JournalEntry[] {
  if (start.phase !== "planning" || start.game.phase !== "planning") return [];
  const out: JournalEntry[] = [];
  let s = start;
  const push = (e: JournalEntry): void => {
    const r = applyEntry(s, e);
    if (!r.ok) return;
    s = r.value;
    out.push(e);
  };
  const turn = s.game.turn;
  for (const ctl of start.seats) {
    if (!ctl.bot || s.ready.includes(ctl.seat)) continue;
    const seat: SeatId = ctl.seat;
    const by = `bot:${seat}`;
    // Deterministic per game, turn and seat; the bot never sees the game's seed or PRNG state.
    const rng = rngFromSeed(`${s.options.seed}/${s.createdAt}/bot/${seat}/${turn}`);
    const view = viewFor(s.game, { role: "player", seat });
    // The room's level (easy, normal or hard); `normal` is the baseline behaviour of the persona.
    const t = botTurn(view, { persona: ctl.persona, level: s.options.botLevel }, rng);
    for (const a of t.answers) push({ kind: "step", at, by, step: { type: "respond", turn, seat, proposal: a.proposal, accept: a.accept, ...(a.note ? { note: a.note } : {}) } });
    for (const p of t.proposals) push({ kind: "step", at, by, step: { type: "propose", turn, seat, kind: p.kind, parties: p.parties } });
    push({ kind: "step", at, by, step: { type: "orders", turn, seat, orders: t.orders } });
    push({ kind: "ready", at, seat, ready: true });
  }
  return out;
}
