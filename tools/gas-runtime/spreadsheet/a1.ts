// A1 notation: column letters, parsing "Sheet!A1:B2" (also "'Offer lines'!A2:C", "A:C", "2:5"), and
// formatting a range back to A1.

/** A parsed A1 reference; a null end means "to the last row/column of the sheet". */
export interface A1Ref {
  sheetName?: string;
  startRow: number;
  startCol: number;
  endRow: number | null;
  endCol: number | null;
}

export function columnLetters(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

interface Part {
  col: number | null;
  row: number | null;
}

function parsePart(text: string): Part | null {
  const m = /^\$?([A-Za-z]{0,3})\$?(\d*)$/.exec(text.trim());
  if (!m || (m[1] === "" && m[2] === "")) return null;
  const row = m[2] ? Number(m[2]) : null;
  if (row === 0) return null;
  return { col: m[1] ? columnNumber(m[1]) : null, row };
}

/** Parses A1 notation; returns null when it is not valid. */
export function parseA1(a1: string): A1Ref | null {
  let rest = a1.trim();
  let sheetName: string | undefined;
  const bang = rest.lastIndexOf("!");
  if (bang >= 0) {
    const sheetPart = rest.slice(0, bang);
    rest = rest.slice(bang + 1);
    const quoted = /^'((?:[^']|'')+)'$/.exec(sheetPart);
    sheetName = quoted ? quoted[1]!.replace(/''/g, "'") : sheetPart;
    if (!sheetName) return null;
  }
  const pieces = rest.split(":");
  if (pieces.length > 2) return null;
  const a = parsePart(pieces[0] ?? "");
  if (!a) return null;
  if (pieces.length === 1) {
    if (a.col === null || a.row === null) return null;
    return { sheetName, startRow: a.row, startCol: a.col, endRow: a.row, endCol: a.col };
  }
  const b = parsePart(pieces[1] ?? "");
  if (!b) return null;
  // "A:C" and "2:5" are whole columns / rows; "A2:C" runs to the last row.
  if ((a.col === null) !== (b.col === null) && a.row === null) return null;
  const startRow = Math.min(a.row ?? 1, b.row ?? a.row ?? 1);
  const startCol = Math.min(a.col ?? 1, b.col ?? a.col ?? 1);
  const endRow = b.row === null || a.row === null ? null : Math.max(a.row, b.row);
  const endCol = b.col === null || a.col === null ? null : Math.max(a.col, b.col);
  return { sheetName, startRow, startCol, endRow, endCol };
}

export function rangeA1(row: number, col: number, numRows: number, numCols: number): string {
  const start = `${columnLetters(col)}${row}`;
  if (numRows === 1 && numCols === 1) return start;
  return `${start}:${columnLetters(col + numCols - 1)}${row + numRows - 1}`;
}

/** A sheet name as it appears before "!" in A1 notation. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
