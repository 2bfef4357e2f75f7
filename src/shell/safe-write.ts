// Writes a block of cells so that a failure part-way loses as little as possible: one call normally;
// when it throws (a cell Sheets refuses, a service hiccup), row by row, then cell by cell, so that
// each created offer's ID and status still reach their row.

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The cells (`row:column`, 1-based) that could not be written. */
export type Unwritten = Set<string>;

function attempt(sheet: Sheet, row: number, column: number, cells: unknown[][], asText: boolean): boolean {
  try {
    const range = sheet.getRange(row, column, cells.length, cells[0]?.length ?? 0);
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
): Unwritten {
  const failed: Unwritten = new Set();
  const width = cells[0]?.length ?? 0;
  if (width === 0 || attempt(sheet, row, column, cells, asText)) return failed;
  cells.forEach((line, i) => {
    if (cells.length > 1 && attempt(sheet, row + i, column, [line], asText)) return;
    line.forEach((value, j) => {
      if (width > 1 && attempt(sheet, row + i, column + j, [[value]], asText)) return;
      failed.add(`${row + i}:${column + j}`);
    });
  });
  return failed;
}
