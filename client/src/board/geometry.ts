/**
 * Board geometry: how a link between two states is routed so it never runs under a third state's disc, and
 * where its label sits.
 */

/** A point on the board, in pixels. */
export interface Point {
  x: number;
  y: number;
}

/** Points along a link of this many segments when it is curved. */
const CURVE_SEGMENTS = 24;
/** The most a curve may bow out from the straight line, at its middle, in pixels. */
const MAX_BOW = 160;

/** Distance from p to segment ab, and where along it the nearest point lies (0 at a, 1 at b). */
function toSegment(p: Point, a: Point, b: Point): { dist: number; u: number; side: number } {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy || 1;
  const u = Math.min(1, Math.max(0, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2));
  const q = { x: a.x + u * dx, y: a.y + u * dy };
  return { dist: Math.hypot(p.x - q.x, p.y - q.y), u, side: Math.sign(dx * (p.y - a.y) - dy * (p.x - a.x)) };
}

/**
 * A link's path from a to b: the straight line, or, when it would pass within `clearance` of another state's
 * centre, a curve bowed away from the nearest such state.
 */
export function linkPath(a: Point, b: Point, others: readonly Point[], clearance: number): Point[] {
  const blocking = others
    .map((p) => toSegment(p, a, b))
    .filter((s) => s.u > 0.05 && s.u < 0.95 && s.dist < clearance)
    .sort((x, y) => x.dist - y.dist)[0];
  if (!blocking) return [a, b];
  const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
  // Unit normal on the side away from the blocking state (side 0: it sits on the line; bow either way).
  const away = blocking.side === 0 ? 1 : -blocking.side;
  const n = { x: (-(b.y - a.y) / len) * away, y: ((b.x - a.x) / len) * away };
  // A quadratic curve with control point c lies 2u(1-u)·|c - mid| off the line at u, so its middle lies `bow`
  // = |c - mid| / 2 off; the offset at the blocking state's u must reach clearance - dist for the curve to
  // pass it at `clearance`.
  const bow = Math.min(MAX_BOW, (clearance - blocking.dist) / (4 * blocking.u * (1 - blocking.u)));
  const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
  const c = { x: mid.x + n.x * 2 * bow, y: mid.y + n.y * 2 * bow };
  const out: Point[] = [];
  for (let i = 0; i <= CURVE_SEGMENTS; i++) {
    const u = i / CURVE_SEGMENTS;
    out.push({
      x: (1 - u) ** 2 * a.x + 2 * u * (1 - u) * c.x + u ** 2 * b.x,
      y: (1 - u) ** 2 * a.y + 2 * u * (1 - u) * c.y + u ** 2 * b.y,
    });
  }
  return out;
}

/** The point at fraction f of a path's length. */
export function pointAlong(path: readonly Point[], f: number): Point {
  const lengths = path
    .slice(1)
    .map((p, i) => Math.hypot(p.x - (path[i] as Point).x, p.y - (path[i] as Point).y));
  let left = f * lengths.reduce((s, l) => s + l, 0);
  for (let i = 0; i < lengths.length; i++) {
    const l = lengths[i] as number;
    if (left <= l || i === lengths.length - 1) {
      const a = path[i] as Point;
      const b = path[i + 1] as Point;
      const t = l > 0 ? Math.min(1, left / l) : 0;
      return { x: a.x + t * (b.x - a.x), y: a.y + t * (b.y - a.y) };
    }
    left -= l;
  }
  return path[0] as Point;
}

/** A rectangle on the board by its centre and half sizes: a state's disc, its figures, a placed label. */
export interface Box {
  x: number;
  y: number;
  hw: number;
  hh: number;
}

/** How much two boxes overlap, in square pixels (0 when apart). */
function overlap(a: Box, b: Box): number {
  const w = Math.min(a.x + a.hw, b.x + b.hw) - Math.max(a.x - a.hw, b.x - b.hw);
  const h = Math.min(a.y + a.hh, b.y + b.hh) - Math.max(a.y - a.hh, b.y - b.hh);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * Where along a path a label of half size (hw, hh) goes: the middle, or the place nearest the middle that
 * covers no box; where every place covers something, the one that covers least.
 */
export function labelSpot(path: readonly Point[], boxes: readonly Box[], hw: number, hh: number): Point {
  let best = { p: pointAlong(path, 0.5), cover: Infinity };
  for (const f of [0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74, 0.2, 0.8]) {
    const p = pointAlong(path, f);
    const cover = boxes.reduce((sum, b) => sum + overlap({ x: p.x, y: p.y, hw, hh }, b), 0);
    if (cover === 0) return p;
    if (cover < best.cover) best = { p, cover };
  }
  return best.p;
}
