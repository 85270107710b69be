/** What a bot decides besides its orders: a CBM proposal to make, an answer to give to one. */
import type { SeatId } from "../model/basics.ts";
import type { CbmKind } from "../model/cbms.ts";

/** A proposal a bot wants to make. */
export interface BotProposal {
  kind: CbmKind;
  parties: SeatId[];
}

/** A bot's answer to a proposal. */
export interface BotAnswer {
  accept: boolean;
  note: string;
}
