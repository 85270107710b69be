import { describe, expect, it } from "vitest";
import type { IncomingMessage } from "node:http";
import { clientAddress } from "./client-address.ts";

/**
 * A request from `peer` carrying `xff` as X-Forwarded-For (and a forged X-Real-IP, which must never count).
 */
function req(peer: string, xff?: string | string[]): IncomingMessage {
  const headers: Record<string, string | string[]> = { "x-real-ip": "6.6.6.6" };
  if (xff !== undefined) headers["x-forwarded-for"] = xff;
  return { socket: { remoteAddress: peer }, headers } as unknown as IncomingMessage;
}

describe("clientAddress", () => {
  it("trusts no proxy by default: the peer's address, whatever the headers say", () => {
    expect(clientAddress(req("10.0.0.5", "1.2.3.4"), () => false)).toBe("10.0.0.5");
  });

  it("with one trusted hop, the last address the proxy appended", () => {
    const oneHop = (_a: string, i: number) => i < 1;
    expect(clientAddress(req("10.0.0.5", "9.9.9.9, 1.2.3.4"), oneHop)).toBe("1.2.3.4");
    expect(clientAddress(req("10.0.0.5"), oneHop)).toBe("10.0.0.5");
  });

  it("walks back through trusted proxies only, also over repeated headers", () => {
    const internal = (a: string) => a.startsWith("10.");
    expect(clientAddress(req("10.0.0.5", ["7.7.7.7, 2.2.2.2", "10.0.0.9"]), internal)).toBe("2.2.2.2");
    expect(clientAddress(req("10.0.0.5", "10.0.0.8, 10.0.0.9"), internal)).toBe("10.0.0.8");
    expect(clientAddress(req("8.8.8.8", "1.2.3.4"), internal)).toBe("8.8.8.8");
  });
});
