/**
 * The process's notifier and deadline watch, installed at start-up; the rooms tell it what their journal
 * entries change.
 */
import type { SessionState } from "../session/types.ts";
import { DeadlineWatch, noticesBetween } from "./notices.ts";
import { silent, type Notifier } from "./notifier.ts";

let notifier: Notifier = silent;
let watch = new DeadlineWatch(() => {}, 0);

/** Installs the notifier, warning `beforeSeconds` before each deadline (0: no deadline warnings). */
export function useNotifier(n: Notifier, beforeSeconds: number): void {
  notifier = n;
  watch = new DeadlineWatch((x) => notifier.notify(x), beforeSeconds * 1000);
}

/** A game's session changed by one journal entry: the notices it makes, then its deadline watch. */
export function sessionChanged(gameId: string, before: SessionState, after: SessionState, now: number): void {
  if (notifier === silent) return;
  for (const n of noticesBetween(gameId, before, after, now)) notifier.notify(n);
  watch.update(gameId, after, now);
}

/** A game left memory: its deadline is no longer watched here. */
export function gameGone(gameId: string): void {
  watch.forget(gameId);
}

/** Stops: waits for notices still being sent. */
export async function closeNotifier(): Promise<void> {
  await notifier.close();
  notifier = silent;
}
