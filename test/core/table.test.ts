// Reading a sheet table (src/core/table.ts): a cell by key, the offer key, how messages name a sheet.

import { afterEach, describe, expect, test } from "@jest/globals";
import { EMPTY_CELL } from "../../src/core/cells";
import { useLanguage } from "../../src/core/language";
import { cellAt, FIRST_DATA_ROW, offerKey, sheetLabel } from "../../src/core/table";
import { cell } from "./helpers";

afterEach(() => useLanguage("en"));

describe("cellAt", () => {
  const row = [cell("K-1"), cell(12.5)];

  test("the cell in the key's column", () => {
    expect(cellAt<"offerNumber" | "amount">(row, { offerNumber: 0, amount: 1 }, "amount")).toEqual(
      cell(12.5),
    );
  });

  test("a key without a column, or a column past the row's end, is an empty cell", () => {
    expect(cellAt<"offerNumber" | "amount">(row, { offerNumber: 0 }, "amount")).toBe(EMPTY_CELL);
    expect(cellAt(row, { message: 7 }, "message")).toBe(EMPTY_CELL);
  });
});

describe("offerKey", () => {
  test.each([
    ["K-0001", "k-0001"],
    ["  2024-001 ", "2024-001"],
    ["ABC", "abc"],
    ["", ""],
  ])("%j → %j", (number, key) => {
    expect(offerKey(number)).toBe(key);
  });

  test("numbers that differ only in case or spacing around them are one offer", () => {
    expect(offerKey(" Q-7")).toBe(offerKey("q-7 "));
    expect(offerKey("Q-7")).not.toBe(offerKey("Q-07"));
  });
});

describe("sheetLabel", () => {
  test("the sheet's own name when the table has one", () => {
    expect(sheetLabel({ header: [], rows: [], name: "Offertes" }, "offers")).toBe("Offertes");
  });

  test("else the sheet's name in this execution's language", () => {
    expect(sheetLabel({ header: [], rows: [] }, "lines")).toBe("Offer lines");
    useLanguage("nl");
    expect(sheetLabel({ header: [], rows: [] }, "lines")).toBe("Offerteregels");
  });

  test("data starts on row 2", () => {
    expect(FIRST_DATA_ROW).toBe(2);
  });
});
