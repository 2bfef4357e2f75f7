// The local Apps Script runtime: what tests, `npm start` and the benchmark import.
export { seededRandom, VirtualClock } from "./clock";
export { type CallDetail, type CallKind, type CostModel, callCost, callKind, DEFAULT_COSTS } from "./costs";
export { formatDate, formatSheetsDate } from "./date-format";
export { type AuthMode, enumOf, type ServiceEnv, strict } from "./env";
export type { ExecEnv } from "./execution";
export type { LockKind } from "./lock";
export type { LogEntry } from "./logging";
export type { MailEntry } from "./mail";
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
