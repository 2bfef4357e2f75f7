// Appends one row per run to the `Run log` sheet (created with its headers when missing).

import { headerIn, matchHeaders, RUN_LOG_COLUMNS, type RunLogKey, SHEET_NAMES } from "../core/columns";
import type { RunLogEntry } from "../core/ports";
import { asTypedText } from "../core/typed-text";
import { outText } from "./outbound";
import { findSheet, newSheetLanguage } from "./sheets";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function ensureRunLogSheet(ss: Spreadsheet): GoogleAppsScript.Spreadsheet.Sheet {
  const existing = findSheet(ss, "runLog");
  if (existing) return existing;
  const lang = newSheetLanguage(ss);
  const sheet = ss.insertSheet(SHEET_NAMES.runLog[lang]);
  const headerRange = sheet.getRange(1, 1, 1, RUN_LOG_COLUMNS.length);
  headerRange.setValues([RUN_LOG_COLUMNS.map((c) => headerIn(c, lang))]);
  headerRange.setFontWeight("bold");
  sheet.setFrozenRows(1);
  return sheet;
}

export function appendRunLog(ss: Spreadsheet, entry: RunLogEntry): void {
  const sheet = ensureRunLogSheet(ss);
  // The whole first row in one call (as wide as the sheet).
  const header = sheet.getRange("1:1").getValues()[0] ?? [];
  let lastColumn = header.length;
  while (lastColumn > 1 && (header[lastColumn - 1] === "" || header[lastColumn - 1] === null)) lastColumn--;
  const { columns } = matchHeaders(header, RUN_LOG_COLUMNS);
  const values: Record<RunLogKey, unknown> = {
    startedAt: new Date(entry.startedAt),
    action: entry.action,
    startedBy: entry.startedBy,
    created: entry.counts.created,
    failed: entry.counts.failed,
    invalid: entry.counts.invalid,
    skipped: entry.counts.skipped,
    pending: entry.counts.pending,
    duration: Math.round(entry.durationSeconds * 10) / 10,
    message: outText(entry.message),
  };
  const width = Math.max(lastColumn, ...Object.values(columns).map((c) => (c ?? 0) + 1));
  const row: unknown[] = new Array(width).fill("");
  for (const spec of RUN_LOG_COLUMNS) {
    const c = columns[spec.key];
    if (c === undefined) continue;
    const value = values[spec.key];
    row[c] = typeof value === "string" ? asTypedText(value) : value;
  }
  sheet.appendRow(row);
}
