/**
 * The key a client's address is rate-limited under. One IPv6 subscriber usually holds a whole /64 and can
 * pick any address in it, so an IPv6 address counts as its /64; an IPv4 address (also written IPv4-mapped,
 * `::ffff:1.2.3.4`) counts as itself.
 */

/**
 * The rate-limit key of an address: IPv4 as itself, IPv6 as its /64 (`2001:0db8:0000:0000::/64`); anything
 * unparseable as given.
 */
export function rateKey(address: string): string {
  const bare = address
    .trim()
    .replace(/^\[|\]$/g, "")
    .replace(/%.*$/, "");
  if (isIpv4(bare)) return bare;
  const hextets = expandIpv6(bare);
  if (!hextets) return address.trim().toLowerCase();
  if (hextets.slice(0, 5).every((h) => h === 0) && hextets[5] === 0xffff) {
    const [hi = 0, lo = 0] = hextets.slice(6);
    return `${hi >> 8}.${hi & 0xff}.${lo >> 8}.${lo & 0xff}`;
  }
  return `${hextets
    .slice(0, 4)
    .map((h) => h.toString(16).padStart(4, "0"))
    .join(":")}::/64`;
}

function isIpv4(s: string): boolean {
  const parts = s.split(".");
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}

/**
 * The eight 16-bit groups of an IPv6 address (with `::` and a dotted IPv4 tail), or null if it is not one.
 */
function expandIpv6(s: string): number[] | null {
  if (!s.includes(":") || !/^[0-9a-fA-F:.]+$/.test(s)) return null;
  let text = s;
  const lastColon = text.lastIndexOf(":");
  const last = text.slice(lastColon + 1);
  if (last.includes(".")) {
    // A dotted IPv4 tail ("::ffff:1.2.3.4") is the last two groups.
    if (!isIpv4(last)) return null;
    const [a = 0, b = 0, c = 0, d = 0] = last.split(".").map(Number);
    text = `${text.slice(0, lastColon + 1)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const group = (part: string): number[] | null => {
    if (part === "") return [];
    const out: number[] = [];
    for (const h of part.split(":")) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(h)) return null;
      out.push(parseInt(h, 16));
    }
    return out;
  };
  const head = group(halves[0] ?? "");
  const rest = halves.length === 2 ? group(halves[1] ?? "") : [];
  if (!head || !rest) return null;
  const known = head.length + rest.length;
  if (halves.length === 2)
    return known > 7 ? null : [...head, ...new Array<number>(8 - known).fill(0), ...rest];
  return known === 8 ? head : null;
}
