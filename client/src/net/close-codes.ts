/** WebSocket close codes the web client acts on beside the shared ones (docs/protocol.md §6.3). */

/** Close code of a game moved to another server process: rejoin with the seat token at once. */
export const HANDED_OVER_CLOSE_CODE = 4012;
