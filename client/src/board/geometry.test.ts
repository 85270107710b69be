/** Links never run under a third state's disc; labels keep clear of discs, figures and each other. */
import { describe, expect, it } from "vitest";
import { labelSpot, linkPath, pointAlong, type Box, type Point } from "./geometry.ts";

const dist = (p: Point, q: Point) => Math.hypot(p.x - q.x, p.y - q.y);
/** The closest a path (sampled finely) comes to a point. */
const closest = (path: Point[], d: Point) =>
  Math.min(...Array.from({ length: 201 }, (_, i) => dist(pointAlong(path, i / 200), d)));

describe("board geometry", () => {
  const a = { x: 100, y: 240 };
  const b = { x: 700, y: 80 };

  it("a link with nothing in its way is the straight line", () => {
    expect(linkPath(a, b, [{ x: 400, y: 500 }], 56)).toEqual([a, b]);
  });

  it("a link that would pass under a third state bows away from it and clears it", () => {
    for (const t of [0.2, 0.35, 0.5, 0.7]) {
      for (const off of [-30, 0, 30]) {
        const onLine = { x: a.x + t * (b.x - a.x), y: a.y + t * (b.y - a.y) };
        const d = { x: onLine.x + off * 0.26, y: onLine.y + off };
        const path = linkPath(a, b, [d], 56);
        expect(path.length, `t ${t} off ${off}`).toBeGreaterThan(2);
        expect(path[0]).toEqual(a);
        expect(path[path.length - 1]).toEqual(b);
        expect(closest(path, d), `t ${t} off ${off}`).toBeGreaterThanOrEqual(50);
      }
    }
  });

  it("a label sits mid-link unless something is there, then along the link clear of it, else where it covers least", () => {
    expect(labelSpot([a, b], [], 30, 11)).toEqual({ x: 400, y: 160 });
    const disc: Box = { x: 400, y: 160, hw: 46, hh: 46 };
    const p = labelSpot([a, b], [disc], 30, 11);
    expect(Math.abs(p.x - disc.x) >= 76 || Math.abs(p.y - disc.y) >= 57).toBe(true);
    const everywhere: Box = { x: 400, y: 160, hw: 400, hh: 200 };
    expect(labelSpot([a, b], [everywhere], 30, 11)).toEqual({ x: 400, y: 160 });
  });
});
