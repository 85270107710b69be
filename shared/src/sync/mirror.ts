/** The receiving side of snapshots and patches: holds the latest view and applies each patch to it. */
import { applyPatch, PatchError, type PatchOp } from "./patch.ts";

/** A patch between two versions of a view. */
export interface VersionedPatch {
  from: number;
  to: number;
  ops: readonly PatchOp[];
}

/**
 * Holds the latest version of a view; every applied patch gives a new object, the old one is never changed.
 */
export class ViewMirror<V extends { version: number }> {
  current: V | null = null;

  /** Takes a full snapshot. */
  snapshot(view: V): V {
    this.current = view;
    return view;
  }

  /** Applies a patch; null when it does not follow the view held (then ask the server for a snapshot). */
  patch(p: VersionedPatch): V | null {
    if (!this.current || this.current.version !== p.from) return null;
    try {
      const next = { ...applyPatch(this.current, p.ops), version: p.to };
      this.current = next;
      return next;
    } catch (e) {
      if (e instanceof PatchError) return null;
      throw e;
    }
  }
}
