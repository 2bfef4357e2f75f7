// The cost model of the local Apps Script runtime: how many virtual milliseconds each service call
// takes, and a classifier a benchmark can use to count (for instance) Spreadsheet calls.

/** Virtual milliseconds per call, by kind of call. `Utilities.sleep(ms)` always costs `ms`. */
export interface CostModel {
  /** A Spreadsheet/Sheet/Range/RangeList call that reads or writes (getValues, setValues, toast, ...). */
  spreadsheet: number;
  /** A call that only hands out or describes a handle (getSheetByName, getRange, getRow, ...). */
  spreadsheetHandle: number;
  /** `SpreadsheetApp.flush()`. */
  flush: number;
  /** `UrlFetchApp.fetch`. */
  fetch: number;
  /** `UrlFetchApp.fetchAll`, plus `fetchAllPerRequest` for each request of the batch. */
  fetchAll: number;
  fetchAllPerRequest: number;
  /** Each Properties / Cache / Lock call. */
  properties: number;
  cache: number;
  lock: number;
  /** Anything else (Session, Logger, HtmlService, builders, ...). */
  other: number;
}

export const DEFAULT_COSTS: Readonly<CostModel> = Object.freeze({
  spreadsheet: 40,
  spreadsheetHandle: 0,
  flush: 100,
  fetch: 250,
  fetchAll: 250,
  fetchAllPerRequest: 10,
  properties: 5,
  cache: 5,
  lock: 5,
  other: 0,
});

export type CallKind =
  | "spreadsheet"
  | "spreadsheet-handle"
  | "flush"
  | "fetch"
  | "fetchAll"
  | "properties"
  | "cache"
  | "lock"
  | "sleep"
  | "other";

/** Services whose calls are Spreadsheet calls (reads/writes cost `spreadsheet`, handles are free). */
const SPREADSHEET_SERVICES = new Set([
  "SpreadsheetApp",
  "Spreadsheet",
  "Sheet",
  "Range",
  "RangeList",
  "Selection",
  "Filter",
]);

/** Methods that only hand out or describe a handle: no round trip to the spreadsheet. */
const HANDLE_METHODS = new Set([
  "getActiveSpreadsheet",
  "getActive",
  "getUi",
  "getSheetByName",
  "getSheets",
  "getRange",
  "getRangeList",
  "getRanges",
  "getName",
  "getSheetName",
  "getParent",
  "getRow",
  "getRowIndex",
  "getColumn",
  "getColumnIndex",
  "getNumRows",
  "getNumColumns",
  "getWidth",
  "getHeight",
  "getSheet",
  "getA1Notation",
  "getSpreadsheetTimeZone",
  "getId",
  "getSheetId",
  "getUrl",
  "newDataValidation",
  "newFilterCriteria",
]);

/** `Range.getLastRow/getLastColumn` are arithmetic on the handle (unlike `Sheet.getLastRow`). */
const HANDLE_QUALIFIED = new Set(["Range.getLastRow", "Range.getLastColumn"]);

export function callKind(service: string, method: string): CallKind {
  if (SPREADSHEET_SERVICES.has(service)) {
    if (service === "SpreadsheetApp" && method === "flush") return "flush";
    if (HANDLE_METHODS.has(method) || HANDLE_QUALIFIED.has(`${service}.${method}`))
      return "spreadsheet-handle";
    return "spreadsheet";
  }
  if (service === "UrlFetchApp") {
    if (method === "fetch") return "fetch";
    if (method === "fetchAll") return "fetchAll";
    return "other";
  }
  if (service === "Utilities" && method === "sleep") return "sleep";
  if (service === "Properties") return "properties";
  if (service === "Cache") return "cache";
  if (service === "Lock") return "lock";
  return "other";
}

/** Details some calls pass to `record` so their cost can be computed. */
export interface CallDetail {
  /** `Utilities.sleep`: the milliseconds slept. */
  ms?: number;
  /** `UrlFetchApp.fetchAll`: the number of requests in the batch. */
  requests?: number;
}

export function callCost(service: string, method: string, detail: unknown, costs: CostModel): number {
  const d = (detail ?? {}) as CallDetail;
  switch (callKind(service, method)) {
    case "spreadsheet":
      return costs.spreadsheet;
    case "spreadsheet-handle":
      return costs.spreadsheetHandle;
    case "flush":
      return costs.flush;
    case "fetch":
      return costs.fetch;
    case "fetchAll":
      return costs.fetchAll + costs.fetchAllPerRequest * (d.requests ?? 0);
    case "properties":
      return costs.properties;
    case "cache":
      return costs.cache;
    case "lock":
      return costs.lock;
    case "sleep":
      return Math.max(0, d.ms ?? 0);
    default:
      return costs.other;
  }
}
