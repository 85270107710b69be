/**
 * Requests across a lost connection: orders and readiness are sent again once the page is back in its game;
 * other requests report the failure. The connection module is replaced by a stand-in with rooms that answer.
 */
import { signal } from "@preact/signals";
import { beforeEach, describe, expect, it, vi } from "vitest";

/** A stand-in for an SDK room: answers each request with `answer`, or rejects with the connection loss. */
class FakeRoom {
  readonly sent: Array<{ type: string; payload: unknown }> = [];
  private readonly closes: boolean;
  constructor(closes: boolean) {
    this.closes = closes;
  }
  request(type: string, payload: unknown): Promise<unknown> {
    this.sent.push({ type, payload });
    return this.closes
      ? Promise.reject(new Error("connection closed before a response was received."))
      : Promise.resolve({ ok: true });
  }
}

const net = vi.hoisted(() => ({ room: null as unknown, connection: null as unknown }));
vi.mock("./client.ts", () => {
  net.connection = signal("connected");
  return { openRoom: () => net.room, connection: net.connection };
});
const { ask } = await import("./requests.ts");
const connection = (): { value: string } => net.connection as { value: string };

beforeEach(() => {
  connection().value = "connected";
});

describe("a request whose connection closes under it", () => {
  it("sends orders again in the game the page rejoins, and answers with that answer", async () => {
    const first = new FakeRoom(true);
    const second = new FakeRoom(false);
    net.room = first;
    const answer = ask("orders", { turn: 3, orders: [{ type: "hunt" }] });
    // The page loses the room, reconnects, and is back in its game with a new one.
    await Promise.resolve();
    net.room = null;
    connection().value = "reconnecting";
    net.room = second;
    connection().value = "connected";
    expect(await answer).toEqual({ ok: true, answer: { ok: true } });
    expect(second.sent).toEqual([{ type: "orders", payload: { turn: 3, orders: [{ type: "hunt" }] } }]);
  });

  it("does not send a chat message again (it would arrive twice): the failure is reported", async () => {
    const first = new FakeRoom(true);
    net.room = first;
    const answer = await ask("chat", { channel: "public", text: "hello" });
    expect(answer.ok).toBe(false);
    expect(first.sent).toHaveLength(1);
  });

  it("reports the failure when the page gives up reconnecting", async () => {
    net.room = new FakeRoom(true);
    const answer = ask("ready", { ready: true });
    await Promise.resolve();
    net.room = null;
    connection().value = "lost";
    expect((await answer).ok).toBe(false);
  });
});
