/**
 * A small pool of worker threads for slow bot decisions (`hard` bots search for ~20–150 ms), so they do not
 * block the event loop that every room of the process shares. A worker receives only the seat's view, the bot
 * and its rng seed string, and runs the same `botTurn` as the room would: the same inputs give the same
 * decision (tested).
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { BotSpec, BotTurn, GameView } from "@firebreak/shared";

/** What a worker receives: one decision's inputs, nothing else. */
export interface BotRequest {
  id: number;
  view: GameView;
  spec: BotSpec;
  /** The rng seed string (`botSeed`): the worker makes its rng with `rngFromSeed(seed)`. */
  seed: string;
}

/** A worker's answer to one request. */
export type BotReply = { id: number; turn: BotTurn } | { id: number; error: string };

/**
 * Workers when FIREBREAK_BOT_WORKERS is not set: one per core beyond the main thread's, at least 1 and at
 * most 2.
 */
export function defaultBotWorkers(): number {
  return Math.min(2, Math.max(1, availableParallelism() - 1));
}

interface Task {
  request: BotRequest;
  resolve: (t: BotTurn) => void;
  reject: (e: Error) => void;
}

/**
 * The pool: workers start on first use, up to `size`; requests queue while all are busy. Size 0 is a pool
 * that is never used.
 */
export class BotPool {
  readonly size: number;
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Task>();
  private readonly queue: Task[] = [];
  private nextId = 1;
  private closed = false;

  constructor(size: number) {
    this.size = size;
  }

  /**
   * Decides one bot seat's turn in a worker: `botTurn(view, spec, rngFromSeed(seed))`. Rejects if the worker
   * fails or the pool is closed.
   */
  decide(view: GameView, spec: BotSpec, seed: string): Promise<BotTurn> {
    if (this.closed || this.size <= 0) return Promise.reject(new Error("the bot pool is closed"));
    return new Promise((resolve, reject) => {
      this.queue.push({ request: { id: this.nextId++, view, spec, seed }, resolve, reject });
      this.pump();
    });
  }

  /** Decisions queued or running now. */
  pending(): number {
    return this.queue.length + this.busy.size;
  }

  /** Stops every worker; queued and running decisions reject. */
  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.queue.splice(0)) t.reject(new Error("the bot pool is closed"));
    const workers = [...this.idle.splice(0), ...this.busy.keys()];
    for (const [, t] of this.busy) t.reject(new Error("the bot pool is closed"));
    this.busy.clear();
    await Promise.all(workers.map((w) => w.terminate()));
  }

  private pump(): void {
    while (this.queue.length > 0 && !this.closed) {
      const worker = this.idle.pop() ?? (this.idle.length + this.busy.size < this.size ? this.spawn() : null);
      if (!worker) return;
      const task = this.queue.shift() as Task;
      this.busy.set(worker, task);
      worker.postMessage(task.request);
    }
  }

  private spawn(): Worker {
    const worker = new Worker(new URL("./worker.ts", import.meta.url));
    worker.unref(); // an idle worker does not keep the process alive
    worker.on("message", (reply: BotReply) => {
      const task = this.busy.get(worker);
      if (!task || task.request.id !== reply.id) return;
      this.busy.delete(worker);
      this.idle.push(worker);
      if ("turn" in reply) task.resolve(reply.turn);
      else task.reject(new Error(reply.error));
      this.pump();
    });
    const lost = (why: Error): void => {
      const task = this.busy.get(worker);
      this.busy.delete(worker);
      const i = this.idle.indexOf(worker);
      if (i >= 0) this.idle.splice(i, 1);
      task?.reject(why);
      this.pump();
    };
    worker.on("error", lost);
    worker.on("exit", (code) => lost(new Error(`bot worker exited with code ${code}`)));
    return worker;
  }
}
