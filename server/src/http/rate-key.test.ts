import { describe, expect, it } from "vitest";
import { rateKey } from "./rate-key.ts";

describe("rateKey", () => {
  it("keys an IPv4 address as itself, also when written IPv4-mapped", () => {
    expect(rateKey("203.0.113.5")).toBe("203.0.113.5");
    expect(rateKey("::ffff:1.2.3.4")).toBe("1.2.3.4");
    expect(rateKey("::FFFF:1.2.3.4")).toBe("1.2.3.4");
    expect(rateKey("::ffff:102:304")).toBe("1.2.3.4");
    expect(rateKey("0:0:0:0:0:ffff:1.2.3.4")).toBe("1.2.3.4");
  });

  it("keys an IPv6 address as its /64, its first four groups written out in full", () => {
    expect(rateKey("::1")).toBe("0000:0000:0000:0000::/64");
    expect(rateKey("2001:db8::1")).toBe("2001:0db8:0000:0000::/64");
    expect(rateKey("2001:DB8:0:0:ffff:1:2:3")).toBe("2001:0db8:0000:0000::/64");
    expect(rateKey("2001:db8:aa:bb:cc::")).toBe("2001:0db8:00aa:00bb::/64");
    expect(rateKey("[2001:db8::1]")).toBe("2001:0db8:0000:0000::/64");
  });

  it("puts every address of one /64 under one key, and other /64s under others", () => {
    expect(rateKey("2001:db8:1:2:aaaa::1")).toBe(rateKey("2001:db8:1:2:ffff:ffff:ffff:ffff"));
    expect(rateKey("2001:db8:1:2::1")).not.toBe(rateKey("2001:db8:1:3::1"));
  });

  it("ignores a zone id", () => {
    expect(rateKey("fe80::1%eth0")).toBe("fe80:0000:0000:0000::/64");
    expect(rateKey("fe80::abcd%25")).toBe(rateKey("fe80::1"));
  });

  it("gives anything it cannot parse back as it is", () => {
    expect(rateKey("unknown")).toBe("unknown");
    expect(rateKey("1:2:3")).toBe("1:2:3");
    expect(rateKey("1::2::3")).toBe("1::2::3");
    expect(rateKey("::ffff:1.2.3.999")).toBe("::ffff:1.2.3.999");
  });
});
