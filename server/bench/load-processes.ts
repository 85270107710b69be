/**
 * The load bench's child processes: the game server (its own data directory) and the bare WebSocket echo
 * server.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { freePort } from "../../test/server/harness.ts";
import { bench, sleep } from "./load-basics.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));

const children: ChildProcess[] = [];
const tempDirs: string[] = [];

/** Stops the child processes and removes the server's data directory. */
export function killChildren(): void {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGTERM");
  for (const d of tempDirs) {
    try {
      rmSync(d, { recursive: true, force: true });
    } catch {
      // a temp dir
    }
  }
}

/** Spawns the echo server child; resolves with its port. */
export async function startEcho(): Promise<{ port: number; child: ChildProcess }> {
  const child = spawn(process.execPath, [join(root, "server/bench/echo-server.ts")], {
    cwd: root,
    stdio: ["pipe", "pipe", "inherit"],
  });
  children.push(child);
  const line = await new Promise<string>((resolve, reject) => {
    const rl = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    rl.once("line", resolve);
    child.once("exit", (code) => reject(new Error(`echo server exited (${code})`)));
  });
  return { port: (JSON.parse(line) as { port: number }).port, child };
}

/**
 * Spawns the game server child (`extraEnv` adds to its environment, e.g. a cluster's stores); resolves once
 * /api/ready answers. It gets an operator token (GET /api/metrics answers only that) and limits on game
 * creation far above what the bench creates, so the bench measures play, not refusals.
 */
export async function startServer(
  cpuProfDir: string | undefined,
  log: (msg: string) => void,
  extraEnv: (port: number) => Record<string, string> = () => ({}),
): Promise<{ child: ChildProcess; port: number; dataDir: string; operatorToken: string }> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), "fb-load-"));
  const operatorToken = randomBytes(24).toString("base64url");
  tempDirs.push(dataDir);
  const nodeArgs = ["--import", join(root, "server/bench/exit-on-signal.ts")];
  if (cpuProfDir) nodeArgs.push("--cpu-prof", `--cpu-prof-dir=${cpuProfDir}`);
  const child = spawn(process.execPath, [...nodeArgs, join(root, "server/src/main.ts")], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      FIREBREAK_DATA_DIR: dataDir,
      FIREBREAK_QUIET: "1",
      FIREBREAK_OPERATOR_TOKEN: operatorToken,
      FIREBREAK_MAX_GAMES: "100000",
      FIREBREAK_CREATES_PER_WINDOW: "100000",
      ...extraEnv(port),
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  children.push(child);
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => {
    stderr += d.toString();
    if (stderr.length > 20_000) stderr = stderr.slice(-10_000);
  });
  child.once("exit", (code, sig) => {
    if (!bench.stopping) log(`server exited unexpectedly (${code ?? sig}): ${stderr.slice(-2000)}`);
  });
  for (let i = 0; i < 200; i++) {
    try {
      // /api/ready: up, and (in a cluster) its games restored.
      const r = await fetch(`http://127.0.0.1:${port}/api/ready`);
      if (r.ok) return { child, port, dataDir, operatorToken };
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) break;
    await sleep(50);
  }
  throw new Error(`server did not start: ${stderr.slice(-2000)}`);
}
