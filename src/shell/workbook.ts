// The sheet gateway: the only code that reads and writes cells. One read per sheet (values, display
// values and formats of the data range), writes as a few rectangular blocks, and the hidden ledger.

import type { Cell } from "../core/cells";
import {
  type ColumnSpec,
  headerIn,
  headerLanguage,
  isSheetNamed,
  LINE_COLUMNS,
  matchHeaders,
  OFFER_COLUMNS,
  type OfferKey,
  SHEET_NAMES,
} from "../core/columns";
import { language } from "../core/language";
import { LEDGER_HEADERS, LEDGER_SHEET, type LedgerEntry, ledgerRow, parseLedgerRows } from "../core/ledger";
import type { TableRead, Workbook } from "../core/ports";
import { statusIn } from "../core/statuses";
import { locateRows, OUT_KEYS, planBlocks, type RowUpdate } from "../core/write-back";
import { outCell, outText } from "./outbound";
import { appendRunLog } from "./run-log";
import { writeCells } from "./safe-write";
import { findSheet } from "./sheets";
import { zonedTime } from "./time";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const COLUMNS_CHANGED = "COLUMNS_CHANGED";

function readTable<K extends string>(sheet: Sheet, specs: readonly ColumnSpec<K>[]): TableRead<K> {
  const range = sheet.getDataRange();
  const values = range.getValues();
  const displays = range.getDisplayValues();
  const formats = range.getNumberFormats();
  const header = values[0] ?? [];
  const rows: Cell[][] = [];
  for (let r = 1; r < values.length; r++) {
    const v = values[r] ?? [];
    const d = displays[r] ?? [];
    const f = formats[r] ?? [];
    rows.push(v.map((value, c) => ({ value, display: d[c] ?? "", format: f[c] ?? "" })));
  }
  const match = matchHeaders(header, specs);
  const plainText = (keys: readonly K[]): boolean =>
    keys.every((key) => {
      const c = match.columns[key];
      return c === undefined || rows.every((row) => row[c]?.format === "@");
    });
  return { ...match, table: { header, rows, name: sheet.getName() }, plainText };
}

/**
 * Adds the hidden ref column after the last header of Offers, the first time a row is marked, so
 * that rows can carry their ledger ref. Returns the header row as it is now.
 */
function addRefColumn(sheet: Sheet, header: readonly string[]): string[] {
  // The ref column is the product's own: the same name in both languages.
  const spec = OFFER_COLUMNS.find((c) => c.key === "ref");
  let last = header.length;
  while (last > 0 && String(header[last - 1] ?? "").trim() === "") last--;
  if (!spec) return [...header];
  const column = last + 1;
  if (sheet.getMaxColumns() < column)
    sheet.insertColumnsAfter(sheet.getMaxColumns(), column - sheet.getMaxColumns());
  const cell = sheet.getRange(1, column, 1, 1);
  cell.setNumberFormat("@");
  cell.setValues([[headerIn(spec, "en")]]);
  sheet.hideColumns(column);
  const next = [...header];
  next[column - 1] = headerIn(spec, "en");
  return next;
}

/** 1 → A, 27 → AA. */
export function columnLetters(column: number): string {
  let n = column;
  let letters = "";
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export function spreadsheetWorkbook(ss: Spreadsheet, options: { addRefColumn: boolean }): Workbook {
  let offersSheet: Sheet | null = null;
  let timeZone: string | null = null;
  const tz = (): string => {
    timeZone ??= ss.getSpreadsheetTimeZone();
    return timeZone;
  };
  let locale: string | null = null;
  const offers = (): Sheet => {
    offersSheet ??= findSheet(ss, "offers");
    if (!offersSheet) throw new Error(COLUMNS_CHANGED);
    return offersSheet;
  };
  let ledgerSheet: Sheet | null | undefined;
  let ledgerRows = 0;
  return {
    readOffersAndLines() {
      offersSheet = findSheet(ss, "offers");
      const linesSheet = findSheet(ss, "lines");
      if (!offersSheet) return { missingSheet: SHEET_NAMES.offers[language()] };
      if (!linesSheet) return { missingSheet: SHEET_NAMES.lines[language()] };
      return { offers: readTable(offersSheet, OFFER_COLUMNS), lines: readTable(linesSheet, LINE_COLUMNS) };
    },
    timeZone: tz,
    locale() {
      locale ??= ss.getSpreadsheetLocale();
      return locale;
    },
    writeOfferUpdates(updates: readonly RowUpdate[], known: TableRead<OfferKey>) {
      if (updates.length === 0) return [];
      const sheet = offers();
      // One call for the header row and the key columns: columns and rows may have moved meanwhile.
      const shown = sheet.getDataRange().getDisplayValues();
      let { columns } = matchHeaders(shown[0] ?? [], OFFER_COLUMNS);
      if (columns.ref === undefined && options.addRefColumn && updates.some((u) => u.values.ref)) {
        shown[0] = addRefColumn(sheet, shown[0] ?? []);
        columns = matchHeaders(shown[0], OFFER_COLUMNS).columns;
      }
      if (columns.offerNumber === undefined || columns.status === undefined) throw new Error(COLUMNS_CHANGED);
      // Statuses in the language of the sheet's headers: an English-headed sheet keeps English ones.
      const lang = headerLanguage(shown[0] ?? [], OFFER_COLUMNS) ?? "en";
      const statusColumn = columns.status;
      const keyColumn = shown.slice(1).map((r) => String(r[columns.offerNumber ?? 0] ?? ""));
      const refIndex = columns.ref;
      const refColumn = refIndex === undefined ? [] : shown.slice(1).map((r) => String(r[refIndex] ?? ""));
      const { placed, lost } = locateRows(updates, keyColumn, refColumn);
      const same = OUT_KEYS.every((k) => columns[k] === known.columns[k]);
      const plain = same && known.plainText(OUT_KEYS);
      const unwritten = new Set<string>();
      for (const block of planBlocks(placed, columns)) {
        const width = block.cells[0]?.length ?? 0;
        if (width === 0) continue;
        // Cells left undefined keep what is there now (read from the display values just taken).
        const cells = block.cells.map((r, i) =>
          r.map((c, j) => {
            if (c === undefined) return shown[block.row - 1 + i]?.[block.column - 1 + j] ?? "";
            return outText(block.column - 1 + j === statusColumn ? statusIn(c, lang) : c);
          }),
        );
        for (const cell of writeCells(sheet, block.row, block.column, cells, !plain)) unwritten.add(cell);
      }
      // A row whose Status could not be written is as good as not found: not marked, not settled.
      for (const { row, update } of placed)
        if (update.values.status !== undefined && unwritten.has(`${row}:${statusColumn + 1}`))
          lost.push(update);
      return lost;
    },
    writeLineMessages(column, texts) {
      if (texts.length === 0) return;
      const sheet = findSheet(ss, "lines");
      if (!sheet) return;
      const range = sheet.getRange(2, column + 1, texts.length, 1);
      range.setNumberFormat("@");
      range.setValues(texts.map((t) => [outText(t)]));
    },
    selectedOfferRows() {
      const list = ss.getActiveRangeList();
      const ranges = list ? list.getRanges() : [];
      const rows = new Set<number>();
      let onOffers = false;
      for (const range of ranges) {
        if (!isSheetNamed(range.getSheet().getName(), "offers")) continue;
        onOffers = true;
        const first = range.getRow();
        for (let r = first; r < first + range.getNumRows(); r++) rows.add(r);
      }
      return onOffers ? rows : null;
    },
    flush: () => SpreadsheetApp.flush(),
    appendRunLog: (entry) => appendRunLog(ss, entry),
    zonedTime: () => zonedTime(tz()),
    readLedger(): LedgerEntry[] {
      ledgerSheet = ss.getSheetByName(LEDGER_SHEET);
      if (!ledgerSheet) return [];
      const values = ledgerSheet.getDataRange().getValues();
      ledgerRows = values.length;
      return parseLedgerRows(values.slice(1));
    },
    appendLedger(entries: readonly LedgerEntry[]) {
      if (entries.length === 0) return;
      if (ledgerSheet === undefined) ledgerSheet = ss.getSheetByName(LEDGER_SHEET);
      if (!ledgerSheet) {
        ledgerSheet = ss.insertSheet(LEDGER_SHEET);
        ledgerSheet.getRange(1, 1, 1, LEDGER_HEADERS.length).setValues([[...LEDGER_HEADERS]]);
        ledgerSheet.hideSheet();
        ledgerRows = 1;
      }
      if (ledgerRows === 0) ledgerRows = ledgerSheet.getLastRow();
      const needed = ledgerRows + entries.length;
      const max = ledgerSheet.getMaxRows();
      if (needed > max) ledgerSheet.insertRowsAfter(max, Math.max(needed - max, 500));
      const range = ledgerSheet.getRange(ledgerRows + 1, 1, entries.length, LEDGER_HEADERS.length);
      range.setNumberFormat("@");
      range.setValues(entries.map((e) => ledgerRow(e).map((v, i) => outCell(i === 7 ? String(v) : v))));
      ledgerRows += entries.length;
    },
  };
}
