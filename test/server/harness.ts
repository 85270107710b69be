/** Test harness: a real server on a free port, and SDK clients that record everything they receive. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join as joinPath } from "node:path";
import { Client, type Room } from "@colyseus/sdk";
import { startServer, type ServerConfig } from "../../server/src/main.ts";
import { freeTcpPort } from "../../server/src/store/throwaway-pg.ts";
import { ViewMirror, type ClientView, type ViewPatch } from "@firebreak/shared";
import { testClusterConfig } from "./cluster-env.ts";

/** A free TCP port on loopback (the one the throwaway PostgreSQL and Redis servers take theirs from). */
export const freePort: () => Promise<number> = freeTcpPort;

/** The operator token test servers open GET /api/metrics with (send it as `Authorization: Bearer <it>`). */
export const OPERATOR_TOKEN = "test-operator-token-0123456789";

/**
 * Starts a quiet server with a fresh data directory and OPERATOR_TOKEN; tests create many games from one
 * address, so creations are not limited unless asked.
 */
export async function testServer(overrides: Partial<ServerConfig> = {}) {
  const port = await freePort();
  const dataDir = mkdtempSync(joinPath(tmpdir(), "fb-server-"));
  const config: ServerConfig = {
    port,
    dataDir,
    reconnectSeconds: 2,
    takeoverSeconds: 0,
    maxPayloadBytes: 32 * 1024,
    clientDir: null,
    quiet: true,
    createsPerWindow: 10_000,
    operatorToken: OPERATOR_TOKEN,
    // Nothing unless the test file runs its servers as cluster processes (cluster-env.ts).
    ...(await testClusterConfig(port)),
    ...overrides,
  };
  const started = await startServer(config);
  return { ...started, port, dataDir, url: `ws://127.0.0.1:${port}`, http: `http://127.0.0.1:${port}` };
}

/**
 * One connected person: the SDK room plus every message and view it received (patches applied to the view
 * held).
 */
export class Peer {
  room: Room;
  views: ClientView[] = [];
  /** Snapshots ("view") and patches received, and patches that did not apply. */
  counts = { snapshots: 0, patches: 0, stale: 0 };
  private readonly mirror = new ViewMirror<ClientView>();
  raw: string[] = [];
  token = "";
  memberId = "";
  /**
   * How many raw messages arrived before the first view of the ended game (the debrief reveals everything).
   */
  beforeEnd: number | null = null;

  constructor(room: Room) {
    this.room = room;
    room.onMessage("*", (type: string | number, message: unknown) => {
      this.raw.push(`${String(type)} ${JSON.stringify(message)}`);
      let v: ClientView | null = null;
      if (type === "view") {
        this.counts.snapshots++;
        v = this.mirror.snapshot(message as ClientView);
      }
      if (type === "patch") {
        this.counts.patches++;
        v = this.mirror.patch(message as ViewPatch);
        if (!v) {
          this.counts.stale++;
          void room.request("sync", {}).catch(() => {});
        }
      }
      if (v) {
        this.views.push(v);
        if (this.beforeEnd === null && v.session.phase === "ended") this.beforeEnd = this.raw.length - 1;
      }
      if (type === "welcome") {
        const w = message as { token: string; memberId: string };
        this.token = w.token;
        this.memberId = w.memberId;
      }
    });
    room.onStateChange((state: unknown) => this.raw.push(`state ${JSON.stringify(state)}`));
  }

  /** Everything received while the game was running. */
  rawWhilePlaying(): string {
    return (this.beforeEnd === null ? this.raw : this.raw.slice(0, this.beforeEnd)).join("\n");
  }

  /** The latest view. */
  get view(): ClientView {
    const v = this.views[this.views.length - 1];
    if (!v) throw new Error("no view yet");
    return v;
  }

  /** Waits until a view satisfies `pred`. */
  async until(pred: (v: ClientView) => boolean, ms = 10_000): Promise<ClientView> {
    const start = Date.now();
    for (;;) {
      const v = this.views[this.views.length - 1];
      if (v && pred(v)) return v;
      if (Date.now() - start > ms)
        throw new Error(`timed out; last phase ${v?.session.phase}, turn ${v?.game.turn}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Sends a request; resolves with the answer or `{ rejected }` with the reason. */
  async ask(
    type: string,
    payload: unknown = {},
  ): Promise<{ ok?: boolean; rejected?: { code: string; message: string } }> {
    try {
      return (await this.room.request(type, payload)) as { ok: boolean };
    } catch (e) {
      const err = e as {
        code?: string;
        message?: string;
        reason?: { code: string; message: string };
      } & Error;
      return { rejected: err.reason ?? { code: String(err.code ?? "ERROR"), message: err.message } };
    }
  }
}

/** Creates a game and returns the creator as a Peer. */
export async function create(url: string, options: Record<string, unknown>): Promise<Peer> {
  const c = new Client(url);
  const p = new Peer(await c.create("crisis", options));
  await p.until(() => true);
  return p;
}

/** A player joins the facilitator's game by its code, into `seat`. */
export async function joinSeat(url: string, fac: Peer, name: string, seat: string): Promise<Peer> {
  return join(url, fac.room.roomId, { code: fac.view.session.code, name, role: "player", seat });
}

/** Joins an existing room by id. */
export async function join(url: string, roomId: string, options: Record<string, unknown>): Promise<Peer> {
  const c = new Client(url);
  const p = new Peer(await c.joinById(roomId, options));
  await p.until(() => true);
  return p;
}
