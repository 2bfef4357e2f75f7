// setupSheets: creates or repairs the product's sheets — headers (missing ones added at the end),
// frozen header row, number formats on empty cells, data validation — never moving user data.
// Sheets and headers are found in either language and never renamed. New sheets get the locale's
// language in a new spreadsheet, else the language of the product's sheets already there; a column
// added to a sheet follows the language of that sheet's headers (shell/sheets.ts).

import {
  type ColumnSpec,
  HEADER_SEARCH_ROWS,
  headerIn,
  headerLanguage,
  headersBelowRow1,
  LINE_COLUMNS,
  matchHeaders,
  OFFER_COLUMNS,
  RUN_LOG_COLUMNS,
  SHEET_NAMES,
  type SheetId,
} from "../core/columns";
import { CUSTOMER_COLUMNS, NEW_CUSTOMER_COLUMNS } from "../core/customer-columns";
import type { Language } from "../core/language";
import { pick } from "../core/language";
import { texts } from "../core/texts";
import { CUSTOMER_TEXTS } from "../core/texts-customers";
import { SETUP_TEXTS } from "../core/texts-setup";
import { findSheet, newSheetLanguage } from "./sheets";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Ensures the header row holds every spec'd column; returns 0-based indexes by key. */
function ensureHeaders<K extends string>(
  sheet: Sheet,
  specs: readonly ColumnSpec<K>[],
  localeLang: Language,
  top: TopRows,
): Partial<Record<K, number>> {
  const { lastColumn } = top;
  const header = top.rows[0] ?? [];
  const { columns, missing } = matchHeaders(header, specs);
  if (missing.length > 0) {
    const needed = lastColumn + missing.length;
    const max = sheet.getMaxColumns();
    if (max < needed) sheet.insertColumnsAfter(max, needed - max);
    const range = sheet.getRange(1, lastColumn + 1, 1, missing.length);
    range.setNumberFormat("@");
    const lang = headerLanguage(header, specs) ?? localeLang;
    range.setValues([missing.map((spec) => headerIn(spec, lang))]);
    missing.forEach((spec, i) => {
      columns[spec.key] = lastColumn + i;
      if (spec.hidden) sheet.hideColumns(lastColumn + i + 1);
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

/** The first rows of a sheet (row 1 first, as wide as its data), read once for its set-up. */
interface TopRows {
  readonly lastColumn: number;
  readonly rows: readonly (readonly unknown[])[];
}

function topRows(sheet: Sheet): TopRows {
  const lastColumn = sheet.getLastColumn();
  const lastRow = Math.min(sheet.getLastRow(), HEADER_SEARCH_ROWS);
  if (lastColumn < 1 || lastRow < 1) return { lastColumn: Math.max(lastColumn, 0), rows: [] };
  return { lastColumn, rows: sheet.getRange(1, 1, lastRow, lastColumn).getValues() };
}

/**
 * The sheet `id`, created (headers, formats) or repaired; missing ones get the language `lang`. A
 * sheet whose headers are below row 1 is left alone (headers written into a title row would make a
 * second header row): `notes` gets why, and no columns are returned.
 */
export function setupSheet<K extends string>(
  ss: Spreadsheet,
  id: SheetId,
  specs: readonly ColumnSpec<K>[],
  lang: Language,
  notes: string[] = [],
) {
  const found = findSheet(ss, id);
  const sheet = found ?? ss.insertSheet(SHEET_NAMES[id][lang]);
  const top: TopRows = found ? topRows(found) : { lastColumn: 0, rows: [] };
  const below = headersBelowRow1(top.rows, specs);
  if (below !== null) {
    notes.push(pick(SETUP_TEXTS).headersNotInRow1(sheet.getName(), below));
    return { sheet, columns: {} as Partial<Record<K, number>> };
  }
  const columns = ensureHeaders(sheet, specs, lang, top);
  for (const spec of specs) {
    const column = columns[spec.key];
    if (column !== undefined) formatColumn(sheet, column, spec);
  }
  return { sheet, columns };
}

/** Sets `rule` on the column's data cells; cells whose rule `keep` accepts keep theirs. */
function validateColumn(
  sheet: Sheet,
  column: number | undefined,
  rule: GoogleAppsScript.Spreadsheet.DataValidation,
  keep?: (existing: GoogleAppsScript.Spreadsheet.DataValidation) => boolean,
) {
  const rows = sheet.getMaxRows() - 1;
  if (column === undefined || rows < 1) return;
  const range = sheet.getRange(2, column + 1, rows, 1);
  if (!keep) {
    range.setDataValidation(rule);
    return;
  }
  const existing = range.getDataValidations();
  const kept = existing.map((r) => (r[0] && keep(r[0]) ? r[0] : null));
  if (kept.every((r) => r === null)) range.setDataValidation(rule);
  else range.setDataValidations(kept.map((r) => [r ?? rule]));
}

/** The team's own checkboxes (e.g. ticked = `ja`, unticked = `nee`) are checkboxes already. */
const isCheckbox = (rule: GoogleAppsScript.Spreadsheet.DataValidation): boolean =>
  String(rule.getCriteriaType()) === String(SpreadsheetApp.DataValidationCriteria.CHECKBOX);

/** Sets up the sheets: missing ones in the language of those already there, else the locale's. */
export function setupSheets(ss: Spreadsheet): string {
  const lang = newSheetLanguage(ss);
  const notes: string[] = [];
  // The hidden ref column is the product's own: a create run adds it when it first marks a row.
  const offers = setupSheet(
    ss,
    "offers",
    OFFER_COLUMNS.filter((c) => !c.hidden),
    lang,
    notes,
  );
  validateColumn(
    offers.sheet,
    offers.columns.sendNotification,
    SpreadsheetApp.newDataValidation()
      .requireCheckbox()
      .setAllowInvalid(true)
      .setHelpText(texts().notificationHelp())
      .build(),
    isCheckbox,
  );
  const lines = setupSheet(ss, "lines", LINE_COLUMNS, lang, notes);
  validateColumn(
    lines.sheet,
    lines.columns.vatRate,
    SpreadsheetApp.newDataValidation()
      .requireValueInList(["21", "9", "0"], true)
      .setAllowInvalid(true)
      .setHelpText(texts().vatRateHelp())
      .build(),
  );
  const log = setupSheet(ss, "runLog", RUN_LOG_COLUMNS, lang, notes);
  const customers = setupSheet(ss, "customers", CUSTOMER_COLUMNS, lang, notes);
  const newCustomers = setupSheet(ss, "newCustomers", NEW_CUSTOMER_COLUMNS, lang, notes);
  // Customers left alone (headers below row 1): the team's dropdown, if any, stays as it is.
  const names = customers.columns.companyName;
  if (names !== undefined)
    validateColumn(offers.sheet, offers.columns.customerId, customerDropdown(customers.sheet, names));
  const sheets = [offers, lines, log, customers, newCustomers];
  const ready = sheets.filter((s) => Object.keys(s.columns).length > 0).map((s) => s.sheet.getName());
  return [...(ready.length > 0 ? [texts().setupDone(ready)] : []), ...notes].join(" ");
}

/** A dropdown of the company names in Customers; other values allowed (an ID can be typed). */
function customerDropdown(customers: Sheet, column: number): GoogleAppsScript.Spreadsheet.DataValidation {
  const rows = Math.max(1, customers.getMaxRows() - 1);
  return SpreadsheetApp.newDataValidation()
    .setAllowInvalid(true)
    .setHelpText(pick(CUSTOMER_TEXTS).dropdownHelp())
    .requireValueInRange(customers.getRange(2, column + 1, rows, 1), true)
    .build();
}
