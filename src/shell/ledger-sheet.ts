// The hidden ledger sheet: read once, appended to in blocks (one write each). It is created hidden
// with its first entries in one write.

import { LEDGER_HEADERS, LEDGER_SHEET, type LedgerEntry, ledgerRow, parseLedgerRows } from "../core/ledger";
import { outText } from "./outbound";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const WIDTH = LEDGER_HEADERS.length;
/** Rows added at a time when the ledger is full. */
const GROW_ROWS = 500;

// Every cell carries the core's text mark, so no cell needs a plain-text format (no format call).
const cells = (entries: readonly LedgerEntry[]): string[][] =>
  entries.map((e) => ledgerRow(e).map((v) => outText(v)));

export class LedgerSheet {
  /** undefined: not looked up yet in this execution. */
  private sheet: Sheet | null | undefined;
  /** Rows in use, the header included (0: not known yet). */
  private rows = 0;

  constructor(private readonly ss: Spreadsheet) {}

  read(): LedgerEntry[] {
    this.sheet = this.ss.getSheetByName(LEDGER_SHEET);
    if (!this.sheet) return [];
    const values = this.sheet.getDataRange().getValues();
    this.rows = values.length;
    return parseLedgerRows(values.slice(1));
  }

  append(entries: readonly LedgerEntry[]): void {
    if (entries.length === 0) return;
    if (this.sheet === undefined) this.sheet = this.ss.getSheetByName(LEDGER_SHEET);
    if (!this.sheet) {
      this.create(entries);
      return;
    }
    const sheet = this.sheet;
    if (this.rows === 0) this.rows = sheet.getLastRow();
    this.rangeFor(sheet, this.rows + 1, entries.length).setValues(cells(entries));
    this.rows += entries.length;
  }

  /** A new ledger, hidden: the header and the first entries in one write. */
  private create(entries: readonly LedgerEntry[]): void {
    const sheet = this.ss.insertSheet(LEDGER_SHEET);
    this.sheet = sheet;
    this.rangeFor(sheet, 1, entries.length + 1).setValues([[...LEDGER_HEADERS], ...cells(entries)]);
    sheet.hideSheet();
    this.rows = entries.length + 1;
  }

  /** The rows `top..` for `count` entries, adding rows to the sheet when it ends before them. */
  private rangeFor(sheet: Sheet, top: number, count: number): GoogleAppsScript.Spreadsheet.Range {
    try {
      return sheet.getRange(top, 1, count, WIDTH);
    } catch {
      // Past the sheet's last row: add rows and ask again.
      const max = sheet.getMaxRows();
      sheet.insertRowsAfter(max, Math.max(top + count - 1 - max, GROW_ROWS));
      return sheet.getRange(top, 1, count, WIDTH);
    }
  }
}
