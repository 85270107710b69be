/**
 * The incidents of a sampled world (determinize.ts): each incident the view shows, with what it hides drawn
 * from the seat's beliefs: who ran it when the seat cannot attribute it, what an intrusion really was, and
 * what the author and the victim know of it.
 */
import type { Confidence, SeatId } from "../model/basics.ts";
import type { Rng } from "../model/rng.ts";
import type { Incident, Knowledge, Nation } from "../model/types.ts";
import { detectionChance } from "../rules/detection.ts";
import type { GameView, IncidentView } from "../view/types.ts";

/**
 * Chance per turn that a seat's attribution of a known incident advanced (the base hazard with some
 * investigation).
 */
const TRACK_HAZARD = 0.28;

function weightedPick<T>(items: ReadonlyArray<readonly [T, number]>, rng: Rng): T | null {
  const total = items.reduce((a, [, w]) => a + w, 0);
  if (total <= 0) return null;
  let r = rng.next() * total;
  for (const [x, w] of items) {
    r -= w;
    if (r < 0) return x;
  }
  return (items[items.length - 1] as readonly [T, number])[0];
}

/**
 * The true author of an incident the view does not attribute: my evidence at moderate+ is the truth;
 * otherwise my suspicions decide.
 */
function sampleAuthor(view: GameView, me: SeatId, i: IncidentView, rng: Rng): SeatId | null {
  if (i.author !== null) return i.author === "nonState" ? null : i.author;
  const k = i.knowledge[me];
  if (k && k.confidence >= 2 && k.suspect !== null) return k.suspect === "nonState" ? null : k.suspect;
  const susp = view.private[me]?.suspicion ?? {};
  const options: Array<readonly [SeatId | null, number]> = [];
  for (const s of view.seats) {
    if (s === me || s === i.target) continue;
    let w = Math.max(0.05, susp[s] ?? view.params.suspicionBaseline);
    if (k && k.confidence === 1 && k.suspect === s) w *= 4;
    options.push([s, w]);
  }
  const nonState = i.kind === "ddos" ? 0.6 : i.kind === "intrusion" ? 0 : 0.05;
  if (nonState > 0)
    options.push([null, k && k.confidence === 1 && k.suspect === "nonState" ? nonState * 4 : nonState]);
  return weightedPick(options, rng);
}

function sampleKind(i: IncidentView, author: SeatId | null, rng: Rng): Incident["kind"] {
  if (i.kind === "intrusion") return rng.chance(0.5) ? "espionage" : "preposition";
  if (author === null && i.kind === "ddos") return "nonState";
  return i.kind;
}

/**
 * Another seat's attribution track of an incident it has known since `since`, advanced by chance each turn
 * since.
 */
function sampleTrack(
  since: number,
  now: number,
  author: SeatId | null,
  knower: SeatId,
  seats: readonly SeatId[],
  rng: Rng,
): Knowledge {
  const k: Knowledge = {
    since,
    confidence: 0,
    suspect: null,
    shared: false,
    changed: since,
    moderateAt: null,
  };
  for (let t = since + 1; t < now && k.confidence < 3; t++) {
    if (!rng.chance(TRACK_HAZARD)) continue;
    k.before = k.suspect;
    k.confidence = (k.confidence + 1) as Confidence;
    k.changed = t;
    if (k.confidence >= 2) {
      k.suspect = author ?? "nonState";
      if (k.confidence === 2) k.moderateAt = t;
    } else {
      const wrong = seats.filter((s) => s !== knower && s !== author);
      k.suspect =
        rng.chance(author === null ? 0.5 : 0.25) && wrong.length > 0
          ? rng.pick(wrong)
          : (author ?? "nonState");
    }
  }
  return k;
}

/** One incident of the view as a full incident of a sampled world, its hidden parts drawn by `rng`. */
export function buildIncident(
  view: GameView,
  me: SeatId,
  i: IncidentView,
  nations: Record<SeatId, Nation>,
  rng: Rng,
): Incident {
  const author = sampleAuthor(view, me, i, rng);
  const kind = sampleKind(i, author, rng);
  const knowledge: Record<SeatId, Knowledge> = {};
  const mine = i.knowledge[me];
  if (mine) knowledge[me] = { ...mine };
  if (author !== null && author !== me)
    knowledge[author] = {
      since: i.turn,
      confidence: 3,
      suspect: author,
      shared: false,
      changed: i.turn,
      moderateAt: i.turn,
    };
  if (i.target !== me) {
    let victimKnows = i.public || i.overt || mine !== undefined;
    if (!victimKnows && author === me) {
      const shutOut = view.events.some((e) => e.incident === i.id && e.rule === "detection.dwell");
      const held = (view.private[me]?.accesses ?? []).some(
        (a) => a.target === i.target && a.since === i.turn,
      );
      const def = nations[i.target]?.defense ?? 3;
      victimKnows = shutOut || (!held && rng.chance(detectionChance(def, 0, view.params)));
    }
    if (victimKnows) {
      knowledge[i.target] = i.overt
        ? {
            since: i.turn,
            confidence: 3,
            suspect: author,
            shared: false,
            changed: i.turn,
            moderateAt: i.turn,
          }
        : sampleTrack(i.turn, view.turn, author, i.target, view.seats, rng);
    }
  }
  const deniedBy = view.inquiries.filter((q) => q.incident === i.id && q.reply === "deny").map((q) => q.to);
  const acknowledged =
    i.secret?.acknowledged ??
    view.inquiries.some((q) => q.incident === i.id && q.reply === "acknowledge" && q.to === author);
  return {
    id: i.id,
    turn: i.turn,
    kind,
    author,
    target: i.target,
    overt: i.overt,
    proxy: i.secret?.proxy ?? (author !== null && author !== me && rng.chance(0.2)),
    falseFlag: i.secret?.falseFlag ?? null,
    success: i.secret?.success ?? true,
    lethal: i.lethal,
    public: i.public,
    damage: i.damage ? { ...i.damage } : { economy: 0, stability: 0 },
    knowledge,
    publicAttributions: i.publicAttributions.slice(),
    acknowledged,
    normCostApplied:
      author !== null &&
      (i.overt || i.publicAttributions.some((a) => a.accused === author && a.confidence >= 2)),
    detection: null,
    deniedBy: [...new Set(deniedBy)],
    blame: {},
    misled: [],
  };
}
