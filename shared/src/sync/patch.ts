/**
 * Structural patches between two JSON values: the server sends a view once, then only what changed.
 * Pure and generic: the ops say where a value changed, was removed, or how an array grew or shrank.
 */
import { isReservedId } from "../model/ids.ts";

/** A step into a value: an object key or an array index. */
export type PathKey = string | number;

/**
 * One change, applied in order:
 * - `["set", path, value]`: the value at `path` becomes `value` (an object key is added if missing);
 * - `["del", path]`: the object key at `path` is removed;
 * - `["push", path, items]`: `items` are appended to the array at `path`;
 * - `["trim", path, length]`: the array at `path` is cut to `length` items.
 * A path is never empty: a whole new value travels as a snapshot instead.
 */
export type PatchOp =
  | readonly ["set", readonly PathKey[], unknown]
  | readonly ["del", readonly PathKey[]]
  | readonly ["push", readonly PathKey[], readonly unknown[]]
  | readonly ["trim", readonly PathKey[], number];

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * Compares two JSON values (plain objects, arrays, primitives); `undefined` object members count as absent.
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], b[i])) return false;
    return true;
  }
  if (isObject(a)) {
    if (!isObject(b)) return false;
    let n = 0;
    for (const k in a) {
      if (a[k] === undefined) continue;
      n++;
      if (!jsonEqual(a[k], b[k])) return false;
    }
    for (const k in b) if (b[k] !== undefined) n--;
    return n === 0;
  }
  return false;
}

function diffInto(a: unknown, b: unknown, path: PathKey[], out: PatchOp[]): void {
  if (a === b) return;
  if (Array.isArray(a) && Array.isArray(b)) {
    const common = Math.min(a.length, b.length);
    const before = out.length;
    for (let i = 0; i < common; i++) {
      path.push(i);
      diffInto(a[i], b[i], path, out);
      path.pop();
    }
    // An array whose items mostly changed travels whole: cheaper than one op per item.
    if (common > 4 && out.length - before > common / 2) {
      out.length = before;
      out.push(["set", [...path], b]);
      return;
    }
    if (b.length > a.length) out.push(["push", [...path], b.slice(a.length)]);
    else if (b.length < a.length) out.push(["trim", [...path], b.length]);
    return;
  }
  if (isObject(a) && isObject(b)) {
    for (const k in b) {
      const v = b[k];
      if (v === undefined) continue;
      path.push(k);
      if (a[k] === undefined) out.push(["set", [...path], v]);
      else diffInto(a[k], v, path, out);
      path.pop();
    }
    for (const k in a) if (a[k] !== undefined && b[k] === undefined) out.push(["del", [...path, k]]);
    return;
  }
  if (typeof a === "number" && typeof b === "number" && Number.isNaN(a) && Number.isNaN(b)) return;
  out.push(["set", [...path], b]);
}

/**
 * The ops that turn `before` into `after` (both objects or arrays); empty when they are equal. Reads both,
 * writes neither.
 */
export function diffJson(before: object, after: object): PatchOp[] {
  const out: PatchOp[] = [];
  diffInto(before, after, [], out);
  return out;
}

/** Why a patch could not be applied. */
export class PatchError extends Error {}

/**
 * Applies ops to `root` without mutating it: containers on a changed path are copied once, the rest is
 * shared.
 */
export function applyPatch<T extends object>(root: T, ops: readonly PatchOp[]): T {
  const copied = new Set<object>();
  const own = <C extends object>(c: C): C => {
    if (copied.has(c)) return c;
    const copy = (Array.isArray(c) ? c.slice() : { ...c }) as C;
    copied.add(copy);
    return copy;
  };
  const top: object = own(root);
  for (const op of ops) {
    const path = op[1];
    if (!Array.isArray(path) || path.length === 0) throw new PatchError("a patch op needs a non-empty path");
    if (path.some((k) => isReservedId(k) || k === "prototype"))
      throw new PatchError(`a patch may not write ${path.join(".")}`);
    // Walk down, copying each container on the way, so the parent of the last key is our own copy.
    let parent = top as Record<PathKey, unknown>;
    for (let i = 0; i < path.length - 1; i++) {
      const key = path[i] as PathKey;
      const child = parent[key];
      if (typeof child !== "object" || child === null)
        throw new PatchError(`no container at ${path.slice(0, i + 1).join(".")}`);
      const mine = own(child);
      parent[key] = mine;
      parent = mine as Record<PathKey, unknown>;
    }
    const last = path[path.length - 1] as PathKey;
    switch (op[0]) {
      case "set":
        if (Array.isArray(parent) && (typeof last !== "number" || last > parent.length))
          throw new PatchError(`bad index ${String(last)} at ${path.join(".")}`);
        parent[last] = op[2];
        break;
      case "del":
        if (Array.isArray(parent)) throw new PatchError(`"del" on an array item at ${path.join(".")}`);
        delete parent[last];
        break;
      case "push": {
        const arr = parent[last];
        if (!Array.isArray(arr) || !Array.isArray(op[2]))
          throw new PatchError(`"push" needs an array at ${path.join(".")}`);
        parent[last] = arr.concat(op[2]);
        copied.add(parent[last] as object);
        break;
      }
      case "trim": {
        const arr = parent[last];
        if (!Array.isArray(arr) || typeof op[2] !== "number" || op[2] > arr.length)
          throw new PatchError(`"trim" needs a longer array at ${path.join(".")}`);
        parent[last] = arr.slice(0, op[2]);
        copied.add(parent[last] as object);
        break;
      }
      default:
        throw new PatchError(`unknown patch op "${String((op as readonly unknown[])[0])}"`);
    }
  }
  return top as T;
}
