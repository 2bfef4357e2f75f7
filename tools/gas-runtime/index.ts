// The local Apps Script runtime: what tests, `npm start` and the benchmark import.
export { seededRandom, VirtualClock } from "./clock";
export { type CallDetail, type CallKind, type CostModel, callCost, callKind, DEFAULT_COSTS } from "./costs";
export { type AuthMode, enumOf, type ServiceEnv, strict } from "./env";
export type { ExecEnv } from "./execution";
export { formatDate } from "./format-date";
export type { LockKind } from "./lock";
export type { LogEntry, MailEntry } from "./misc";
export { GasRuntime, type RuntimeOptions } from "./runtime";
export { SpreadsheetModel } from "./spreadsheet";
export type {
  CallRecord,
  ExecutionResult,
  KillReason,
  RunOptions,
  TriggerRecord,
  TriggerType,
} from "./types";
export { formatString } from "./utilities";
