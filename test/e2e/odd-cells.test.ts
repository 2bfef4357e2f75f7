// Odd cells: booleans where text or numbers are wanted, formulas returning blanks, spaces, unchecked
// boxes, and error cells.

import { afterAll, describe, expect, test } from "@jest/globals";
import { messageOf, statusOf } from "./probes";
import { postedBodies, postedNumbers, runLogMessages, runOk, sheetColumn, stopDouble, world } from "./world";

afterAll(stopDouble);

describe("odd cells: booleans, formulas, spaces", () => {
  test("TRUE/FALSE in columns that want text, amounts or rates: invalid with the field named, no crash", async () => {
    const w = await world({
      offers: [
        ["B-1", true, "2025-04-14"],
        ["B-2", "cst_demo0001", true],
        ["B-3", "cst_demo0001", "2025-04-14"],
        ["B-4", "cst_demo0001", "2025-04-14"],
        ["B-5", "cst_demo0001", "2025-04-14", "", "misschien"],
      ],
      lines: [
        ["B-1", "Work", 1, 21],
        ["B-2", "Work", 1, 21],
        ["B-3", "Work", true, 21],
        ["B-4", "Work", 1, { v: false, checkbox: false }],
        ["B-5", "Work", 1, 21],
      ],
    });
    runOk(w, "createPendingOffers");
    expect(await postedBodies(w.api)).toEqual([]);
    const expected: [string, RegExp][] = [
      ["B-1", /Customer ID/],
      ["B-2", /Issued at/],
      ["B-3", /Amount excl\. VAT/],
      ["B-4", /VAT rate/],
      ["B-5", /Send notification/],
    ];
    for (const [n, re] of expected) {
      expect({ n, s: statusOf(w, n) }).toEqual({ n, s: "invalid" });
      expect({ n, m: messageOf(w, n) }).toEqual({ n, m: expect.stringMatching(re) });
    }
  });

  test('rows whose only content is formulas returning "", spaces or unchecked boxes are blank, wherever they are', async () => {
    const emptyFormula = { formula: '=IF(Z1="","",Z1)', v: "" };
    const w = await world({
      offers: [
        [emptyFormula, emptyFormula, emptyFormula, emptyFormula, { v: false, checkbox: false }],
        ["F-1", "cst_demo0001", "2025-04-14"],
        ["   ", "\u00a0", " ", "", { v: false, checkbox: false }],
        [emptyFormula, "", "", "", ""],
        ["F-2", "cst_demo0001", "2025-04-14"],
      ],
      lines: [
        [emptyFormula, emptyFormula, emptyFormula, emptyFormula],
        ["F-1", "Work", 1, 21],
        ["  ", " ", "\u00a0", ""],
        ["F-2", "Work", 2, 21],
        [emptyFormula, "", "", ""],
      ],
    });
    runOk(w, "createPendingOffers");
    expect(await postedNumbers(w.api)).toEqual(["F-1", "F-2"]);
    expect(sheetColumn(w.ss, "Offers", "Status")).toEqual(["", "created", "", "", "created"]);
    expect(sheetColumn(w.ss, "Offers", "Message")).toEqual(["", "", "", "", ""]);
    expect(runLogMessages(w.ss).at(-1)).not.toMatch(/match no offer/);
    // The template's formulas are still there.
    expect(w.ss.getCell("Offers", 2, 1)?.formula).toBe('=IF(Z1="","",Z1)');
  });

  test("error cells and formulas returning text where a date or amount is wanted: invalid with a message", async () => {
    const w = await world({
      offers: [
        ["E-1", { formula: "=VLOOKUP(A2,X:Y,2,0)", v: "#N/A" }, "2025-04-14"],
        ["E-2", "cst_demo0001", { formula: '=IF(TRUE,"TBD")', v: "TBD" }],
        ["E-3", "cst_demo0001", "2025-04-14"],
        [{ formula: "=1/0", v: "#DIV/0!" }, "cst_demo0001", "2025-04-14"],
      ],
      lines: [
        ["E-1", "Work", 1, 21],
        ["E-2", "Work", 1, 21],
        ["E-3", "Work", { formula: '=IF(TRUE,"n/a")', v: "n/a" }, 21],
        ["E-3", { formula: "=B99", v: "#REF!" }, 1, 21],
      ],
    });
    runOk(w, "createPendingOffers");
    expect(await postedBodies(w.api)).toEqual([]);
    const st = sheetColumn(w.ss, "Offers", "Status");
    expect(st).toEqual(["invalid", "invalid", "invalid", "invalid"]);
    const m = sheetColumn(w.ss, "Offers", "Message");
    expect(m[0]).toMatch(/Customer ID.*#N\/A/);
    expect(m[1]).toMatch(/Issued at/);
    expect(m[2]).toMatch(/Amount excl\. VAT/);
    expect(m[2]).toMatch(/Description.*#REF!/);
    expect(m[3]).toMatch(/Offer number/);
  });
});
