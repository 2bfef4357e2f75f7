// setupSheets' part for Customers and New customers: created in the locale's language when missing
// (never renamed), missing columns added at the end, and the dropdown of company names for Offers.

import { type ColumnSpec, headerIn, matchHeaders } from "../core/columns";
import {
  CUSTOMER_COLUMNS,
  CUSTOMERS_SHEETS,
  NEW_CUSTOMER_COLUMNS,
  NEW_CUSTOMERS_SHEETS,
} from "../core/customer-columns";
import { pick } from "../core/language";
import { CUSTOMER_TEXTS } from "../core/texts-customers";
import { createSheet, findSheet } from "./customers-sheet";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

function ensure<K extends string>(
  ss: Spreadsheet,
  names: { en: string; nl: string },
  specs: readonly ColumnSpec<K>[],
): { sheet: Sheet; columns: Partial<Record<K, number>> } {
  const found = findSheet(ss, names);
  const sheet = found?.sheet ?? createSheet(ss, names, specs);
  const lang = found?.language ?? (sheet.getName() === names.nl ? "nl" : "en");
  const last = sheet.getLastColumn();
  const header = last > 0 ? (sheet.getRange(1, 1, 1, last).getValues()[0] ?? []) : [];
  const { columns, missing } = matchHeaders(header, specs);
  if (missing.length > 0) {
    const max = sheet.getMaxColumns();
    if (max < last + missing.length) sheet.insertColumnsAfter(max, last + missing.length - max);
    const range = sheet.getRange(1, last + 1, 1, missing.length);
    range.setNumberFormat("@");
    range.setValues([missing.map((s) => headerIn(s, lang))]);
    missing.forEach((s, i) => {
      columns[s.key] = last + i;
      if (s.hidden) sheet.hideColumns(last + i + 1);
    });
  }
  // Plain text, so that zip codes, phone numbers and IDs stay as typed.
  const rows = sheet.getMaxRows() - 1;
  if (rows > 0)
    for (const spec of specs) {
      const c = columns[spec.key];
      if (c !== undefined && spec.format) sheet.getRange(2, c + 1, rows, 1).setNumberFormat(spec.format);
    }
  return { sheet, columns };
}

export function setupCustomerSheets(ss: Spreadsheet): { sheet: Sheet; column: number } | null {
  const customers = ensure(ss, CUSTOMERS_SHEETS, CUSTOMER_COLUMNS);
  ensure(ss, NEW_CUSTOMERS_SHEETS, NEW_CUSTOMER_COLUMNS);
  const column = customers.columns.companyName;
  return column === undefined ? null : { sheet: customers.sheet, column };
}

/** A dropdown of the company names in Customers; other values allowed (an ID can be typed). */
export function customerDropdown(
  names: { sheet: Sheet; column: number } | null,
): GoogleAppsScript.Spreadsheet.DataValidation {
  const builder = SpreadsheetApp.newDataValidation()
    .setAllowInvalid(true)
    .setHelpText(pick(CUSTOMER_TEXTS).dropdownHelp());
  if (!names) return builder.requireValueInList([], true).build();
  const rows = Math.max(1, names.sheet.getMaxRows() - 1);
  return builder.requireValueInRange(names.sheet.getRange(2, names.column + 1, rows, 1), true).build();
}

export function customerSheetNames(ss: Spreadsheet): string[] {
  return [findSheet(ss, CUSTOMERS_SHEETS), findSheet(ss, NEW_CUSTOMERS_SHEETS)].flatMap((f) =>
    f ? [f.sheet.getName()] : [],
  );
}
