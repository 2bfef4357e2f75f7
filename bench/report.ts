// Formatting and floors of the benchmark: durations and counts, the cost-model check, and
// the stated lower bounds of simulated time (rate limit and unavoidable calls).

import { callCost, callKind, DEFAULT_COSTS } from "../tools/gas-runtime";

export const WINDOW = 60;
export const MINUTE = 60_000;

export function duration(ms: number): string {
  if (ms < 60_000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms < 3 * 3_600_000) return `${(ms / MINUTE).toFixed(2)} min`;
  return `${(ms / 3_600_000).toFixed(1)} h`;
}

export const int = (n: number): string => Math.round(n).toLocaleString("en-US");

/**
 * Unavoidable calls for n offers: one read per sheet (2 × getValues), marking `sending` (setValues +
 * flush), one fetchAll per rate window of 60 (250 ms + 10 ms a request), one write-back (setValues).
 */
export function callsFloorMs(n: number): number {
  const c = DEFAULT_COSTS;
  const roundTrips = Math.max(1, Math.ceil(n / WINDOW));
  return (
    2 * c.spreadsheet +
    c.spreadsheet +
    c.flush +
    roundTrips * c.fetchAll +
    n * c.fetchAllPerRequest +
    c.spreadsheet
  );
}

/** The issue's rate floor: n / 60 minutes. */
export const issueRateFloorMs = (n: number): number => (n / WINDOW) * MINUTE;

/**
 * The floor of a run that starts at `startAt` (virtual epoch ms): the double's windows are calendar
 * minutes and the first one is taken as fresh, so the last of ceil(n/60) windows opens
 * ceil(n/60) − 1 minute boundaries after the start; then one fetchAll of the r requests left and one
 * write-back. Never below the unavoidable calls C(n).
 */
export function floorMs(n: number, startAt: number): number {
  const windows = Math.max(1, Math.ceil(n / WINDOW));
  const lastOpens = (Math.floor(startAt / MINUTE) + windows - 1) * MINUTE - startAt;
  const left = n - (windows - 1) * WINDOW;
  const c = DEFAULT_COSTS;
  return Math.max(callsFloorMs(n), lastOpens + c.fetchAll + left * c.fetchAllPerRequest + c.spreadsheet);
}

/** The issue's cost model, "no kinder than"; returns the differences (empty when it holds). */
export function costModelProblems(): string[] {
  const problems: string[] = [];
  const atLeast = (what: string, got: number, want: number) => {
    if (!(got >= want)) problems.push(`${what}: ${got} ms < ${want} ms`);
  };
  const c = DEFAULT_COSTS;
  atLeast("spreadsheet read/write", c.spreadsheet, 40);
  atLeast("SpreadsheetApp.flush", c.flush, 100);
  atLeast("UrlFetchApp.fetch", c.fetch, 250);
  atLeast("UrlFetchApp.fetchAll", c.fetchAll, 250);
  atLeast("fetchAll per request", c.fetchAllPerRequest, 10);
  atLeast("properties", c.properties, 5);
  atLeast("cache", c.cache, 5);
  atLeast("lock", c.lock, 5);
  const readsOrWrites = [
    "Range.getValues",
    "Range.setValues",
    "Range.getValue",
    "Range.setValue",
    "Range.getDisplayValues",
    "Range.getNumberFormats",
    "Range.setNumberFormats",
    "Sheet.getLastRow",
    "Spreadsheet.toast",
  ];
  for (const key of readsOrWrites) {
    const [service = "", method = ""] = key.split(".");
    const kind = callKind(service, method);
    if (kind !== "spreadsheet") problems.push(`${key} is "${kind}", not a spreadsheet call`);
  }
  if (callKind("SpreadsheetApp", "flush") !== "flush") problems.push("SpreadsheetApp.flush is not a flush");
  if (callCost("Utilities", "sleep", { ms: 1234 }, c) !== 1234)
    problems.push("Utilities.sleep(1234) ≠ 1234 ms");
  if (callCost("UrlFetchApp", "fetchAll", { requests: 7 }, c) !== 320)
    problems.push("fetchAll of 7 ≠ 320 ms");
  return problems;
}
