// A sheet's data as read in one go (header row + data rows of cells), and reading a cell by key.

import { type Cell, EMPTY_CELL, trimText } from "./cells";
import { type ColumnMap, type ColumnSpec, headerIn, SHEET_NAMES, type SheetId } from "./columns";
import { language } from "./language";

export interface SheetTable {
  /** Row 1 as values. */
  readonly header: readonly unknown[];
  /** Rows 2..last; rows[i] is sheet row i + 2. */
  readonly rows: readonly (readonly Cell[])[];
  /** The sheet's name as it is in the spreadsheet (either language), for messages. */
  readonly name?: string;
}

/** How messages name the sheet a table came from: its own name, else the sheet's name in this language. */
export const sheetLabel = (table: SheetTable, id: SheetId): string =>
  table.name ?? SHEET_NAMES[id][language()];

/**
 * How messages name a column: its header as the sheet shows it (`Melding` in a Dutch-headed sheet
 * read by an English user), else the header in this language.
 */
export function columnLabel<K extends string>(
  table: SheetTable,
  columns: ColumnMap<K>,
  spec: ColumnSpec<K> | undefined,
): string {
  const index = spec ? columns[spec.key] : undefined;
  const shown = index === undefined ? "" : trimText(String(table.header[index] ?? ""));
  if (shown !== "") return shown;
  return spec ? headerIn(spec, language()) : "";
}

export const FIRST_DATA_ROW = 2;

export function cellAt<K extends string>(row: readonly Cell[], columns: ColumnMap<K>, key: K): Cell {
  const index = columns[key];
  return index === undefined ? EMPTY_CELL : (row[index] ?? EMPTY_CELL);
}

/** The key that joins lines to offers and finds duplicates: trimmed (see trimText), case-insensitive. */
export function offerKey(offerNumber: string): string {
  return trimText(offerNumber).toLowerCase();
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
