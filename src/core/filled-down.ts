// Formulas filled down a column past the rows anyone typed in (Vervaldatum = Offertedatum + 30,
// Bedrag = Aantal × Prijs, a VLOOKUP showing #N/A) put values in rows nobody typed in: such a row is
// blank (CONTRACT §4: nothing a person typed). Sheets is asked for formulas only when some row lacks
// a field that every real row has.

import { type Cell, EMPTY_CELL, isBlankCell } from "./cells";
import type { ColumnMap } from "./columns";
import { cellAt, FIRST_DATA_ROW, type SheetTable } from "./table";

export interface RowFields<K extends string> {
  /** The columns a person fills in. */
  readonly inputs: readonly K[];
  /** A row holding all of these is read as typed, whatever its cells hold. */
  readonly keys: readonly K[];
  /** Whether a cell holds nothing a person typed (default: isBlankCell). */
  readonly blank?: (cell: Cell, key: K) => boolean;
}

/** Sheet rows that hold something but lack a key field: the only rows that may be formulas alone. */
export function rowsToAskFormulas<K extends string>(
  table: SheetTable,
  columns: ColumnMap<K>,
  fields: RowFields<K>,
): number[] {
  const rows: number[] = [];
  table.rows.forEach((row, i) => {
    const blank = (key: K) => (fields.blank ?? isBlankCell)(cellAt(row, columns, key), key);
    if (fields.keys.some(blank) && !fields.inputs.every(blank)) rows.push(i + FIRST_DATA_ROW);
  });
  return rows;
}

/**
 * The table with the inputs of those `rows` emptied whose every filled input cell holds a formula
 * (`formulas[r][c]`: row 1 first, as read); `keep` tells, from a row's cells, which stay as read
 * (an offer number that has lines). Other cells, and other rows, are left as they are.
 */
export function withoutFormulaRows<K extends string>(
  table: SheetTable,
  columns: ColumnMap<K>,
  fields: RowFields<K>,
  rows: readonly number[],
  formulas: readonly (readonly string[])[],
  keep: (row: readonly Cell[]) => boolean = () => false,
): SheetTable {
  const emptied = new Set<number>();
  for (const sheetRow of rows) {
    const row = table.rows[sheetRow - FIRST_DATA_ROW] ?? [];
    const only = fields.inputs.every((key) => {
      const c = columns[key];
      if (c === undefined || (fields.blank ?? isBlankCell)(row[c] ?? EMPTY_CELL, key)) return true;
      return Boolean(formulas[sheetRow - 1]?.[c]);
    });
    if (only && !keep(row)) emptied.add(sheetRow);
  }
  if (emptied.size === 0) return table;
  const inputColumns = new Set(fields.inputs.map((key) => columns[key]));
  return {
    ...table,
    rows: table.rows.map((row, i) =>
      emptied.has(i + FIRST_DATA_ROW) ? row.map((cell, c) => (inputColumns.has(c) ? EMPTY_CELL : cell)) : row,
    ),
  };
}
