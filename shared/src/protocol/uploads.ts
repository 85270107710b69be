/**
 * The upload routes' answers (docs/protocol.md §3.2): a scenario's preview, and the problems a refused file
 * has.
 */
import type { ScenarioProblem } from "../scenario/validate.ts";

/**
 * A problem in an uploaded file: its path (`states[2].defense`, empty for the whole file) and, when known,
 * where.
 */
export interface UploadProblem extends ScenarioProblem {
  line?: number;
  column?: number;
}

/** What a facilitator sees of an uploaded scenario before using it. */
export interface UploadPreview {
  id: string;
  title: string;
  summary: string;
  turns: number;
  states: Array<{
    id: string;
    name: string;
    bot: string | null;
    objectives: Array<{ text: string; points: number }>;
  }>;
}
