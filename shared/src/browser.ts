/**
 * The parts of shared/ a browser needs, without zod or the scenario parser (keeps the bundle small): the
 * protocol's types and close code.
 */
export * from "./model/pairs.ts";
export * from "./model/ladder.ts";
export * from "./model/rules-catalogue.ts";
export * from "./model/orders.ts";
export * from "./model/names.ts";
export { baseDetectionChance, detectionChance, effectSuccessChance } from "./rules/detection.ts";
export {
  OPERATIONS,
  OPERATION_KINDS,
  isDestructive,
  seenAs,
  type OperationKind,
  type OperationRow,
} from "./model/operations.ts";
export {
  CBM_EFFECTS,
  CBM_KINDS,
  CBM_NAMES,
  CBMS,
  cbmInForce,
  hotlineWith,
  isNorm,
  NORM_KINDS,
  normThreshold,
  UNILATERAL_CBMS,
  type CbmKind,
  type CbmRow,
} from "./model/cbms.ts";
export { CONFIDENCE_NAMES } from "./model/basics.ts";
export type * from "./model/types.ts";
export type * from "./view/types.ts";
export type { GameEvent, MeasureChange } from "./model/events.ts";
export type { ModelParams } from "./model/params.ts";
export { BOT_PERSONAS, DOCTRINES, type BotPersona } from "./bots/doctrines.ts";
export * from "./review/why-api.ts";
export * from "./sync/patch.ts";
export * from "./sync/mirror.ts";
export type * from "./protocol/view.ts";
export type {
  Answer,
  AnswerExtras,
  CreateGameOptions,
  ExtraOf,
  JoinGameOptions,
  RequestAnswer,
  RequestPayload,
  RequestType,
  SyncAnswer,
} from "./protocol/requests.ts";
export type { CodeLookup, HttpError, ScenarioSummary, WakeAnswer } from "./protocol/http.ts";
export type * from "./protocol/exercise.ts";
export type * from "./protocol/uploads.ts";
export type { Rejection, RejectionCode } from "./protocol/errors.ts";
export {
  REMOVED_CLOSE_CODE,
  REMOVED_REASON,
  type ServerMessages,
  type ViewPatch,
  type Welcome,
} from "./protocol/messages.ts";
