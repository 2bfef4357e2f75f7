// setupSheets: creates or repairs the three sheets — headers (missing ones added at the end),
// frozen header row, number formats on empty cells, data validation — never moving user data.

import {
  type ColumnSpec,
  LINE_COLUMNS,
  LINES_SHEET,
  matchHeaders,
  OFFER_COLUMNS,
  OFFERS_SHEET,
  RUN_LOG_COLUMNS,
  RUN_LOG_SHEET,
} from "../core/columns";
import { TEXTS } from "../core/texts";
import { customerDropdown, customerSheetNames, setupCustomerSheets } from "./setup-customer-sheets";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Ensures the header row holds every spec'd column; returns 0-based indexes by key. */
function ensureHeaders<K extends string>(
  sheet: Sheet,
  specs: readonly ColumnSpec<K>[],
): Partial<Record<K, number>> {
  const lastColumn = sheet.getLastColumn();
  const header = lastColumn > 0 ? (sheet.getRange(1, 1, 1, lastColumn).getValues()[0] ?? []) : [];
  const { columns, missing } = matchHeaders(header, specs);
  if (missing.length > 0) {
    const needed = lastColumn + missing.length;
    const max = sheet.getMaxColumns();
    if (max < needed) sheet.insertColumnsAfter(max, needed - max);
    const range = sheet.getRange(1, lastColumn + 1, 1, missing.length);
    range.setNumberFormat("@");
    range.setValues([missing.map((spec) => spec.header)]);
    missing.forEach((spec, i) => {
      columns[spec.key] = lastColumn + i;
    });
  }
  const width = Math.max(lastColumn + missing.length, 1);
  sheet.getRange(1, 1, 1, width).setFontWeight("bold");
  if (sheet.getFrozenRows() < 1) sheet.setFrozenRows(1);
  return columns;
}

/** Gives empty cells of a column its format; cells that hold something keep theirs. */
function formatColumn(sheet: Sheet, column: number, spec: ColumnSpec<string>): void {
  const rows = sheet.getMaxRows() - 1;
  if (!spec.format || rows < 1) return;
  const range = sheet.getRange(2, column + 1, rows, 1);
  if (spec.output) {
    range.setNumberFormat(spec.format);
    return;
  }
  const values = range.getValues();
  const formats = range.getNumberFormats();
  const wanted = values.map((r, i) => {
    const v = r[0];
    const filled = !(v === "" || v === null || v === undefined);
    return [filled ? String(formats[i]?.[0] ?? "") : (spec.format ?? "")];
  });
  if (wanted.some((w, i) => w[0] !== formats[i]?.[0])) range.setNumberFormats(wanted);
}

function setupSheet<K extends string>(ss: Spreadsheet, name: string, specs: readonly ColumnSpec<K>[]) {
  const sheet = ss.getSheetByName(name) ?? ss.insertSheet(name);
  const columns = ensureHeaders(sheet, specs);
  for (const spec of specs) {
    const column = columns[spec.key];
    if (column !== undefined) formatColumn(sheet, column, spec);
  }
  return { sheet, columns };
}

function validateColumn(
  sheet: Sheet,
  column: number | undefined,
  rule: GoogleAppsScript.Spreadsheet.DataValidation,
) {
  const rows = sheet.getMaxRows() - 1;
  if (column === undefined || rows < 1) return;
  sheet.getRange(2, column + 1, rows, 1).setDataValidation(rule);
}

export function setupSheets(ss: Spreadsheet): string {
  // The hidden ref column is the product's own: a create run adds it when it first marks a row.
  const offers = setupSheet(
    ss,
    OFFERS_SHEET,
    OFFER_COLUMNS.filter((c) => !c.hidden),
  );
  validateColumn(
    offers.sheet,
    offers.columns.sendNotification,
    SpreadsheetApp.newDataValidation()
      .requireCheckbox()
      .setAllowInvalid(true)
      .setHelpText("Tick to have MijnKlantportaal e-mail the customer (or type yes/no, ja/nee).")
      .build(),
  );
  const lines = setupSheet(ss, LINES_SHEET, LINE_COLUMNS);
  validateColumn(
    lines.sheet,
    lines.columns.vatRate,
    SpreadsheetApp.newDataValidation()
      .requireValueInList(["21", "9", "0"], true)
      .setAllowInvalid(true)
      .setHelpText("VAT rate in percent: 21, 9 or 0.")
      .build(),
  );
  setupSheet(ss, RUN_LOG_SHEET, RUN_LOG_COLUMNS);
  const customers = setupCustomerSheets(ss);
  validateColumn(offers.sheet, offers.columns.customerId, customerDropdown(customers));
  return TEXTS.setupDone([OFFERS_SHEET, LINES_SHEET, RUN_LOG_SHEET, ...customerSheetNames(ss)]);
}
