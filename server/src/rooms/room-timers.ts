/** A room's timers on its Colyseus clock, armed from the driver's plans (data: kind, time, seat). */
import type { Clock, Delayed } from "@colyseus/core";
import { sameTimer, type Timer } from "../driver/timers.ts";

/** The timers armed on one room's clock. */
export class RoomTimers {
  private readonly armed: Array<{ timer: Timer; delayed: Delayed }> = [];
  private readonly clock: Clock;
  private readonly now: () => number;
  private readonly fired: (t: Timer) => void;

  /** `fired` runs when a timer goes off (it is no longer armed by then). */
  constructor(clock: Clock, now: () => number, fired: (t: Timer) => void) {
    this.clock = clock;
    this.now = now;
    this.fired = fired;
  }

  /** The timers armed now. */
  list(): Timer[] {
    return this.armed.map((a) => a.timer);
  }

  /**
   * Arms exactly these: one already armed for the same time keeps running, the others are cleared or armed.
   */
  set(timers: readonly Timer[]): void {
    for (const a of [...this.armed])
      if (!timers.some((t) => sameTimer(t, a.timer) && t.at === a.timer.at)) this.drop(a.timer);
    for (const t of timers) {
      if (this.armed.some((a) => sameTimer(a.timer, t))) continue;
      const delayed = this.clock.setTimeout(
        () => {
          this.drop(t);
          this.fired(t);
        },
        Math.max(0, t.at - this.now()),
      );
      this.armed.push({ timer: t, delayed });
    }
  }

  /** Clears every timer (the room is closing). */
  clear(): void {
    this.set([]);
  }

  private drop(t: Timer): void {
    const i = this.armed.findIndex((a) => sameTimer(a.timer, t));
    if (i < 0) return;
    this.armed[i]?.delayed.clear();
    this.armed.splice(i, 1);
  }
}
