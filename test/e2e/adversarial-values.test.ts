// Adversarial pass (CONTRACT §4, §5, §7a): cell values as Dutch and English teams paste and compute
// them — Unicode minus signs, accounting brackets, formula results with float tails, serial-number
// dates, two-digit years, month names, and notification flags nobody listed.

import { afterAll, describe, expect, test } from "@jest/globals";
import { LINE_HEADERS_NL, OFFER_HEADERS_NL } from "../fixtures/headers";
import { bodyOf, messageOf, sentLines, statusOf } from "./probes";
import { postedBodies, runOk, sheetColumn, stopDouble, world } from "./world";

afterAll(stopDouble);

/** Each case is either sent with the expected value, or held as invalid with a Message naming the field. */
type Outcome = { sent: string } | { refused: RegExp };

describe("adversarial cell values", () => {
  test("amounts a sign or a separator away from a wrong price are never sent wrong", async () => {
    // [amount cell, what may be sent (undefined: must be refused)]
    const cases: [unknown, string | undefined][] = [
      ["\u221212,50", "-12.50"], // U+2212 MINUS SIGN, as copied from a PDF or Word
      ["(12.50)", "-12.50"], // accounting negative; sending 12.50 would turn a discount into a price
      ["12.50-", undefined], // SAP-style trailing minus
      ["1\u00a0234,50", "1234.50"], // non-breaking space as thousands separator (Excel nl/fr)
      ["1\u202f234,50", "1234.50"], // narrow no-break space
      ["12,50 €", "12.50"],
      ["€\u00a012,50", "12.50"],
      ["12.5.0", undefined],
      ["1,2,3", undefined],
      ["12e3", undefined],
      ["0x10", undefined],
      ["Infinity", undefined],
    ];
    const w = await world({
      offers: cases.map((_, i) => [`AV-${i + 1}`, "cst_demo0001", "2025-04-14", "", "", "send anyway"]),
      lines: cases.map(([amount], i) => [`AV-${i + 1}`, "Work", amount, 21]),
    });
    runOk(w, "createPendingOffers");
    for (const [i, [amount, expected]] of cases.entries()) {
      const n = `AV-${i + 1}`;
      const sent = (await sentLines(w, n)).map((l) => l.amountExclVat);
      if (sent.length > 0) expect({ amount, sent }).toEqual({ amount, sent: [expected] });
      else
        expect({ amount, m: messageOf(w, n) }).toEqual({
          amount,
          m: expect.stringMatching(/Amount excl\. VAT/),
        });
    }
  });

  test("a formula result with a float tail (3 × 1.1 = 3.3000000000000003, shown 3.30) is sent as 3.30", async () => {
    const w = await world({
      offers: [["FT-1", "cst_demo0001", "2025-04-14"]],
      lines: [
        ["FT-1", "3 hours", { v: 3 * 1.1, f: "0.00", formula: "=3*1.1" }, 21],
        ["FT-1", "0.1 + 0.2", { v: 0.1 + 0.2, formula: "=0.1+0.2" }, 21],
      ],
    });
    runOk(w, "createPendingOffers");
    expect(statusOf(w, "FT-1")).toBe("created");
    expect((await sentLines(w, "FT-1")).map((l) => l.amountExclVat)).toEqual(["3.30", "0.30"]);
    expect(sheetColumn(w.ss, "Offers", "Amount")).toEqual(["3.60"]);
  });

  test("number cells shown as currency or formatted as text are read as shown", async () => {
    const w = await world({
      offers: [["NF-1", "cst_demo0001", "2025-04-14"]],
      lines: [
        ["NF-1", "a", { v: 1234.5, f: "[$€-413] #,##0.00" }, 21],
        ["NF-1", "b", { v: "12.95", f: "@" }, { v: "21", f: "@" }],
        ["NF-1", "c", { v: 0.09, f: "0%" }, { v: 0.09, f: "0%" }],
      ],
    });
    runOk(w, "createPendingOffers");
    const lines = await sentLines(w, "NF-1");
    // The third amount is 0.09 of a euro shown as "9%": odd but a number; the VAT cell shown 9% is 9.
    expect(lines.map((l) => [l.amountExclVat, l.vatRate])).toEqual([
      ["1234.50", 21],
      ["12.95", 21],
      ["0.09", 9],
    ]);
  });

  test("VAT typed as 21 %, 21%, 0,21 or 0.21 text, and 'BTW hoog': 21 % forms sent as 21, fractions never as 0", async () => {
    const cases: [unknown, Outcome][] = [
      ["21 %", { sent: "21" }],
      ["21%", { sent: "21" }],
      ["21\u00a0%", { sent: "21" }],
      ["0,21", { refused: /VAT rate/ }],
      ["0.21", { refused: /VAT rate/ }],
      ["21.00%", { sent: "21" }],
      ["9%", { sent: "9" }],
      ["-21", { refused: /VAT rate/ }],
    ];
    const w = await world({
      offers: cases.map((_, i) => [`VR-${i + 1}`, "cst_demo0001", "2025-04-14"]),
      lines: cases.map(([vat], i) => [`VR-${i + 1}`, "Work", 1, vat]),
    });
    runOk(w, "createPendingOffers");
    for (const [i, [vat, outcome]] of cases.entries()) {
      const n = `VR-${i + 1}`;
      const rates = (await sentLines(w, n)).map((l) => String(l.vatRate));
      if ("sent" in outcome) expect({ vat, rates }).toEqual({ vat, rates: [outcome.sent] });
      else {
        expect({ vat, rates }).toEqual({ vat, rates: [] });
        expect({ vat, m: messageOf(w, n) }).toEqual({ vat, m: expect.stringMatching(outcome.refused) });
      }
    }
  });

  test("dates people type or paste: serial numbers, slashes, month names, two-digit years — right or refused", async () => {
    // [Issued at, the day it means]
    const cases: [unknown, string][] = [
      [45761, "2025-04-14"], // a date pasted as its serial number (a number cell)
      [{ v: 45761, f: "0" }, "2025-04-14"],
      ["2025/04/14", "2025-04-14"],
      ["14 April 2025", "2025-04-14"],
      ["April 14, 2025", "2025-04-14"],
      ["14-4-25", "2025-04-14"],
      ["2025-4-14 ", "2025-04-14"],
      ["20250414", "2025-04-14"],
      ["14.04.2025", "2025-04-14"],
    ];
    const w = await world({
      offers: cases.map(([issued], i) => [`DT-${i + 1}`, "cst_demo0001", issued]),
      lines: cases.map((_, i) => [`DT-${i + 1}`, "Work", 1, 21]),
    });
    runOk(w, "createPendingOffers");
    for (const [i, [issued, day]] of cases.entries()) {
      const n = `DT-${i + 1}`;
      const body = await bodyOf(w, n);
      if (body) expect({ issued, at: body.issuedAt }).toEqual({ issued, at: day });
      else {
        expect({ issued, status: statusOf(w, n) }).toEqual({
          issued,
          status: expect.stringMatching(/invalid|warning/),
        });
        expect({ issued, m: messageOf(w, n) }).toEqual({ issued, m: expect.stringMatching(/Issued at/) });
      }
    }
  });

  test("Dutch dates typed with month names and dots, in a Dutch sheet: right or refused, never another day", async () => {
    const cases: [unknown, string][] = [
      ["14 april 2025", "2025-04-14"],
      ["14 apr. 2025", "2025-04-14"],
      ["14.4.2025", "2025-04-14"],
      ["14-4-25", "2025-04-14"],
      ["1-2-2025", "2025-02-01"],
      ["maandag 14 april 2025", "2025-04-14"],
    ];
    const w = await world({
      locale: "nl_NL",
      sheets: {
        Offertes: [OFFER_HEADERS_NL, ...cases.map(([d], i) => [`ND-${i + 1}`, "cst_demo0001", d])],
        Offerteregels: [LINE_HEADERS_NL, ...cases.map((_, i) => [`ND-${i + 1}`, "Werk", 1, 21])],
      },
    });
    runOk(w, "createPendingOffers");
    const numbers = sheetColumn(w.ss, "Offertes", "Offertenummer");
    const statuses = sheetColumn(w.ss, "Offertes", "Status");
    const messages = sheetColumn(w.ss, "Offertes", "Melding");
    for (const [i, [issued, day]] of cases.entries()) {
      const n = `ND-${i + 1}`;
      const body = await bodyOf(w, n);
      const row = numbers.indexOf(n);
      if (body) expect({ issued, at: body.issuedAt }).toEqual({ issued, at: day });
      else
        expect({ issued, s: statuses[row], m: messages[row] }).toEqual({
          issued,
          s: expect.stringMatching(/ongeldig|waarschuwing/),
          m: expect.stringMatching(/Offertedatum/),
        });
    }
  });

  test("Expires at left blank: Issued at + 30 days across a month end, a leap day and a DST change", async () => {
    const cases: [unknown, string][] = [
      ["2025-01-31", "2025-03-02"],
      ["2024-02-15", "2024-03-16"],
      [{ date: "2025-03-15T00:00" }, "2025-04-14"],
      [{ date: "2025-10-10T23:30" }, "2025-11-09"],
    ];
    const w = await world({
      offers: cases.map(([d], i) => [`EX-${i + 1}`, "cst_demo0001", d, "", "", "send anyway"]),
      lines: cases.map((_, i) => [`EX-${i + 1}`, "Work", 1, 21]),
    });
    runOk(w, "createPendingOffers");
    for (const [i, [, expires]] of cases.entries()) {
      const body = await bodyOf(w, `EX-${i + 1}`);
      expect({ n: i + 1, expiresAt: body?.expiresAt }).toEqual({ n: i + 1, expiresAt: expires });
    }
  });

  test("Send notification typed as Ja / NEE / Yes / x / ✓: listed words sent, anything else never guessed", async () => {
    const cases: [unknown, boolean | null][] = [
      ["Ja", true],
      [" NEE ", false],
      ["Yes", true],
      ["x", true], // a ticked box typed by hand (the product reads x as yes on purpose)
      ["✓", null],
      ["misschien", null],
      [{ v: false, checkbox: true }, false],
    ];
    const w = await world({
      offers: cases.map(([flag], i) => [`SN-${i + 1}`, "cst_demo0001", "2025-04-14", "", flag]),
      lines: cases.map((_, i) => [`SN-${i + 1}`, "Work", 1, 21]),
    });
    runOk(w, "createPendingOffers");
    for (const [i, [flag, expected]] of cases.entries()) {
      const n = `SN-${i + 1}`;
      const body = await bodyOf(w, n);
      if (expected === null) {
        // An unknown word: either refused naming the field, or (a checkbox) not sent; never true.
        if (body) expect({ flag, sent: body.sendNotification }).toEqual({ flag, sent: undefined });
        else
          expect({ flag, m: messageOf(w, n) }).toEqual({
            flag,
            m: expect.stringMatching(/Send notification/),
          });
      } else if (flag !== null && typeof flag === "object") {
        // An unchecked checkbox is not typed data: false or not sent.
        expect([false, undefined]).toContainEqual(body?.sendNotification);
      } else {
        expect({ flag, sent: body?.sendNotification }).toEqual({ flag, sent: expected });
      }
    }
  });

  test("emoji, RTL text and combining accents in descriptions are sent exactly as typed", async () => {
    const descriptions = [
      "Installatie 🔧 + 🇳🇱 vlag",
      "שלום — עבודה",
      "Cafe\u0301 crème",
      "Line\nwith a break",
    ];
    const w = await world({
      offers: [["EM-1", "cst_demo0001", "2025-04-14"]],
      lines: descriptions.map((d) => ["EM-1", d, 1, 21]),
    });
    runOk(w, "createPendingOffers");
    const body = await bodyOf(w, "EM-1");
    expect(((body?.lines ?? []) as { description: string }[]).map((l) => l.description)).toEqual(
      descriptions,
    );
    expect(await postedBodies(w.api)).toHaveLength(1);
  });
});
