// A sheet's data as read in one go (header row + data rows of cells), and reading a cell by key.

import { type Cell, EMPTY_CELL } from "./cells";
import type { ColumnMap } from "./columns";

export interface SheetTable {
  /** Row 1 as values. */
  readonly header: readonly unknown[];
  /** Rows 2..last; rows[i] is sheet row i + 2. */
  readonly rows: readonly (readonly Cell[])[];
}

export const FIRST_DATA_ROW = 2;

export function cellAt<K extends string>(row: readonly Cell[], columns: ColumnMap<K>, key: K): Cell {
  const index = columns[key];
  return index === undefined ? EMPTY_CELL : (row[index] ?? EMPTY_CELL);
}

/** The key that joins lines to offers and finds duplicates: trimmed, case-insensitive. */
export function offerKey(offerNumber: string): string {
  return offerNumber.trim().toLowerCase();
}
