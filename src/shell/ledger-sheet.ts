// The hidden ledger sheet: read once, appended to in blocks. It is created (hidden, plain text) with
// its first entries in one write, and the rows below the last entry are formatted as plain text once
// an execution, not before every block.

import { LEDGER_HEADERS, LEDGER_SHEET, type LedgerEntry, ledgerRow, parseLedgerRows } from "../core/ledger";
import { outCell } from "./outbound";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const WIDTH = LEDGER_HEADERS.length;
const LAST_COLUMN = String.fromCharCode(64 + WIDTH);
/** Rows added at a time when the ledger is full. */
const GROW_ROWS = 500;

const cells = (entries: readonly LedgerEntry[]): unknown[][] =>
  entries.map((e) => ledgerRow(e).map((v, i) => outCell(i === 7 ? String(v) : v)));

export class LedgerSheet {
  /** undefined: not looked up yet in this execution. */
  private sheet: Sheet | null | undefined;
  /** Rows in use, the header included (0: not known yet). */
  private rows = 0;
  /** Rows from this one down to the sheet's end are plain text (null: not known). */
  private plainFrom: number | null = null;

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
    const top = this.rows + 1;
    const range = this.rangeFor(sheet, top, entries.length);
    if (this.plainFrom === null || this.plainFrom > top) {
      // Everything below the last entry at once: later blocks of this execution need no format.
      sheet.getRange(`A${top}:${LAST_COLUMN}`).setNumberFormat("@");
      this.plainFrom = top;
    }
    range.setValues(cells(entries));
    this.rows += entries.length;
  }

  /** A new ledger: the whole sheet plain text, the header and the first entries in one write. */
  private create(entries: readonly LedgerEntry[]): void {
    const sheet = this.ss.insertSheet(LEDGER_SHEET);
    this.sheet = sheet;
    const range = this.rangeFor(sheet, 1, entries.length + 1);
    sheet.getRange(`A:${LAST_COLUMN}`).setNumberFormat("@");
    this.plainFrom = 1;
    range.setValues([[...LEDGER_HEADERS], ...cells(entries)]);
    sheet.hideSheet();
    this.rows = entries.length + 1;
  }

  /** The rows `top..` for `count` entries, adding rows to the sheet when it ends before them. */
  private rangeFor(sheet: Sheet, top: number, count: number): GoogleAppsScript.Spreadsheet.Range {
    try {
      return sheet.getRange(top, 1, count, WIDTH);
    } catch {
      // Past the sheet's last row: add rows (new rows' formats are not known) and ask again.
      const max = sheet.getMaxRows();
      sheet.insertRowsAfter(max, Math.max(top + count - 1 - max, GROW_ROWS));
      this.plainFrom = null;
      return sheet.getRange(top, 1, count, WIDTH);
    }
  }
}
