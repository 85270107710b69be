/**
 * A search bot's model of the other bots: which persona each other state plays, inferred from what its view
 * shows.
 */
import { isDestructive } from "../model/operations.ts";
import type { Rng } from "../model/rng.ts";
import type { SeatId } from "../model/basics.ts";
import type { GameView } from "../view/types.ts";
import type { BotPersona } from "./doctrines.ts";

/** Personas a search bot imagines its opponents to be, with their prior weights. */
const OPPONENT_PRIOR: Readonly<Partial<Record<BotPersona, number>>> = {
  hawk: 1,
  dove: 1,
  reciprocal: 1,
  forgiving: 1,
  opportunist: 1,
  normBuilder: 1,
  random: 0.3,
};

type Weights = Partial<Record<BotPersona, number>>;

function scale(w: Weights, by: Weights): void {
  for (const k of Object.keys(by) as BotPersona[])
    if (w[k] !== undefined) w[k] = (w[k] as number) * (by[k] as number);
}

/** Posterior-like weights of each persona for `other`, from its public conduct and its dealings with me. */
function personaWeights(view: GameView, me: SeatId, other: SeatId): Weights {
  const w: Weights = { ...OPPONENT_PRIOR };
  for (const i of view.incidents) {
    if (i.target !== me) continue;
    const k = i.knowledge[me];
    const byOther = i.author === other || (k !== undefined && k.confidence >= 2 && k.suspect === other);
    if (!byOther) continue;
    if (i.overt)
      scale(w, { reciprocal: 1.5, forgiving: 1.4, hawk: 1.1, dove: 0.2, normBuilder: 0.3, opportunist: 0.2 });
    else if (isDestructive(i.kind))
      scale(w, {
        hawk: 2,
        opportunist: 1.5,
        random: 1.2,
        dove: 0.1,
        normBuilder: 0.1,
        reciprocal: 0.2,
        forgiving: 0.2,
      });
    else
      scale(w, {
        hawk: 1.5,
        opportunist: 1.5,
        random: 1.2,
        dove: 0.2,
        normBuilder: 0.3,
        reciprocal: 0.5,
        forgiving: 0.5,
      });
  }
  for (const p of view.proposals) {
    if (p.proposer === other) {
      if (p.kind === "codeOfConduct" || p.kind === "selfDefenceCatalogue" || p.kind === "noFirstUse")
        scale(w, { normBuilder: 2, dove: 1.2, hawk: 0.2, opportunist: 0.3 });
      else if (p.kind === "situationReports")
        scale(w, {
          dove: 1.4,
          reciprocal: 1.4,
          forgiving: 1.4,
          normBuilder: 1.4,
          hawk: 0.2,
          opportunist: 0.3,
        });
      else
        scale(w, {
          dove: 1.2,
          reciprocal: 1.2,
          forgiving: 1.2,
          normBuilder: 1.2,
          opportunist: 1.2,
          hawk: 0.2,
        });
    }
    if (p.declined.includes(other)) scale(w, { hawk: 1.5, opportunist: 1.3, random: 1.2, dove: 0.1 });
  }
  for (const c of view.cbms) {
    if (c.since === 0 || !c.members.includes(other)) continue;
    if (c.kind === "publishDoctrine" || c.kind === "noFirstUse")
      scale(w, { dove: 1.5, normBuilder: 1.5, hawk: 0.2, opportunist: 0.3 });
    else if (c.kind === "codeOfConduct" || c.kind === "selfDefenceCatalogue")
      scale(w, { normBuilder: 1.5, hawk: 0.2 });
    else if (c.kind === "situationReports" || c.kind === "jointObservation")
      scale(w, { hawk: 0.3, opportunist: 0.3 });
  }
  for (const s of view.statements) {
    if (s.by !== other) continue;
    if (s.tone === "reassure") scale(w, { dove: 1.3, normBuilder: 1.2, forgiving: 1.1, hawk: 0.8 });
    else scale(w, { normBuilder: 1.3, reciprocal: 1.1, hawk: 1.1, dove: 0.5 });
  }
  for (const q of view.inquiries) {
    if (q.from !== me || q.to !== other || q.reply === null) continue;
    if (q.reply === "acknowledge") scale(w, { dove: 2, normBuilder: 2, random: 1.5, hawk: 0.05 });
    else if (q.reply === "explain")
      scale(w, { reciprocal: 1.5, forgiving: 1.5, opportunist: 1.3, hawk: 0.05 });
  }
  return w;
}

/** Draws one persona from weights. */
function drawPersona(w: Weights, rng: Rng): BotPersona {
  const entries = (Object.keys(w) as BotPersona[]).map((k) => [k, w[k] ?? 0] as const);
  const total = entries.reduce((a, [, x]) => a + x, 0);
  let r = rng.next() * total;
  for (const [k, x] of entries) {
    r -= x;
    if (r < 0) return k;
  }
  return (entries[entries.length - 1] as readonly [BotPersona, number])[0];
}

/** Persona weights for every other state. */
export type OpponentModel = Record<SeatId, Weights>;

/** The weights of every other state, computed once per decision. */
export function opponentModel(view: GameView, me: SeatId): OpponentModel {
  const out: Record<SeatId, Weights> = {};
  for (const s of view.seats) if (s !== me) out[s] = personaWeights(view, me, s);
  return out;
}

/** One sample of every other state's persona. */
export function samplePersonas(model: OpponentModel, rng: Rng): Record<SeatId, BotPersona> {
  const out: Record<SeatId, BotPersona> = {};
  for (const s of Object.keys(model)) out[s] = drawPersona(model[s] as Weights, rng);
  return out;
}
