// Rows that hold only what formulas filled down a column put there (core/filled-down.ts).

import { describe, expect, test } from "@jest/globals";
import { type ColumnMap, matchHeaders, OFFER_COLUMNS, type OfferKey } from "../../src/core/columns";
import { type RowFields, rowsToAskFormulas, withoutFormulaRows } from "../../src/core/filled-down";
import { table } from "./helpers";

const HEADER = ["Offer number", "Customer ID", "Issued at", "Expires at", "Send notification", "Status"];
const columns: ColumnMap<OfferKey> = matchHeaders(HEADER, OFFER_COLUMNS).columns;
const FIELDS: RowFields<OfferKey> = {
  inputs: ["offerNumber", "customerId", "issuedAt", "expiresAt", "sendNotification"],
  keys: ["offerNumber", "customerId", "issuedAt"],
};

describe("filled-down formulas", () => {
  const t = table(HEADER, [
    ["A-1", "cst_a1", "2025-04-14", 45791], // every key field: never asked about
    ["", "", "", 30, "", "invalid"], // only a formula's 30 (and an old status)
    ["", "", "", 30, true], // a ticked checkbox beside it: typed
    ["A-4", "", "", 30], // a typed offer number
    ["", "", "", "", false], // an unticked checkbox: blank already
    ["=A6", "", "", ""], // an offer number made by a formula
  ]);
  const formulas = [
    [],
    ["", "", "", "=C2+30"],
    ["", "", "", "=C3+30"],
    ["", "", "", "=C4+30"],
    ["", "", "", "=C5+30"],
    [],
    ['="A-"&ROW()'],
  ];

  test("only rows that hold something and lack a key field are asked about", () => {
    expect(rowsToAskFormulas(t, columns, FIELDS)).toEqual([3, 4, 5, 7]);
  });

  test("a row whose every filled input is a formula is emptied there; its other cells stay", () => {
    const out = withoutFormulaRows(t, columns, FIELDS, [3, 4, 5, 7], formulas);
    const shown = out.rows.map((r) => r.map((c) => c.display));
    expect(shown).toEqual([
      ["A-1", "cst_a1", "2025-04-14", "45791", "", ""],
      ["", "", "", "", "", "invalid"],
      ["", "", "", "30", "TRUE", ""],
      ["A-4", "", "", "30", "", ""],
      ["", "", "", "", "FALSE", ""],
      ["", "", "", "", "", ""],
    ]);
  });

  test("a row `keep` holds on to stays as read; nothing emptied gives the table back", () => {
    const kept = withoutFormulaRows(t, columns, FIELDS, [7], formulas, (row) => row[0]?.display === "=A6");
    expect(kept).toBe(t);
    expect(withoutFormulaRows(t, columns, FIELDS, [3], [])).toBe(t);
  });
});
