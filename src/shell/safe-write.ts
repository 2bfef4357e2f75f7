// Writes a block of cells so that a failure part-way loses as little as possible: one call normally;
// when it throws (a cell Sheets refuses, a service hiccup), row by row, then cell by cell, so that
// each created offer's ID and status still reach their row.

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/**
 * Ranges of one sheet already handed out in this execution, by `row:column:rows:columns`: a range is
 * a fixed rectangle, so the results written where the marks were need no second getRange.
 */
export type RangeCache = Map<string, Range>;

/** The cells (`row:column`, 1-based) that could not be written. */
export type Unwritten = Set<string>;

function rangeOf(
  sheet: Sheet,
  row: number,
  column: number,
  rows: number,
  columns: number,
  cache?: RangeCache,
) {
  const key = `${row}:${column}:${rows}:${columns}`;
  const known = cache?.get(key);
  if (known) return known;
  const range = sheet.getRange(row, column, rows, columns);
  cache?.set(key, range);
  return range;
}

function attempt(
  sheet: Sheet,
  row: number,
  column: number,
  cells: unknown[][],
  asText: boolean,
  cache?: RangeCache,
): boolean {
  try {
    const range = rangeOf(sheet, row, column, cells.length, cells[0]?.length ?? 0, cache);
    // Plain text first, so that nothing written (`=…`, `+31…`, `0012`) becomes a formula or a number.
    if (asText) range.setNumberFormat("@");
    range.setValues(cells);
    return true;
  } catch {
    return false;
  }
}

export function writeCells(
  sheet: Sheet,
  row: number,
  column: number,
  cells: unknown[][],
  asText: boolean,
  cache?: RangeCache,
): Unwritten {
  const failed: Unwritten = new Set();
  const width = cells[0]?.length ?? 0;
  if (width === 0 || attempt(sheet, row, column, cells, asText, cache)) return failed;
  cells.forEach((line, i) => {
    if (cells.length > 1 && attempt(sheet, row + i, column, [line], asText)) return;
    line.forEach((value, j) => {
      if (width > 1 && attempt(sheet, row + i, column + j, [[value]], asText)) return;
      failed.add(`${row + i}:${column + j}`);
    });
  });
  return failed;
}

/**
 * Writes one column of plain text from `row` down. When Sheets refuses the write, the rows are
 * halved until the refused cells are found, so that a long column with one cell that rejects costs
 * a few dozen calls, not one per row. Returns the rows that could not be written.
 */
export function writeColumn(sheet: Sheet, row: number, column: number, texts: readonly string[]): number[] {
  if (texts.length === 0) return [];
  try {
    // The format too: a protected range refuses it as it refuses the values.
    const range = sheet.getRange(row, column, texts.length, 1);
    range.setNumberFormat("@");
    range.setValues(texts.map((t) => [t]));
    return [];
  } catch {
    if (texts.length === 1) return [row];
  }
  const half = Math.ceil(texts.length / 2);
  return [
    ...writeColumn(sheet, row, column, texts.slice(0, half)),
    ...writeColumn(sheet, row + half, column, texts.slice(half)),
  ];
}
