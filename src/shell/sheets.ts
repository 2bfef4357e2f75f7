// The sheet gateway: the only code that reads and writes cells. One read per sheet (values, display
// values and formats of the data range), and writes as a few rectangular blocks.

import type { Cell } from "../core/cells";
import { type ColumnMap, type ColumnSpec, type HeaderMatch, matchHeaders } from "../core/columns";
import type { SheetTable } from "../core/table";
import type { Block } from "../core/write-back";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface ReadSheet<K extends string> extends HeaderMatch<K> {
  readonly sheet: Sheet;
  readonly table: SheetTable;
  /** Every cell of the data rows in these columns is formatted as plain text. */
  readonly plainText: (keys: readonly K[]) => boolean;
}

export function readSheet<K extends string>(sheet: Sheet, specs: readonly ColumnSpec<K>[]): ReadSheet<K> {
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
  return { ...match, sheet, table: { header, rows }, plainText };
}

/** The displayed offer numbers now, row 2 downwards: read again before every write-back. */
export function readKeyColumn(sheet: Sheet, column: number): string[] {
  // One call: an open-ended range (`C2:C`) reaches the last row of the sheet, whatever it is now.
  const letters = columnLetters(column + 1);
  return sheet
    .getRange(`${letters}2:${letters}`)
    .getDisplayValues()
    .map((r) => String(r[0] ?? ""));
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

/**
 * Writes blocks of text. Cells are set to plain text first (unless known to be already), so that
 * nothing written — `=…`, `+31…`, `0012`, a date-like string — is turned into a formula or a number.
 */
export function writeBlocks(sheet: Sheet, blocks: readonly Block[], alreadyPlainText: boolean): void {
  for (const block of blocks) {
    const width = block.cells[0]?.length ?? 0;
    if (width === 0) continue;
    const range = sheet.getRange(block.row, block.column, block.cells.length, width);
    const needsCurrent = block.cells.some((r) => r.some((c) => c === undefined));
    const current = needsCurrent ? range.getValues() : null;
    const cells = block.cells.map((r, i) =>
      r.map((c, j) => (c === undefined ? (current?.[i]?.[j] ?? "") : c)),
    );
    if (!alreadyPlainText) range.setNumberFormat("@");
    range.setValues(cells);
  }
}

/** Writes one column's cells for rows 2.. (an owned output column, such as the lines' Message). */
export function writeColumn(sheet: Sheet, column: number, texts: readonly string[]): void {
  if (texts.length === 0) return;
  const range = sheet.getRange(2, column + 1, texts.length, 1);
  range.setNumberFormat("@");
  range.setValues(texts.map((t) => [t]));
}

export type { ColumnMap };

/** Makes every pending write reach the sheet now (before requests go out). */
export function flushSheets(): void {
  SpreadsheetApp.flush();
}
