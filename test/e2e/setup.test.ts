// setupSheets (CONTRACT §3, §4): creates or repairs Offers, Offer lines and Run log — headers, frozen
// header row, formats, validation — adding missing columns at the end and never touching user data.

import { afterAll, describe, expect, test } from "@jest/globals";
import type { SpreadsheetModel } from "../../tools/gas-runtime";
import { RUN_LOG_HEADERS } from "../fixtures/headers";
import {
  normalize,
  OFFER_HEADERS,
  postedBodies,
  type Row,
  runOk,
  sheetColumn,
  sheetState,
  spreadsheetState,
  stopDouble,
  world,
} from "./world";

afterAll(stopDouble);

const LINE_HEADERS = ["Offer number", "Description", "Amount excl. VAT", "VAT rate", "Message"];

const headerRow = (ss: SpreadsheetModel, sheet: string): string[] => ss.displayValues(sheet)[0] ?? [];

/** 1-based column of a header (normalized match), or 0. */
const columnOf = (ss: SpreadsheetModel, sheet: string, header: string): number =>
  headerRow(ss, sheet).findIndex((h) => normalize(h) === normalize(header)) + 1;

const isDateFormat = (f: string | undefined): boolean => !!f && /y/i.test(f) && /d/i.test(f);

/** The values and display values of columns 1..width of a sheet, every row. */
function block(ss: SpreadsheetModel, sheet: string, width: number): unknown {
  return {
    values: JSON.parse(JSON.stringify(ss.values(sheet).map((r) => r.slice(0, width)))),
    display: ss.displayValues(sheet).map((r) => r.slice(0, width)),
    formats: ss.values(sheet).map((_, i) =>
      Array.from({ length: width }, (_, c) => {
        const cell = ss.getCell(sheet, i + 1, c + 1);
        return { note: cell?.note, formula: cell?.formula };
      }),
    ),
  };
}

describe("setupSheets on an empty spreadsheet", () => {
  test("creates Offers, Offer lines and Run log with headers, frozen row 1, formats and validation", async () => {
    const w = await world({ sheets: { Sheet1: [] } });
    runOk(w, "setupSheets");
    const names = w.ss.sheets.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(["Offers", "Offer lines", "Run log"]));

    expect(headerRow(w.ss, "Offers")).toEqual(OFFER_HEADERS);
    expect(headerRow(w.ss, "Offer lines")).toEqual(LINE_HEADERS);
    expect(headerRow(w.ss, "Run log")).toEqual(RUN_LOG_HEADERS);
    for (const name of ["Offers", "Offer lines", "Run log"]) {
      expect({ name, frozen: w.ss.sheet(name).frozenRows }).toEqual({ name, frozen: 1 });
      // No data rows were invented.
      expect({ name, rows: w.ss.sheet(name).lastRow() }).toEqual({ name, rows: 1 });
    }

    // Offer numbers and customer IDs as plain text, dates as dates (row 2 and far below).
    for (const row of [2, 500]) {
      expect(w.ss.getCell("Offers", row, columnOf(w.ss, "Offers", "Offer number"))?.numberFormat).toBe("@");
      expect(w.ss.getCell("Offers", row, columnOf(w.ss, "Offers", "Customer ID"))?.numberFormat).toBe("@");
      expect(
        isDateFormat(w.ss.getCell("Offers", row, columnOf(w.ss, "Offers", "Issued at"))?.numberFormat),
      ).toBe(true);
      expect(
        isDateFormat(w.ss.getCell("Offers", row, columnOf(w.ss, "Offers", "Expires at"))?.numberFormat),
      ).toBe(true);
      expect(
        w.ss.getCell("Offer lines", row, columnOf(w.ss, "Offer lines", "Offer number"))?.numberFormat,
      ).toBe("@");
      // Send notification is a checkbox; VAT rate offers 21, 9 and 0.
      const notify = w.ss.getCell("Offers", row, columnOf(w.ss, "Offers", "Send notification"))?.validation;
      expect(notify?.criteria).toBe("CHECKBOX");
      const vat = w.ss.getCell("Offer lines", row, columnOf(w.ss, "Offer lines", "VAT rate"))?.validation;
      expect(vat?.criteria).toBe("VALUE_IN_LIST");
      expect(((vat?.values[0] ?? []) as unknown[]).map(String).sort()).toEqual(["0", "21", "9"]);
    }
    // The header row itself has no validation.
    expect(
      w.ss.getCell("Offers", 1, columnOf(w.ss, "Offers", "Send notification"))?.validation,
    ).toBeUndefined();

    // A second run changes nothing at all.
    const first = spreadsheetState(w.ss);
    runOk(w, "setupSheets");
    expect(spreadsheetState(w.ss)).toEqual(first);
  });
});

describe("setupSheets on sheets the team already uses", () => {
  // Headers in another order, other case and punctuation, and the team's own columns with data.
  const OFFERS: Row[] = [
    [
      "Notes (ours)",
      "CUSTOMER ID",
      "offer_number",
      "Issued At",
      "EXPIRES-AT",
      "Sales rep",
      "status",
      "send notification?",
    ],
    ["call back", "cst_demo0001", "R-1", { date: "2025-04-14" }, "", "Anna", "", { v: true, checkbox: true }],
    ["", " cst_demo0002 ", { v: 7, f: "000" }, "2025-04-15", "2025-05-01", "Bob", "skip", "nee"],
    ["vip", "cst_demo0003", "R-3", { date: "2025-04-16", f: "d mmmm yyyy" }, "", 42, "", ""],
    [{ v: "see note", note: "keep me" }, "", "", "", "", { formula: "=1+1", v: 2 }, "", ""],
  ];
  const LINES: Row[] = [
    ["Line note", "description", "Offer-Number", "amount_excl_vat", "Vat Rate"],
    ["a", "Design", "R-1", 100, 21],
    ["", "Support", "007", "12,50", 9],
    ["b", "Hosting", "R-3", { v: 50, f: "0.00" }, { v: 0, f: "0%" }],
  ];

  const setup = () => world({ sheets: { Offers: OFFERS, "Offer lines": LINES } });

  test("adds only the missing columns, at the end, and never moves or changes user data", async () => {
    const w = await setup();
    const offersBefore = block(w.ss, "Offers", 8);
    const linesBefore = block(w.ss, "Offer lines", 5);
    runOk(w, "setupSheets");

    const offersHeader = headerRow(w.ss, "Offers");
    expect(offersHeader.slice(0, 8)).toEqual(OFFERS[0]);
    expect(offersHeader.slice(8).sort()).toEqual(
      ["Offer ID", "Amount", "Message", "Created at", "Accepted at", "Rejected at"].sort(),
    );
    const linesHeader = headerRow(w.ss, "Offer lines");
    expect(linesHeader.slice(0, 5)).toEqual(LINES[0]);
    expect(linesHeader.slice(5)).toEqual(["Message"]);
    // Every contract column exists exactly once.
    for (const h of OFFER_HEADERS) {
      expect({ h, n: offersHeader.filter((x) => normalize(x) === normalize(h)).length }).toEqual({ h, n: 1 });
    }

    // User data (values, what is shown, notes, formulas) is exactly as before, in the same places.
    expect(block(w.ss, "Offers", 8)).toEqual(offersBefore);
    expect(block(w.ss, "Offer lines", 5)).toEqual(linesBefore);
    expect(w.ss.getCell("Offers", 5, 1)?.note).toBe("keep me");
    expect(w.ss.getCell("Offers", 5, 6)?.formula).toBe("=1+1");
    expect(w.ss.sheet("Offers").frozenRows).toBe(1);
    expect(w.ss.sheet("Offer lines").frozenRows).toBe(1);
    expect(w.ss.findSheet("Run log")).toBeDefined();

    // A second run changes nothing: values, formats, validations, frozen rows, sizes.
    const first = spreadsheetState(w.ss);
    runOk(w, "setupSheets");
    expect(spreadsheetState(w.ss)).toEqual(first);
  });

  test("creating offers works on such a sheet and leaves the extra columns untouched", async () => {
    const w = await setup();
    runOk(w, "setupSheets");
    const extras = () => ({
      notes: sheetColumn(w.ss, "Offers", "Notes (ours)"),
      rep: sheetColumn(w.ss, "Offers", "Sales rep"),
      lineNote: sheetColumn(w.ss, "Offer lines", "Line note"),
      offersInput: block(w.ss, "Offers", 6),
      offersState: sheetState(w.ss, "Offer lines"),
    });
    const before = extras();
    runOk(w, "createPendingOffers");

    const bodies = await postedBodies(w.api);
    expect(bodies).toEqual([
      {
        customerId: "cst_demo0001",
        offerNumber: "R-1",
        issuedAt: "2025-04-14",
        expiresAt: "2025-05-14",
        sendNotification: true,
        lines: [{ description: "Design", amountExclVat: "100.00", vatRate: 21 }],
      },
      {
        customerId: "cst_demo0003",
        offerNumber: "R-3",
        issuedAt: "2025-04-16",
        expiresAt: "2025-05-16",
        lines: [{ description: "Hosting", amountExclVat: "50.00", vatRate: 0 }],
      },
    ]);
    expect(sheetColumn(w.ss, "Offers", "status")).toEqual(["created", "skip", "created", ""]);
    const ids = sheetColumn(w.ss, "Offers", "Offer ID");
    expect(ids[0]).toMatch(/^off_/);
    expect(ids[1]).toBe("");
    expect(ids[2]).toMatch(/^off_/);
    expect(sheetColumn(w.ss, "Offers", "Amount")).toEqual(["100.00", "", "50.00", ""]);
    expect(extras()).toEqual(before);
  });

  // PRODUCT BUG: setupSheets formats the Run log's text columns as plain text (@), and the Run log
  // row is appended with a leading apostrophe on every text ("'create"); in a plain-text cell the
  // apostrophe is kept, so Action, Started by and Message show "'create", "'menu", "'1 created…".
  test("after setupSheets, Run log rows show the action, who started it and the message as plain text", async () => {
    const w = await setup();
    runOk(w, "setupSheets");
    runOk(w, "validateOffers");
    runOk(w, "createPendingOffers");
    expect(sheetColumn(w.ss, "Run log", "Action")).toEqual(["validate", "create"]);
    expect(sheetColumn(w.ss, "Run log", "Started by")).toEqual(["menu", "menu"]);
    const messages = sheetColumn(w.ss, "Run log", "Message");
    expect(messages).toHaveLength(2);
    for (const m of messages) expect(m.startsWith("'")).toBe(false);
    expect(messages[1]).toMatch(/created/);
  });
});
