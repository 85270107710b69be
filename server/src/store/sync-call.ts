/**
 * A synchronous call into a worker thread that does asynchronous work (a database driver): the caller posts a
 * request and blocks on `Atomics.wait` until the worker has finished it and answered. The store interface
 * stays synchronous, so "durable before answered" keeps resting on the same line of room code: journal, then
 * answer.
 */
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from "node:worker_threads";

/** What the caller sends: one operation with its arguments, numbered. */
export interface SyncRequest {
  id: number;
  op: string;
  args: unknown[];
}

/** What the worker answers: the operation's value, or why it failed. */
export type SyncReply = { id: number; value: unknown } | { id: number; error: string };

/**
 * What the worker is given: where to answer, the word it bumps when it has answered, and its own settings.
 */
export interface SyncWorkerData<T> {
  port: MessagePort;
  signal: SharedArrayBuffer;
  settings: T;
}

/** A worker thread answering synchronous calls. */
export interface SyncWorker {
  /**
   * Runs `op` in the worker and returns its value; throws its error, or when the worker does not answer in
   * time.
   */
  call(op: string, ...args: unknown[]): unknown;
  /** Stops the worker. */
  close(): Promise<void>;
}

/** Starts the worker at `url` with `settings`; each call waits at most `timeoutMs` for its answer. */
export function startSyncWorker<T>(url: URL, settings: T, timeoutMs: number): SyncWorker {
  const signal = new SharedArrayBuffer(4);
  const word = new Int32Array(signal);
  const { port1, port2 } = new MessageChannel();
  const data: SyncWorkerData<T> = { port: port2, signal, settings };
  const worker = new Worker(url, { workerData: data, transferList: [port2] });
  // A store never keeps the process alive by itself: the server's own close() ends it.
  worker.unref();
  port1.unref();
  let died: string | null = null;
  worker.on("error", (e) => (died = e.message));
  worker.on("exit", (code) => (died ??= `the store's worker exited (${code})`));
  let next = 0;
  return {
    call(op, ...args) {
      if (died !== null) throw new Error(`store unavailable: ${died}`);
      const id = ++next;
      const request: SyncRequest = { id, op, args };
      port1.postMessage(request);
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const seen = Atomics.load(word, 0);
        // Answers to calls that timed out earlier are read and dropped; only this call's answer returns.
        for (let m = receiveMessageOnPort(port1); m; m = receiveMessageOnPort(port1)) {
          const reply = m.message as SyncReply;
          if (reply.id !== id) continue;
          if ("error" in reply) throw new Error(reply.error);
          return reply.value;
        }
        const left = deadline - Date.now();
        if (left <= 0 || Atomics.wait(word, 0, seen, left) === "timed-out")
          throw new Error(`the store did not answer ${op} within ${timeoutMs} ms`);
      }
    },
    async close() {
      port1.close();
      await worker.terminate();
    },
  };
}

/**
 * In the worker: answers every request with `handle` (one at a time, in order), waking the blocked caller.
 */
export function serveSyncCalls<T>(
  data: SyncWorkerData<T>,
  handle: (op: string, args: unknown[]) => Promise<unknown>,
): void {
  const word = new Int32Array(data.signal);
  let queue = Promise.resolve();
  data.port.on("message", (request: SyncRequest) => {
    queue = queue.then(async () => {
      let reply: SyncReply;
      try {
        reply = { id: request.id, value: await handle(request.op, request.args) };
      } catch (e) {
        reply = { id: request.id, error: (e as Error).message };
      }
      data.port.postMessage(reply);
      Atomics.add(word, 0, 1);
      Atomics.notify(word, 0);
    });
  });
}

/**
 * A PostgreSQL store's worker, connected: started with `settings`, its `open` call made (a failure stops it
 * and throws, prefixed with `label`), and a `close` that runs once (the worker's own close, then the thread).
 */
export function openSyncStore<T>(
  url: URL,
  settings: T,
  timeoutMs: number,
  label: string,
): { call: SyncWorker["call"]; close(): void } {
  const worker = startSyncWorker(url, settings, timeoutMs);
  try {
    worker.call("open");
  } catch (e) {
    void worker.close();
    throw new Error(`${label}: ${(e as Error).message}`);
  }
  let closed = false;
  return {
    call: worker.call.bind(worker),
    close() {
      if (closed) return;
      closed = true;
      try {
        worker.call("close");
      } finally {
        void worker.close();
      }
    },
  };
}
