// What every use case gets from main.ts: the spreadsheet, a way to tell the user, and time.

import type { Notifier } from "../shell/ui";

export interface RunContext {
  readonly ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  readonly notifier: Notifier;
  readonly startedBy: "menu" | "trigger";
  readonly startedAt: number;
  now(): number;
  sleep(ms: number): void;
  random(): number;
}

/** Apps Script ends an execution after 6 minutes. */
export const EXECUTION_LIMIT_MS = 6 * 60_000;
/**
 * New requests start only until this much of the limit is left: a request that hangs may take a
 * minute before UrlFetchApp gives up, and the results must still be written back after it.
 */
export const SAFETY_MARGIN_MS = 90_000;

export const deadlineOf = (ctx: RunContext): number => ctx.startedAt + EXECUTION_LIMIT_MS - SAFETY_MARGIN_MS;
