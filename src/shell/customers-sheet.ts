// The gateway of the sheets Customers and New customers (and the hidden list of customer IDs a sync
// pass has seen): one read per sheet, writes of the product's columns as a few blocks, plain text.

import type { Cell } from "../core/cells";
import { type ColumnSpec, matchHeaders } from "../core/columns";
import {
  CUSTOMER_COLUMNS,
  CUSTOMER_SYNC_SHEET,
  type CustomerKey,
  NEW_CUSTOMER_COLUMNS,
  type NewCustomerKey,
} from "../core/customer-columns";
import { nameKey } from "../core/customer-match";
import type { CustomerSheets, SheetRead } from "../core/customer-ports";
import type { Language } from "../core/language";
import { columnGroups } from "../core/write-back";
import { setupSheet } from "./setup-sheets";
import { findNamedSheet, nameLanguage, newSheetLanguage } from "./sheets";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The sheet by its English or Dutch name, with that name and its language. */
function found(ss: Spreadsheet, id: "customers" | "newCustomers"): Found | null {
  const named = findNamedSheet(ss, id);
  return named ? { ...named, language: nameLanguage(named.name, id) } : null;
}

interface Found {
  readonly sheet: Sheet;
  readonly name: string;
  readonly language: Language;
}

function read<K extends string>(found: Found, specs: readonly ColumnSpec<K>[]): SheetRead<K> {
  const range = found.sheet.getDataRange();
  const values = range.getValues();
  const displays = range.getDisplayValues();
  const header = values[0] ?? [];
  const rows: Cell[][] = [];
  for (let r = 1; r < values.length; r++) {
    const d = displays[r] ?? [];
    rows.push((values[r] ?? []).map((value, c) => ({ value, display: d[c] ?? "", format: "" })));
  }
  return {
    name: found.name,
    language: found.language,
    table: { header, rows },
    columns: matchHeaders(header, specs).columns,
  };
}

/** Writes `rows` (values by key) starting at sheet row `first`; undefined keeps what `shown` has. */
function writeRows<K extends string>(
  sheet: Sheet,
  columns: Partial<Record<K, number>>,
  keys: readonly K[],
  placed: readonly { row: number; values: Partial<Record<K, string>> }[],
  shown: readonly (readonly string[])[],
): void {
  const sorted = [...placed].sort((a, b) => a.row - b.row);
  // Runs of consecutive rows become one block per column group.
  const runs: { row: number; values: Partial<Record<K, string>> }[][] = [];
  for (const p of sorted) {
    const last = runs[runs.length - 1];
    const end = last?.[last.length - 1];
    if (last && end && end.row + 1 === p.row) last.push(p);
    else runs.push([p]);
  }
  // Rows past the sheet's end are added once, before any block is written.
  const lastRow = sorted[sorted.length - 1]?.row ?? 0;
  if (lastRow > shown.length) {
    const max = sheet.getMaxRows();
    if (max < lastRow) sheet.insertRowsAfter(max, lastRow - max);
  }
  for (const run of runs) {
    const first = run[0];
    if (!first) continue;
    for (const group of columnGroups(columns, keys)) {
      const col = (group[0]?.[0] ?? 0) + 1;
      if (!run.some((p) => group.some(([, k]) => p.values[k] !== undefined))) continue;
      const cells = run.map((p) => group.map(([i, k]) => p.values[k] ?? shown[p.row - 1]?.[i] ?? ""));
      const range = sheet.getRange(first.row, col, run.length, group.length);
      range.setNumberFormat("@");
      range.setValues(cells);
    }
  }
}

const CUSTOMER_KEYS = CUSTOMER_COLUMNS.map((c) => c.key);
const NEW_KEYS = NEW_CUSTOMER_COLUMNS.map((c) => c.key);

export function spreadsheetCustomerSheets(ss: Spreadsheet): CustomerSheets {
  let seenSheet: Sheet | null | undefined;
  const seen = (create: boolean): Sheet | null => {
    if (seenSheet === undefined || (seenSheet === null && create)) {
      seenSheet = ss.getSheetByName(CUSTOMER_SYNC_SHEET);
      if (!seenSheet && create) {
        seenSheet = ss.insertSheet(CUSTOMER_SYNC_SHEET);
        seenSheet.hideSheet();
      }
    }
    return seenSheet ?? null;
  };
  return {
    readCustomers(create) {
      let customers = found(ss, "customers");
      if (!customers && create) {
        // Created as setupSheets would: in the language of the product's sheets already there.
        setupSheet(ss, "customers", CUSTOMER_COLUMNS, newSheetLanguage(ss));
        customers = found(ss, "customers");
      }
      return customers ? read(customers, CUSTOMER_COLUMNS) : null;
    },
    readNewCustomers() {
      const news = found(ss, "newCustomers");
      return news ? read(news, NEW_CUSTOMER_COLUMNS) : null;
    },
    writeCustomers(updates, appends) {
      if (updates.length === 0 && appends.length === 0) return;
      const sheet = found(ss, "customers")?.sheet;
      if (!sheet) return;
      // Rows may have been sorted or deleted meanwhile: find them by ID now.
      const shown = sheet.getDataRange().getDisplayValues();
      const columns = matchHeaders(shown[0] ?? [], CUSTOMER_COLUMNS).columns as Partial<
        Record<CustomerKey, number>
      >;
      const idCol = columns.customerId;
      if (idCol === undefined) return;
      const rowOf = new Map<string, number>();
      shown.forEach((r, i) => {
        const id = String(r[idCol] ?? "").trim();
        if (i > 0 && id !== "" && !rowOf.has(id)) rowOf.set(id, i + 1);
      });
      let last = shown.length;
      while (last > 1 && (shown[last - 1] ?? []).every((c) => String(c).trim() === "")) last--;
      const placed: { row: number; values: Partial<Record<CustomerKey, string>> }[] = [];
      for (const u of updates) {
        const row = rowOf.get(u.id);
        if (row !== undefined) placed.push({ row, values: u.values });
        else placed.push({ row: ++last, values: { customerId: u.id, ...u.values } });
      }
      for (const a of appends) placed.push({ row: ++last, values: a });
      writeRows(sheet, columns, CUSTOMER_KEYS, placed, shown);
    },
    writeNewCustomers(updates) {
      if (updates.length === 0) return;
      const sheet = found(ss, "newCustomers")?.sheet;
      if (!sheet) return;
      const shown = sheet.getDataRange().getDisplayValues();
      const columns = matchHeaders(shown[0] ?? [], NEW_CUSTOMER_COLUMNS).columns as Partial<
        Record<NewCustomerKey, number>
      >;
      if (columns.sent === undefined && updates.some((u) => u.values.sent !== undefined)) {
        // The hidden column for what was sent, added the first time a row is sent.
        let last = (shown[0] ?? []).length;
        while (last > 0 && String(shown[0]?.[last - 1] ?? "").trim() === "") last--;
        if (sheet.getMaxColumns() < last + 1) sheet.insertColumnsAfter(sheet.getMaxColumns(), 1);
        const cell = sheet.getRange(1, last + 1, 1, 1);
        cell.setNumberFormat("@");
        cell.setValues([["MKP sent"]]);
        sheet.hideColumns(last + 1);
        columns.sent = last;
      }
      const nameCol = columns.companyName;
      if (nameCol === undefined) return;
      const rowsOf = new Map<string, number[]>();
      shown.forEach((r, i) => {
        const k = nameKey(String(r[nameCol] ?? ""));
        if (i > 0 && k !== "") rowsOf.set(k, [...(rowsOf.get(k) ?? []), i + 1]);
      });
      const placed: { row: number; values: Partial<Record<NewCustomerKey, string>> }[] = [];
      for (const u of updates) {
        const rows = rowsOf.get(u.key) ?? [];
        const row = rows.includes(u.sheetRow) ? u.sheetRow : rows.length === 1 ? rows[0] : undefined;
        if (row !== undefined) placed.push({ row, values: u.values });
      }
      writeRows(sheet, columns, NEW_KEYS, placed, shown);
    },
    readSeen() {
      const sheet = seen(false);
      if (!sheet || sheet.getLastRow() < 1) return [];
      return sheet
        .getRange(1, 1, sheet.getLastRow(), 1)
        .getValues()
        .map((r) => String(r[0] ?? ""))
        .filter((id) => id !== "");
    },
    addSeen(ids) {
      if (ids.length === 0) return;
      const sheet = seen(true);
      if (!sheet) return;
      const start = sheet.getLastRow() + 1;
      const needed = start + ids.length - 1;
      if (sheet.getMaxRows() < needed) sheet.insertRowsAfter(sheet.getMaxRows(), needed - sheet.getMaxRows());
      const range = sheet.getRange(start, 1, ids.length, 1);
      range.setNumberFormat("@");
      range.setValues(ids.map((id) => [id]));
    },
    clearSeen() {
      const sheet = seen(false);
      if (sheet && sheet.getLastRow() > 0) sheet.getRange(1, 1, sheet.getLastRow(), 1).clearContent();
    },
    flush: () => SpreadsheetApp.flush(),
  };
}
