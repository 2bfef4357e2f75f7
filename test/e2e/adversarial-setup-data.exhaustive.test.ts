// Adversarial pass on setupSheets (CONTRACT §3, §7a) over sheets a team already filled: typed dates,
// offer numbers with leading zeros, formulas, the team's own validation and checkboxes, headers in the
// other language or odd case, sheet names in other case or with a space, a Run log with extra columns.
// It never changes or moves what the team typed, adds no second column for a field it already has,
// and a second run changes nothing.

import { afterAll, describe, expect, test } from "@jest/globals";
import { RUN_LOG_HEADERS } from "../fixtures/headers";
import { normalize, type Row, runOk, spreadsheetState, stopDouble, type World, world } from "./world";

afterAll(stopDouble);

/** Values, formulas, what is shown and notes of the first `width` columns: what the team typed. */
function typed(w: World, sheet: string, width: number): unknown {
  const s = w.ss.sheet(sheet);
  const rows = s.lastRow();
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: width }, (_, c) => {
      const cell = w.ss.getCell(sheet, r + 1, c + 1);
      return {
        value: JSON.parse(JSON.stringify(cell?.value ?? null)),
        formula: cell?.formula,
        note: cell?.note,
        shown: w.ss.displayValues(sheet)[r]?.[c] ?? "",
      };
    }),
  );
}

const headerRow = (w: World, sheet: string): string[] => w.ss.displayValues(sheet)[0] ?? [];
const countOf = (w: World, sheet: string, header: string): number =>
  headerRow(w, sheet).filter((h) => normalize(h) === normalize(header)).length;

/** Runs setupSheets twice: the second run must change nothing at all. */
function setupTwice(w: World): void {
  runOk(w, "setupSheets");
  const first = spreadsheetState(w.ss);
  runOk(w, "setupSheets");
  expect(spreadsheetState(w.ss)).toEqual(first);
}

const OFFERS: Row[] = [
  ["Offer number", "Customer ID", "Issued at", "Expires at", "Send notification", "Status"],
  [
    "0012",
    { formula: '=VLOOKUP("Jansen";Klanten!A:B;2;FALSE)', v: "cst_jansen1" },
    "14-04-2025",
    "",
    "ja",
    "",
  ],
  [
    { v: 13, f: "0000" },
    "cst_demo0002",
    { date: "2025-04-14", f: "d mmm yyyy" },
    "2025-05-30",
    "nee",
    "skip",
  ],
  [{ v: "0014", f: "0" }, { formula: "=B3", v: "cst_demo0002" }, { v: 45761, f: "0" }, "", "TRUE", ""],
];

describe("setupSheets over data the team typed", () => {
  test("text dates, zero-led numbers, formulas and ja/nee stay exactly as typed; a second run changes nothing", async () => {
    const w = await world({ sheets: { Offers: OFFERS, "Offer lines": [["Offer number"], ["0012"]] } });
    const before = typed(w, "Offers", 6);
    setupTwice(w);
    expect(typed(w, "Offers", 6)).toEqual(before);
    // The cells that were filled keep their format: "0012" is no date, 13 still shows 0013.
    expect(w.ss.displayValues("Offers")[1]?.slice(0, 3)).toEqual(["0012", "cst_jansen1", "14-04-2025"]);
    expect(w.ss.displayValues("Offers")[2]?.[0]).toBe("0013");
    // The empty cells below get the contract's formats.
    expect(w.ss.getCell("Offers", 10, 1)?.numberFormat).toBe("@");
    expect(w.ss.getCell("Offers", 10, 2)?.numberFormat).toBe("@");
    expect(w.ss.getCell("Offers", 10, 3)?.numberFormat).toMatch(/y.*m.*d/);
  });

  test("the team's own checkboxes with ja/nee as checked/unchecked values stay checkboxes", async () => {
    const ja = { criteria: "CHECKBOX", values: ["ja", "nee"], allowInvalid: false } as const;
    const w = await world({
      sheets: {
        Offers: [
          ["Offer number", "Customer ID", "Issued at", "Send notification"],
          ["A-1", "cst_demo0001", "2025-04-14", "ja"],
          ["A-2", "cst_demo0001", "2025-04-14", "nee"],
        ],
      },
    });
    for (const row of [2, 3]) {
      const cell = w.ss.getCell("Offers", row, 4);
      if (cell) cell.validation = ja;
    }
    setupTwice(w);
    for (const row of [2, 3]) expect(w.ss.getCell("Offers", row, 4)?.validation).toEqual(ja);
    // Rows without a rule get the product's checkbox.
    expect(w.ss.getCell("Offers", 4, 4)?.validation?.criteria).toBe("CHECKBOX");
  });

  test("a VAT rate column with the team's own list (0,09, 21%): values untouched, the contract's list set", async () => {
    const theirs = {
      criteria: "VALUE_IN_LIST",
      values: [["21%", "0,09", "0"], true],
      allowInvalid: false,
    } as const;
    const w = await world({
      sheets: {
        "Offer lines": [
          ["Offer number", "Description", "Amount excl. VAT", "VAT rate"],
          ["A-1", "Werk", "10,00", "21%"],
          ["A-1", "Boek", "5,00", "0,09"],
          ["A-1", "Korting", "-1,00", { v: 0.21, f: "0%" }],
        ],
      },
    });
    for (const row of [2, 3, 4]) {
      const cell = w.ss.getCell("Offer lines", row, 4);
      if (cell) cell.validation = theirs;
    }
    const before = typed(w, "Offer lines", 4);
    setupTwice(w);
    expect(typed(w, "Offer lines", 4)).toEqual(before);
    const rule = w.ss.getCell("Offer lines", 3, 4)?.validation;
    expect(rule?.criteria).toBe("VALUE_IN_LIST");
    expect(((rule?.values[0] ?? []) as string[]).slice().sort()).toEqual(["0", "21", "9"]);
    expect(rule?.allowInvalid).toBe(true);
  });
});

describe("headers and sheet names as teams write them", () => {
  test("Dutch headers in odd case in a sheet named offers, English ones in Offerteregels: no second column for a field", async () => {
    const w = await world({
      locale: "en_US",
      sheets: {
        offers: [
          [
            "OFFERTENUMMER",
            "klant",
            "Offerte datum",
            "vervaldatum",
            "Notificatie-versturen",
            "STATUS",
            "Melding",
          ],
          ["R-1", "cst_demo0001", "2025-04-14", "", "", "", ""],
        ],
        "Offerteregels ": [
          ["offer_number", "DESCRIPTION", "amount excl vat", "vat-rate"],
          ["R-1", "Werk", "10.00", "21"],
        ],
      },
    });
    setupTwice(w);
    // Found by name, never renamed, and no English twin made.
    expect(w.ss.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(["offers", "Offerteregels "]));
    expect(w.ss.findSheet("Offers")).toBeUndefined();
    expect(w.ss.findSheet("Offer lines")).toBeUndefined();
    for (const h of [
      "Offer number",
      "Customer ID",
      "Issued at",
      "Expires at",
      "Send notification",
      "Message",
    ])
      expect({ h, n: countOf(w, "offers", h) }).toEqual({ h, n: 0 });
    expect(countOf(w, "offers", "Klant")).toBe(1);
    // The columns it adds follow the sheet's headers: Dutch in offers, English in the lines sheet.
    expect(headerRow(w, "offers").slice(7)).toEqual(
      expect.arrayContaining(["Offerte-ID", "Bedrag", "Aangemaakt op", "Geaccepteerd op", "Afgewezen op"]),
    );
    expect(headerRow(w, "Offerteregels ").slice(4)).toEqual(["Message"]);
    // The offer is sent from these sheets.
    runOk(w, "createPendingOffers");
    // Statuses in the language of the sheet's headers (CONTRACT §7a).
    expect(w.ss.displayValues("offers")[1]?.[5]).toBe("aangemaakt");
  });

  test("a Run log with the team's own columns in between: rows are written under the right headers", async () => {
    const headers = [...RUN_LOG_HEADERS.slice(0, 2), "Checked by", ...RUN_LOG_HEADERS.slice(2), "Remarks"];
    const w = await world({
      sheets: {
        Offers: [
          ["Offer number", "Customer ID", "Issued at"],
          ["R-1", "cst_demo0001", "2025-04-14"],
        ],
        "Offer lines": [
          ["Offer number", "Description", "Amount excl. VAT", "VAT rate"],
          ["R-1", "Werk", "10.00", "21"],
        ],
        "Run log": [
          headers,
          ["2025-01-01 10:00:00", "create", "Piet", "menu", 1, 0, 0, 0, 0, 1.5, "old", "ok"],
        ],
      },
    });
    const before = typed(w, "Run log", headers.length);
    setupTwice(w);
    expect(headerRow(w, "Run log")).toEqual(headers);
    expect(typed(w, "Run log", headers.length)).toEqual(before);
    runOk(w, "validateOffers");
    const last = w.ss.displayValues("Run log")[2] ?? [];
    expect(last[1]).toBe("validate");
    expect(last[2]).toBe("");
    expect(last[3]).toBe("menu");
    expect(last[headers.length - 1]).toBe("");
  });
});
