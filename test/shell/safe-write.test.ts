// shell/safe-write.ts over a made-up sheet whose cells refuse writes as Sheets does: a rejecting
// validation rule refuses the values, a protected range refuses the format and the values alike.

import { expect, test } from "@jest/globals";

// Required, not imported: the tools' type check has no Apps Script types (as features-loader.ts).
const { writeCells, writeColumn } = require("../../src/shell/safe-write") as {
  writeCells: (sheet: Sheet, row: number, column: number, cells: unknown[][], asText: boolean) => Set<string>;
  writeColumn: (sheet: Sheet, row: number, column: number, texts: readonly string[]) => number[];
};
type Sheet = { getRange: (row: number, column: number, rows?: number) => object };

/** A sheet whose `protectedRows` refuse any write; `written` gets every cell that was set. */
function sheetWith(protectedRows: ReadonlySet<number>) {
  const written = new Map<string, unknown>();
  const refuse = (row: number, rows: number) => {
    for (let r = row; r < row + rows; r++)
      if (protectedRows.has(r)) throw new Error("You are trying to edit a protected cell or object.");
  };
  const sheet = {
    getRange: (row: number, column: number, rows = 1) => ({
      setNumberFormat: () => refuse(row, rows),
      setValues: (values: unknown[][]) => {
        refuse(row, rows);
        values.forEach((line, i) => {
          line.forEach((v, j) => {
            written.set(`${row + i}:${column + j}`, v);
          });
        });
      },
    }),
  };
  return { sheet: sheet as Sheet, written };
}

test("writeColumn: protected rows are returned, every other row is written", () => {
  const { sheet, written } = sheetWith(new Set([4, 9]));
  const texts = Array.from({ length: 10 }, (_, i) => `message ${i + 2}`);
  expect(writeColumn(sheet, 2, 3, texts)).toEqual([4, 9]);
  for (let row = 2; row <= 11; row++)
    expect(written.get(`${row}:3`)).toBe(row === 4 || row === 9 ? undefined : `message ${row}`);
});

test("writeCells: a protected row's cells are returned, the other rows are written", () => {
  const { sheet, written } = sheetWith(new Set([3]));
  const failed = writeCells(
    sheet,
    2,
    1,
    [
      ["a", "b"],
      ["c", "d"],
      ["e", "f"],
    ],
    true,
  );
  expect([...failed].sort()).toEqual(["3:1", "3:2"]);
  expect([written.get("2:1"), written.get("2:2"), written.get("4:1"), written.get("4:2")]).toEqual([
    "a",
    "b",
    "e",
    "f",
  ]);
});
