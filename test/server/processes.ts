/**
 * Test helper: real server processes (`server/src/main.ts` as a child), started with an environment and
 * killed at will.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { dirname, join as joinPath } from "node:path";
import { fileURLToPath } from "node:url";

const root = joinPath(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** A running server process. */
export interface ServerProcess {
  child: ChildProcess;
  port: number;
  url: string;
  http: string;
  /** What it wrote to stderr so far. */
  stderr(): string;
  /** SIGKILL, resolved once it has exited. */
  kill(): Promise<void>;
  /** SIGTERM (a graceful stop), resolved with its exit code once it has exited. */
  stop(): Promise<number | null>;
}

const running: ChildProcess[] = [];

/**
 * Starts `server/src/main.ts` on `port` with `env` on top of this process's, resolving once /api/ready says
 * it has restored its games.
 */
export async function startServerProcess(port: number, env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, [joinPath(root, "server/src/main.ts")], {
    env: {
      ...process.env,
      PORT: String(port),
      FIREBREAK_QUIET: "1",
      FIREBREAK_TAKEOVER_SECONDS: "0",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.push(child);
  let err = "";
  child.stderr?.on("data", (d: Buffer) => (err += d.toString()));
  child.stdout?.resume();
  const http = `http://127.0.0.1:${port}`;
  const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
  const proc: ServerProcess = {
    child,
    port,
    url: `ws://127.0.0.1:${port}`,
    http,
    stderr: () => err,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      return exited;
    },
  };
  for (let i = 0; i < 600; i++) {
    try {
      const r = await fetch(`${http}/api/ready`);
      if (r.ok) return proc;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) throw new Error(`server exited: ${err}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`server did not start: ${err}`);
}

/** Kills every server process these tests started and that still runs (for afterAll). */
export function killServerProcesses(): void {
  for (const c of running) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
}
