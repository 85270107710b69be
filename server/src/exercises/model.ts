/**
 * An exercise as the server keeps it: N tables (class games) of one scenario, their treatments, the
 * hypothesis.
 */
import type { z } from "zod";
import type { treatmentOptionsSchema } from "@firebreak/shared";

/** A treatment as kept: its label and what it changes. */
export interface Treatment {
  label: string;
  options: z.infer<typeof treatmentOptionsSchema>;
}

/** One table: its game's id and the treatment it plays (index into `treatments`, null without treatments). */
export interface ExerciseTable {
  game: string;
  treatment: number | null;
}

/** An exercise, stored whole (exercises/store.ts) when made and whenever it changes. */
export interface Exercise {
  id: string;
  /** The join code students use for every table. */
  code: string;
  /** The facilitator key: it is also the facilitator key of every table. */
  key: string;
  name: string;
  scenario: string;
  seed: string;
  creatorName: string;
  createdAt: number;
  turnSeconds: number;
  botLevel: "easy" | "normal" | "hard";
  treatments: Treatment[];
  assignment: "balanced" | "random";
  hypothesis: string;
  tables: ExerciseTable[];
  /** Whether the facilitator has told the tables their treatment. */
  revealed: boolean;
}
