/**
 * The room's bot decisions in worker threads (`hard` bots): at most one in flight (seat order: each bot sees
 * what the seats before it did), an answer superseded by a later job dropped, none after the room stops.
 * Whether an answer still counts when it arrives is the bots' rule (bots/thinking.ts). The worker threads are
 * the process's pool, reached through the services as the store is.
 */
import type { BotSpec, BotTurn } from "@firebreak/shared";
import { type BotJob, searches } from "../bots/moves.ts";
import { services } from "../services.ts";

/**
 * One room's jobs: `answered` receives each job's answer (null: the worker failed) unless it was superseded.
 */
export class BotJobs {
  private readonly answered: (job: BotJob, t: BotTurn | null) => void;
  private current: { key: string; ticket: number } | null = null;
  private tickets = 0;
  private stopped = false;

  /** `answered` carries out an answer (the room checks that it is still wanted, then commits it). */
  constructor(answered: (job: BotJob, t: BotTurn | null) => void) {
    this.answered = answered;
  }

  /** Whether this bot's decisions go to a worker: searching (`hard`) bots, when the pool has workers. */
  offThread(spec: BotSpec): boolean {
    return services().bots.size > 0 && searches(spec);
  }

  /** Sends `job` to a worker, unless that same decision is already in flight. */
  dispatch(job: BotJob): void {
    if (this.stopped || this.current?.key === job.key) return;
    const ticket = ++this.tickets;
    this.current = { key: job.key, ticket };
    services()
      .bots.decide(job.view, job.spec, job.seed)
      .then(
        (t) => this.answer(ticket, job, t),
        () => this.answer(ticket, job, null),
      );
  }

  /** Drops every answer still to come (the room is closing). */
  stop(): void {
    this.stopped = true;
    this.current = null;
  }

  private answer(ticket: number, job: BotJob, t: BotTurn | null): void {
    if (this.stopped || this.current?.ticket !== ticket) return; // superseded by a later dispatch
    this.current = null;
    this.answered(job, t);
  }
}
