/**
 * Test helper: an exercise's facilitator over a real WebSocket: the room, and the latest dashboard and
 * comparison it was sent.
 */
import type { Room } from "@colyseus/sdk";
import type { ExerciseComparison, ExerciseDashboard } from "@firebreak/shared";

/** The exercise's facilitator connection. */
export class Teacher {
  dashboard: ExerciseDashboard | null = null;
  comparison: ExerciseComparison | null = null;
  key = "";
  readonly room: Room;
  constructor(room: Room) {
    this.room = room;
    room.onMessage("welcome", (w: { key: string }) => {
      this.key = w.key;
    });
    room.onMessage("exercise", (d: ExerciseDashboard) => {
      this.dashboard = d;
    });
    room.onMessage("comparison", (c: ExerciseComparison) => {
      this.comparison = c;
    });
  }
  /** Waits until the dashboard satisfies `pred`. */
  async until(pred: (d: ExerciseDashboard) => boolean, ms = 10_000): Promise<ExerciseDashboard> {
    const start = Date.now();
    for (;;) {
      if (this.dashboard && pred(this.dashboard)) return this.dashboard;
      if (Date.now() - start > ms) throw new Error(`timed out: ${JSON.stringify(this.dashboard?.tables)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }
  /** A request's answer, or `{ rejected }` with its code. */
  async ask(
    type: string,
    payload: unknown = {},
  ): Promise<{ rejected?: { code: string } } & Record<string, unknown>> {
    try {
      return (await this.room.request(type, payload)) as Record<string, unknown>;
    } catch (e) {
      const err = e as { reason?: { code: string; message: string }; message: string };
      return { rejected: err.reason ?? { code: "ERROR", ...{ message: err.message } } };
    }
  }
}
