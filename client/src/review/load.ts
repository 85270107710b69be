/**
 * A record made ready to replay in the browser: parsed, checked, rebuilt turn by turn from the record alone
 * (its `scenarioData`), or, when that cannot be done, the reason in plain words and the final state if the
 * record has it.
 */
import { asRecord, RULES_VERSION, replayTimeline, type GameRecord, type Timeline } from "@firebreak/shared";
import type { GameState } from "@firebreak/shared/browser";

/** A state's id. */
type SeatId = string;

/** One position of the scrubber: the beginning of a turn, or the end of the game. */
export interface Frame {
  /** What the scrubber says: "Turn 3" or "End (turn 8)". */
  label: string;
  /** The turn this frame begins (the last turn, for the end). */
  turn: number;
  state: GameState;
}

/** A record ready to show: every frame, or only the final state with why the rest cannot be shown. */
export type Prepared =
  | { ok: true; record: GameRecord; timeline: Timeline; frames: Frame[]; seats: SeatId[] }
  | { ok: false; reason: string; final: GameState | null };

/** Reads a record file's text (JSON). */
export function parseRecordText(text: string): Prepared {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, reason: "This file is not a game record: it is not JSON.", final: null };
  }
  return prepareRecord(data);
}

/** Checks a record and rebuilds its turns; the reason (in plain words) when it cannot be replayed here. */
export function prepareRecord(data: unknown): Prepared {
  const r = asRecord(data);
  if (!r.ok)
    return {
      ok: false,
      reason: "This is not a Firebreak game record (a record has a format, a seed, a scenario and steps).",
      final: null,
    };
  const record = r.value;
  const final = record.finalState ?? null;
  const tail = final ? " What follows is how the game ended." : "";
  if (record.rulesVersion !== RULES_VERSION)
    return {
      ok: false,
      reason:
        `This game was played under rules version ${record.rulesVersion}; this copy of ` +
        `Firebreak runs version ${RULES_VERSION}, so its turns cannot be replayed here.${tail}`,
      final,
    };
  if (!record.scenarioData)
    return {
      ok: false,
      reason:
        `This record does not carry its scenario ("${record.scenario.id}"), so its turns ` +
        `cannot be rebuilt from the file alone. Download the record again from the game's debrief: records served now include it.${tail}`,
      final,
    };
  const t = replayTimeline(record, record.scenarioData);
  if (!t.ok)
    return {
      ok: false,
      reason: `This record does not replay to the game it says it was (it may have been edited or damaged): ${t.error.message}${tail}`,
      final,
    };
  const frames: Frame[] = t.value.starts.map((state) => ({
    label: `Turn ${state.turn}`,
    turn: state.turn,
    state,
  }));
  const end = t.value.final;
  frames.push({
    label: end.phase === "ended" ? `End (turn ${end.turn})` : `Stopped (turn ${end.turn})`,
    turn: end.turn,
    state: end,
  });
  return { ok: true, record, timeline: t.value, frames, seats: end.seats };
}
