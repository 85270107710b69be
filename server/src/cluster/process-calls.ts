/**
 * Calls between the processes of a cluster over Colyseus IPC (the presence's pub/sub, as Colyseus's remote
 * room calls use): each process answers a service's calls on its own channel, `firebreak:<service>:<processId>`.
 */
import { matchMaker, requestFromIPC, subscribeIPC } from "@colyseus/core";
import { sharingCodes } from "./directory.ts";

/** The presence each service is answered on here (a server started again in the same process has a new one). */
const servedOn = new Map<string, unknown>();

const channel = (service: string, processId: string): string => `firebreak:${service}:${processId}`;

/**
 * In a cluster process: answers the calls of `service` addressed to this process (once per server start); an
 * answer that throws, or a promise that rejects, reaches the caller as a rejection.
 */
export async function answerCalls(
  service: string,
  answer: (op: string, args: unknown[]) => unknown,
): Promise<void> {
  if (!sharingCodes() || servedOn.get(service) === matchMaker.presence) return;
  servedOn.set(service, matchMaker.presence);
  await subscribeIPC(
    matchMaker.presence,
    channel(service, matchMaker.processId),
    (op: string, args: unknown) => answer(op, Array.isArray(args) ? (args as unknown[]) : []),
  );
}

/** Calls `op` of `service` in the process `processId`; rejects when it does not answer within `ms`. */
export async function callProcess<T>(
  service: string,
  processId: string,
  op: string,
  args: unknown[],
  ms: number,
): Promise<T> {
  return (await requestFromIPC(matchMaker.presence, channel(service, processId), op, args, ms)) as T;
}
