// Plain data types of the local Apps Script runtime: what an execution records and returns, and the
// installed triggers. Shared by the runtime, its services, tests and the benchmark.
import type { AuthMode } from "./env";

export interface CallRecord {
  /** 0-based position among the calls the execution attempted (the one `RunOptions.kill` sees). */
  index: number;
  /** e.g. "Range", "UrlFetchApp", "Properties". */
  service: string;
  /** e.g. "getValues". */
  method: string;
  /** Virtual time when the call started. */
  atMs: number;
  /** "load" while the script files are being evaluated (the product must make no call then). */
  phase: "load" | "run";
}

export type KillReason = "time-limit" | "killed" | "daily-quota";

export interface ExecutionResult {
  fn: string;
  returned?: unknown;
  error?: { message: string; name: string; stack?: string };
  killed?: KillReason;
  startedAt: number;
  endedAt: number;
  calls: CallRecord[];
  /** "Range.getValues" → number of calls. */
  counts: Record<string, number>;
  /** Real time spent running the script, not counting the time blocked on HTTP. */
  cpuMs: number;
  /** Members the script reached that the runtime does not imitate, even if the script caught the error. */
  notImplemented: string[];
}

export type TriggerType = "hourly" | "everyMinutes" | "after" | "at" | "onOpen";

export interface TriggerRecord {
  id: string;
  handler: string;
  type: TriggerType;
  /** Period of a recurring trigger. */
  everyMs?: number;
  /** Next virtual time the trigger fires (time-based triggers). */
  dueAt?: number;
  /** Email of the user who installed it: trigger executions run as that user. */
  owner: string;
  /** A one-off trigger that has fired: still listed until deleted, never fires again. */
  disabled?: boolean;
  createdAt: number;
}

export interface RunOptions {
  authMode?: AuthMode;
  user?: string;
  /** The trigger that starts this execution (or `true` for an anonymous one): `isTrigger` is true. */
  trigger?: TriggerRecord | boolean;
  /** Passed as the first argument when `args` is empty. */
  event?: unknown;
  /** Called before every service call; returning true kills the execution there (the call is not made). */
  kill?: (call: { index: number; service: string; method: string }) => boolean;
  /**
   * Called before every service call; a string makes that call throw an Error with it (the call is
   * not made, the execution goes on): a service failing part-way, e.g. "Service Spreadsheets failed".
   */
  fail?: (call: { index: number; service: string; method: string; detail?: unknown }) => string | null;
}
