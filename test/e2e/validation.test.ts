// CONTRACT §5: every validation rule on bad rows. Invalid rows become `invalid` with a Message that
// names the field; nothing is sent for them; valid rows of the same run are still created.

import { afterAll, describe, expect, test } from "@jest/globals";
import {
  cellText,
  postedNumbers,
  type Row,
  runLogMessages,
  runLogRows,
  runOk,
  sheetColumn,
  stopDouble,
  world,
} from "./world";

afterAll(stopDouble);

const LONG_NUMBER = `N${"1234567890".repeat(5)}`; // 51 characters
const NA = (formula = "=VLOOKUP(A1,Prices!A:B,2,FALSE)") => ({ v: "#N/A", formula });
const REF = (formula = "=Removed!A1") => ({ v: "#REF!", formula });

/** Offer number → [offer row, its lines, what its Message must contain]. */
interface Case {
  offer: Row;
  lines: Row[];
  /** Every pattern must match the Message (field names first). */
  expect: (string | RegExp)[];
}

const ok = (n: string): Row[] => [[n, "Work", 10, 21]];

const CASES: Record<string, Case> = {
  "D-31APR": {
    offer: ["D-31APR", "cst_demo0001", "2025-04-31", "", ""],
    lines: ok("D-31APR"),
    expect: ["Issued at", "2025-04-31"],
  },
  "D-29FEB": {
    offer: ["D-29FEB", "cst_demo0001", "2025-02-10", "2025-02-29", ""],
    lines: ok("D-29FEB"),
    expect: ["Expires at", "2025-02-29"],
  },
  "D-ORDER": {
    offer: ["D-ORDER", "cst_demo0001", { date: "2025-04-14" }, { date: "2025-04-01" }, ""],
    lines: ok("D-ORDER"),
    expect: ["Expires at", /before/i, "Issued at"],
  },
  "C-ABC": {
    offer: ["C-ABC", "abc", "2025-04-14", "", ""],
    lines: ok("C-ABC"),
    expect: ["Customer ID", "abc"],
  },
  "C-CST1": {
    offer: ["C-CST1", "CST-1", "2025-04-14", "", ""],
    lines: ok("C-CST1"),
    expect: ["Customer ID", "CST-1"],
  },
  "C-EMPTY": {
    offer: ["C-EMPTY", "", "2025-04-14", "", ""],
    lines: ok("C-EMPTY"),
    expect: ["Customer ID", /missing|empty|required/i],
  },
  NOLINES: {
    offer: ["NOLINES", "cst_demo0001", "2025-04-14", "", ""],
    lines: [],
    expect: [/line/i],
  },
  "AMT-NUM": {
    offer: ["AMT-NUM", "cst_demo0001", "2025-04-14", "", ""],
    lines: [["AMT-NUM", "Work", 12.345, 21]],
    expect: ["Amount excl. VAT", /decimal/i],
  },
  "AMT-TXT": {
    offer: ["AMT-TXT", "cst_demo0001", "2025-04-14", "", ""],
    lines: [["AMT-TXT", "Work", "12,345", 21]],
    expect: ["Amount excl. VAT", /decimal/i],
  },
  "VAT-20": {
    offer: ["VAT-20", "cst_demo0001", "2025-04-14", "", ""],
    lines: [["VAT-20", "Work", 10, 20]],
    expect: ["VAT rate", "20"],
  },
  "VAT-6PCT": {
    offer: ["VAT-6PCT", "cst_demo0001", "2025-04-14", "", ""],
    lines: [["VAT-6PCT", "Work", 10, "6%"]],
    expect: ["VAT rate", "6"],
  },
  "ERR-DATE": {
    offer: ["ERR-DATE", "cst_demo0001", NA(), "", ""],
    lines: ok("ERR-DATE"),
    expect: ["Issued at", "#N/A"],
  },
  "ERR-EXP": {
    offer: ["ERR-EXP", "cst_demo0001", "2025-04-14", REF(), ""],
    lines: ok("ERR-EXP"),
    expect: ["Expires at", "#REF!"],
  },
  "ERR-CUST": {
    offer: ["ERR-CUST", REF("=Customers!B7"), "2025-04-14", "", ""],
    lines: ok("ERR-CUST"),
    expect: ["Customer ID", "#REF!"],
  },
  "ERR-AMT": {
    offer: ["ERR-AMT", "cst_demo0001", "2025-04-14", "", ""],
    lines: [["ERR-AMT", "Work", NA(), 21]],
    expect: ["Amount excl. VAT", "#N/A"],
  },
  "ERR-DESC": {
    offer: ["ERR-DESC", "cst_demo0001", "2025-04-14", "", ""],
    lines: [["ERR-DESC", REF(), 10, 21]],
    expect: ["Description", "#REF!"],
  },
  "F-AMT": {
    offer: ["F-AMT", "cst_demo0001", "2025-04-14", "", ""],
    lines: [["F-AMT", "Work", { formula: '=CONCATENATE("twelve", " euro")', v: "twelve euro" }, 21]],
    expect: ["Amount excl. VAT"],
  },
  "F-DATE": {
    offer: ["F-DATE", "cst_demo0001", { formula: '=TEXT(TODAY(),"d mmmm")', v: "14 april" }, "", ""],
    lines: ok("F-DATE"),
    expect: ["Issued at", "14 april"],
  },
  "F-VAT": {
    offer: ["F-VAT", "cst_demo0001", "2025-04-14", "", ""],
    lines: [["F-VAT", "Work", 10, { formula: '=IF(TRUE,"high","low")', v: "high" }]],
    expect: ["VAT rate"],
  },
  "LONG-DESC": {
    offer: ["LONG-DESC", "cst_demo0001", "2025-04-14", "", ""],
    lines: [["LONG-DESC", "x".repeat(2001), 10, 21]],
    expect: ["Description", /2000|2,000/],
  },
  [LONG_NUMBER]: {
    offer: [LONG_NUMBER, "cst_demo0001", "2025-04-14", "", ""],
    lines: ok(LONG_NUMBER),
    expect: ["Offer number", /50/],
  },
  "LINE-MISSING": {
    offer: ["LINE-MISSING", "cst_demo0001", "2025-04-14", "", ""],
    lines: [
      ["LINE-MISSING", "", 10, 21],
      ["LINE-MISSING", "Work", "", ""],
    ],
    expect: ["Description", "Amount excl. VAT", "VAT rate"],
  },
  MULTI: {
    offer: ["MULTI", "abc", "2025-13-01", "", "perhaps"],
    lines: [["MULTI", "Work", 1.005, 7]],
    expect: ["Customer ID", "Issued at", "Send notification", "Amount excl. VAT", "VAT rate"],
  },
};

describe("validation before sending (CONTRACT §5)", () => {
  test("each bad row becomes invalid with a Message naming the field; valid rows are still created", async () => {
    const names = Object.keys(CASES);
    const offers: Row[] = [
      ["OK-1", "cst_demo0001", "2025-04-14", "", ""],
      ...names.map((n) => CASES[n]!.offer),
      // Duplicates: both rows are invalid and each names the other's row.
      ["DUP-1", "cst_demo0001", "2025-04-14", "", ""],
      ["OK-2", "cst_demo0002", { date: "2025-04-15" }, "", "yes"],
      [" dup-1 ", "cst_demo0002", "2025-04-14", "", ""],
    ];
    const lines: Row[] = [
      ["OK-1", "Website", 12.95, 21],
      ...names.flatMap((n) => CASES[n]!.lines),
      ["DUP-1", "Work", 10, 21],
      ["OK-2", "Hosting", "120", 9],
    ];
    const w = await world({ offers, lines });
    runOk(w, "createPendingOffers");

    const status = w.column("Status");
    const message = w.column("Message");
    const rowOf = (n: string) => w.column("Offer number").indexOf(n) + 2;

    for (const n of names) {
      const i = rowOf(n) - 2;
      expect({ offer: n, status: status[i] }).toEqual({ offer: n, status: "invalid" });
      for (const pattern of CASES[n]!.expect) {
        if (typeof pattern === "string")
          expect({ offer: n, message: message[i] }).toEqual({
            offer: n,
            message: expect.stringContaining(pattern),
          });
        else
          expect({ offer: n, message: message[i] }).toEqual({
            offer: n,
            message: expect.stringMatching(pattern),
          });
      }
      expect(w.column("Offer ID")[i]).toBe("");
    }

    // Duplicate offer numbers (compared trimmed and case-insensitively): both rows, each naming the other.
    const dupA = rowOf("DUP-1");
    const dupB = rowOf(" dup-1 ");
    expect(dupB).toBeGreaterThan(dupA);
    expect(cellText(w.ss, "Offers", dupA, "Status")).toBe("invalid");
    expect(cellText(w.ss, "Offers", dupB, "Status")).toBe("invalid");
    expect(cellText(w.ss, "Offers", dupA, "Message")).toMatch(/Offer number/);
    expect(cellText(w.ss, "Offers", dupA, "Message")).toMatch(new RegExp(`\\b${dupB}\\b`));
    expect(cellText(w.ss, "Offers", dupB, "Message")).toMatch(/Offer number/);
    expect(cellText(w.ss, "Offers", dupB, "Message")).toMatch(new RegExp(`\\b${dupA}\\b`));

    // Only the valid rows were sent, and they were created.
    expect((await postedNumbers(w.api)).sort()).toEqual(["OK-1", "OK-2"]);
    expect((await w.api.offers()).map((o) => o.offerNumber).sort()).toEqual(["OK-1", "OK-2"]);
    expect(cellText(w.ss, "Offers", rowOf("OK-1"), "Status")).toBe("created");
    expect(cellText(w.ss, "Offers", rowOf("OK-2"), "Status")).toBe("created");
    expect(cellText(w.ss, "Offers", rowOf("OK-1"), "Message")).toBe("");

    // The Run log counts them.
    expect(runLogRows(w.ss)).toHaveLength(1);
    expect(sheetColumn(w.ss, "Run log", "Created")).toEqual(["2"]);
    expect(sheetColumn(w.ss, "Run log", "Invalid")).toEqual([String(names.length + 2)]);
  });

  test("limits are inclusive: 50-character offer numbers and 2000-character descriptions are sent", async () => {
    const number = `M${"0123456789".repeat(4)}ABCDEFGHI`; // 50 characters
    const description = "d".repeat(2000);
    const w = await world({
      // Issued over a year ago with a total below zero: warnings (§5), confirmed with send anyway.
      offers: [[number, "cst_demo0001", "2024-02-29", "2024-03-01", "", "send anyway"]],
      lines: [[number, description, -0.01, 0]],
    });
    runOk(w, "createPendingOffers");
    expect(w.column("Status")).toEqual(["created"]);
    const [offer] = await w.api.offers();
    expect(offer?.offerNumber).toBe(number);
    expect(offer?.lines).toEqual([{ description, amountExclVat: "-0.01", vatRate: 0 }]);
    expect([offer?.issuedAt, offer?.expiresAt]).toEqual(["2024-02-29", "2024-03-01"]);
  });

  test("a pending row repeating the offer number of an offer already created is invalid, not sent again", async () => {
    const w = await world({
      offers: [
        ["AGAIN-1", "cst_demo0001", "2025-04-14", "", "", "created", "off_existing0001", "10.00"],
        ["again-1", "cst_demo0002", "2025-04-20", "", ""],
      ],
      lines: [["AGAIN-1", "Work", 10, 21]],
    });
    runOk(w, "createPendingOffers");
    expect(await postedNumbers(w.api)).toEqual([]);
    expect(w.column("Status")).toEqual(["created", "invalid"]);
    expect(w.column("Message")[1]).toMatch(/Offer number/);
    expect(w.column("Message")[1]).toMatch(/\b2\b/);
    expect(w.column("Offer ID")[0]).toBe("off_existing0001");
  });

  // PRODUCT BUG: a row whose Offer number is missing or an error cell is counted invalid, but its
  // Status and Message are never written (the write-back locates rows by offer number, and these
  // rows have none); the run summary then says "Rows deleted or duplicated during the run, results
  // not written: , ".
  test("a row without a usable Offer number is marked invalid with a Message naming the field", async () => {
    const w = await world({
      offers: [
        ["", "cst_demo0001", "2025-04-14", "", ""],
        [NA("=VLOOKUP(B3,Numbers!A:B,2,FALSE)"), "cst_demo0002", "2025-04-14", "", ""],
        ["FINE-1", "cst_demo0003", "2025-04-14", "", ""],
      ],
      lines: [["FINE-1", "Work", 10, 21]],
    });
    runOk(w, "createPendingOffers");
    expect(await postedNumbers(w.api)).toEqual(["FINE-1"]);
    expect(w.column("Status")).toEqual(["invalid", "invalid", "created"]);
    expect(w.column("Message")[0]).toMatch(/Offer number/);
    expect(w.column("Message")[1]).toMatch(/Offer number/);
    expect(w.column("Message")[1]).toContain("#N/A");
    expect(runLogMessages(w.ss).join(" ")).not.toMatch(/deleted or duplicated/);
  });

  test("validateOffers sends nothing, marks invalid rows and leaves valid ones pending", async () => {
    const w = await world({
      offers: [
        ["V-OK", "cst_demo0001", "2025-04-14", "", ""],
        ["V-BAD", "cst_demo0001", "2025-04-31", "", ""],
        ["V-OK2", "cst_demo0002", { date: "2025-04-14" }, "", true],
      ],
      lines: [
        ["V-OK", "Work", 10, 21],
        ["V-BAD", "Work", 10, 21],
        ["V-OK2", "Work", "5,50", 9],
      ],
    });
    runOk(w, "validateOffers");
    expect(await w.api.requests()).toEqual([]);
    expect(await w.api.offers()).toEqual([]);
    expect(w.column("Status")).toEqual(["", "invalid", ""]);
    expect(w.column("Offer ID")).toEqual(["", "", ""]);
    expect(w.column("Message")[1]).toMatch(/Issued at/);
    expect(sheetColumn(w.ss, "Run log", "Action")).toEqual(["validate"]);

    // Still pending: the next create run sends exactly the valid ones.
    runOk(w, "createPendingOffers");
    expect((await postedNumbers(w.api)).sort()).toEqual(["V-OK", "V-OK2"]);
    expect(w.column("Status")).toEqual(["created", "invalid", "created"]);
  });

  test("lines whose offer number matches no offer are reported in the Run log and on the line row", async () => {
    const w = await world({
      offers: [["L-1", "cst_demo0001", "2025-04-14", "", ""]],
      lines: [
        ["L-1", "Work", 10, 21],
        ["GHOST-7", "Orphan line", 25, 21],
        ["L-1", "More work", 5, 21],
      ],
    });
    runOk(w, "setupSheets");
    expect(w.ss.displayValues("Offer lines")[0]).toContain("Message");
    runOk(w, "createPendingOffers");

    // The offer itself is fine and created, with its own two lines only.
    expect(w.column("Status")).toEqual(["created"]);
    const [offer] = await w.api.offers();
    expect(offer?.lines.map((l) => l.description)).toEqual(["Work", "More work"]);

    const lineMessages = sheetColumn(w.ss, "Offer lines", "Message");
    expect(lineMessages[0]).toBe("");
    expect(lineMessages[1]).toMatch(/GHOST-7|no offer|match/i);
    expect(lineMessages[2]).toBe("");
    const log = runLogMessages(w.ss).join("\n");
    expect(log).toMatch(/GHOST-7|row[^\n]*\b3\b/i);
    expect(log).toMatch(/line/i);
  });

  test("an invalid row fixed by the user is sent on the next run", async () => {
    const w = await world({
      offers: [["FIX-1", "abc", "2025-04-14", "", ""]],
      lines: [["FIX-1", "Work", 10, 21]],
    });
    runOk(w, "createPendingOffers");
    expect(w.column("Status")).toEqual(["invalid"]);
    expect(await postedNumbers(w.api)).toEqual([]);

    w.ss.typeCell("Offers", 2, 2, "cst_demo0003");
    runOk(w, "createPendingOffers");
    expect(await postedNumbers(w.api)).toEqual(["FIX-1"]);
    expect(w.column("Status")).toEqual(["created"]);
    expect(w.column("Message")).toEqual([""]);
    expect((await w.api.offers()).map((o) => o.customerId)).toEqual(["cst_demo0003"]);
  });

  test("blank rows in the middle do not end the data, in Offers and in Offer lines", async () => {
    const w = await world({
      offers: [
        ["B-1", "cst_demo0001", "2025-04-14", "", ""],
        ["", "", "", "", ""],
        ["   ", "", " ", "", ""],
        ["", "", "", "", ""],
        ["B-2", "cst_demo0002", "2025-04-14", "", ""],
      ],
      lines: [
        ["B-1", "First", 1, 21],
        ["", "", "", ""],
        ["", "", "", ""],
        ["", "", "", ""],
        ["B-2", "Second", 2, 21],
        ["", "", "", ""],
        ["B-1", "Third", 3, 21],
      ],
    });
    runOk(w, "createPendingOffers");
    expect((await postedNumbers(w.api)).sort()).toEqual(["B-1", "B-2"]);
    const byNumber = new Map((await w.api.offers()).map((o) => [o.offerNumber, o]));
    expect(byNumber.get("B-1")?.lines.map((l) => l.description)).toEqual(["First", "Third"]);
    expect(byNumber.get("B-2")?.lines.map((l) => l.description)).toEqual(["Second"]);
    expect(w.column("Status")).toEqual(["created", "", "", "", "created"]);
    expect(w.column("Message")).toEqual(["", "", "", "", ""]);
  });

  test("a row holding only an unchecked checkbox is blank", async () => {
    const unchecked = { checkbox: false };
    const w = await world({
      offers: [
        ["K-1", "cst_demo0001", "2025-04-14", "", unchecked],
        ["", "", "", "", unchecked],
        ["K-2", "cst_demo0002", "2025-04-14", "", { v: true, checkbox: true }],
        ["", "", "", "", unchecked],
        ["", "", "", "", unchecked],
      ],
      lines: [
        ["K-1", "Work", 10, 21],
        ["K-2", "Work", 20, 21],
      ],
    });
    runOk(w, "createPendingOffers");
    expect((await postedNumbers(w.api)).sort()).toEqual(["K-1", "K-2"]);
    expect(w.column("Status")).toEqual(["created", "", "created", "", ""]);
    expect(w.column("Message")).toEqual(["", "", "", "", ""]);
    expect(sheetColumn(w.ss, "Run log", "Invalid")).toEqual(["0"]);
    expect(sheetColumn(w.ss, "Run log", "Created")).toEqual(["2"]);
  });
});
