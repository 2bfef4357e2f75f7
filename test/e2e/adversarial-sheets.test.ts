// Adversarial pass (CONTRACT §4, §7a): sheets as real sales teams shape them — headers with colons and
// odd spacing, Dutch headers under an English sheet name and the reverse, statuses typed in the other
// language, totals rows, text-only lines and lines of offers that are not pending.

import { afterAll, describe, expect, test } from "@jest/globals";
import { LINE_HEADERS_NL, OFFER_HEADERS_NL } from "../fixtures/headers";
import { messageOf, statusOf } from "./probes";
import {
  cellText,
  LINE_HEADERS,
  OFFER_HEADERS,
  postedBodies,
  postedNumbers,
  runLogMessages,
  runOk,
  sheetColumn,
  stopDouble,
  world,
} from "./world";

afterAll(stopDouble);

describe("adversarial sheet shapes", () => {
  test("headers with trailing colons, upper case, non-breaking and double spaces are ours", async () => {
    const offerHeaders = OFFER_HEADERS.map((h, i) =>
      i === 0 ? "Offer number:" : i === 1 ? "  CUSTOMER\u00a0ID " : i === 2 ? "Issued  at :" : h,
    );
    const lineHeaders = ["offer number:", "Description:", "Amount excl. VAT (€)", "VAT rate %"];
    const w = await world({
      offerHeaders,
      lineHeaders,
      offers: [["HC-1", "cst_demo0001", "2025-04-14"]],
      lines: [["HC-1", "Work", "12,50", 21]],
    });
    runOk(w, "createPendingOffers");
    const bodies = await postedBodies(w.api);
    // `Amount excl. VAT (€)` and `VAT rate %` normalize to amountexclvat / vatrate: letters and digits only.
    expect(bodies).toEqual([
      expect.objectContaining({
        offerNumber: "HC-1",
        customerId: "cst_demo0001",
        issuedAt: "2025-04-14",
        lines: [{ description: "Work", amountExclVat: "12.50", vatRate: 21 }],
      }),
    ]);
    expect(cellText(w.ss, "Offers", 2, "Status")).toBe("created");
  });

  test("Dutch headers in a sheet named Offers, English headers in Offerteregels: statuses follow the headers", async () => {
    const w = await world({
      sheets: {
        Offers: [OFFER_HEADERS_NL, ["MX-1", "cst_demo0001", "2025-04-14"]],
        Offerteregels: [LINE_HEADERS, ["MX-1", "Werk", "1.234,50", 21]],
      },
    });
    runOk(w, "createPendingOffers");
    expect(await postedNumbers(w.api)).toEqual(["MX-1"]);
    // §7a: statuses are written in the language of that sheet's headers.
    expect(sheetColumn(w.ss, "Offers", "Status")).toEqual(["aangemaakt"]);
  });

  test("English headers in a sheet named Offertes on a Dutch locale: English statuses, Dutch Melding texts", async () => {
    const w = await world({
      locale: "nl_NL",
      sheets: {
        Offertes: [
          OFFER_HEADERS,
          ["EN-1", "cst_demo0001", "2025-04-14"],
          ["EN-2", "cst_demo0001", "2025-04-31"],
        ],
        "Offer lines": [LINE_HEADERS, ["EN-1", "Work", "1.234,50", 21], ["EN-2", "Work", 1, 21]],
      },
    });
    runOk(w, "createPendingOffers");
    expect(await postedBodies(w.api)).toEqual([
      expect.objectContaining({
        offerNumber: "EN-1",
        lines: [expect.objectContaining({ amountExclVat: "1234.50" })],
      }),
    ]);
    expect(sheetColumn(w.ss, "Offertes", "Status")).toEqual(["created", "invalid"]);
    // The Message names the field as this sheet's header does, in the locale's language.
    const message = sheetColumn(w.ss, "Offertes", "Message")[1] ?? "";
    expect(message).toMatch(/Issued at/);
    expect(message).toMatch(/april|30/i);
    expect(message).not.toMatch(/\bis not a real\b/);
  });

  test("statuses typed in the other language: overslaan in an English sheet, skip in a Dutch one, toch versturen after a warning", async () => {
    const en = await world({
      offers: [
        ["XL-1", "cst_demo0001", "2025-04-14", "", "", "Overslaan"],
        ["XL-2", "cst_demo0001", "2025-04-14", "", "", " TOCH VERSTUREN "],
        ["XL-3", "cst_demo0001", "2025-04-14"],
      ],
      lines: [
        ["XL-1", "Work", 1, 21],
        ["XL-2", "Credit", -5, 21],
        ["XL-3", "Work", 1, 21],
      ],
    });
    runOk(en, "createPendingOffers");
    expect((await postedNumbers(en.api)).sort()).toEqual(["XL-2", "XL-3"]);
    expect(statusOf(en, "XL-1")).toBe("Overslaan");
    expect(statusOf(en, "XL-2")).toBe("created");

    const nl = await world({
      locale: "nl_NL",
      sheets: {
        Offertes: [
          OFFER_HEADERS_NL,
          ["NX-1", "cst_demo0001", "2025-04-14", "", "", "skip"],
          ["NX-2", "cst_demo0001", "2025-04-14", "", "", "Send anyway"],
        ],
        Offerteregels: [LINE_HEADERS_NL, ["NX-1", "Werk", 1, 21], ["NX-2", "Korting", -5, 21]],
      },
    });
    runOk(nl, "createPendingOffers");
    expect(await postedNumbers(nl.api)).toEqual(["NX-2"]);
    expect(sheetColumn(nl.ss, "Offertes", "Status")).toEqual(["skip", "aangemaakt"]);
  });

  test("a totals row under the lines (no offer number, a SUM): the offers are sent without it, and it is reported", async () => {
    const w = await world({
      offers: [["TT-1", "cst_demo0001", "2025-04-14"]],
      lines: [
        ["TT-1", "Work", 100, 21],
        ["TT-1", "More work", 50, 21],
        [],
        ["", "Total", { v: 150, formula: "=SUM(C2:C3)" }, ""],
      ],
    });
    runOk(w, "createPendingOffers");
    const bodies = await postedBodies(w.api);
    expect(bodies.map((b) => (b.lines as { description: string }[]).map((l) => l.description))).toEqual([
      ["Work", "More work"],
    ]);
    expect(statusOf(w, "TT-1")).toBe("created");
    // §5: a line that matches no offer is reported in the Run log, never silently dropped.
    expect(runLogMessages(w.ss).join("\n")).toMatch(/row 5 of Offer lines/);
  });

  test("a totals row under the offers (Total + formula): invalid with a message, the other offers still sent", async () => {
    const w = await world({
      offers: [
        ["TO-1", "cst_demo0001", "2025-04-14"],
        ["TO-2", "cst_demo0001", "2025-04-14"],
        ["Total", "", "", "", "", "", "", { v: "2.00", formula: "=SUM(H2:H3)" }],
      ],
      lines: [
        ["TO-1", "Work", 1, 21],
        ["TO-2", "Work", 1, 21],
      ],
    });
    runOk(w, "createPendingOffers");
    expect((await postedNumbers(w.api)).sort()).toEqual(["TO-1", "TO-2"]);
    expect(statusOf(w, "Total")).toBe("invalid");
    expect(messageOf(w, "Total")).toMatch(/Customer/);
  });

  test("a heading line with a description but no amount or VAT rate: invalid naming the line and both fields", async () => {
    const w = await world({
      offers: [["HL-1", "cst_demo0001", "2025-04-14"]],
      lines: [
        ["HL-1", "Optional items:", "", ""],
        ["HL-1", "Work", 10, 21],
      ],
    });
    runOk(w, "createPendingOffers");
    expect(await postedBodies(w.api)).toEqual([]);
    expect(statusOf(w, "HL-1")).toBe("invalid");
    const message = messageOf(w, "HL-1");
    expect(message).toMatch(/Line 1/);
    expect(message).toMatch(/Amount excl\. VAT/);
    expect(message).toMatch(/VAT rate/);
  });

  test("lines of created, skipped and failed offers are not reported as lines without an offer", async () => {
    const w = await world({
      offers: [
        ["NP-1", "cst_demo0001", "2025-04-14", "", "", "created", "off_x1"],
        ["NP-2", "cst_demo0001", "2025-04-14", "", "", "skip"],
        ["NP-3", "cst_demo0001", "2025-04-14", "", "", "failed", "", "", "Nope"],
        ["NP-4", "cst_demo0001", "2025-04-14"],
      ],
      lines: [
        ["NP-1", "Work", 1, 21],
        ["NP-2", "Work", 1, 21],
        ["NP-3", "Work", 1, 21],
        ["NP-4", "Work", 1, 21],
        ["NP-9", "Orphan", 1, 21],
      ],
    });
    runOk(w, "createPendingOffers");
    expect(await postedNumbers(w.api)).toEqual(["NP-4"]);
    const log = runLogMessages(w.ss).join("\n");
    // The orphan line (sheet row 6) is named; the lines of offers that exist (rows 2-4) are not.
    expect(log).toMatch(/row 6 of Offer lines/);
    expect(log).not.toMatch(/rows? [2-4]\b|NP-1|NP-2|NP-3/);
  });

  test("a number cell as description (an article code) is sent as shown, not refused as no text", async () => {
    const w = await world({
      offers: [["ND-1", "cst_demo0001", "2025-04-14"]],
      lines: [["ND-1", 40123, 10, 21]],
    });
    runOk(w, "createPendingOffers");
    const body = (await postedBodies(w.api))[0];
    if (body) expect(body.lines).toEqual([{ description: "40123", amountExclVat: "10.00", vatRate: 21 }]);
    else expect(messageOf(w, "ND-1")).toMatch(/Description/);
  });
});

describe("two columns for one field", () => {
  // [label, extra header at the end of Offers, its value in the row]
  const CASES: [string, string, string][] = [
    ["a second Customer ID holding another customer", "Customer ID", "cst_demo0002"],
    ["Customer beside Customer ID (CONTRACT §4a allows either, not both)", "Customer", "cst_demo0002"],
    ["a second STATUS column where the user typed skip", "STATUS", "skip"],
    ["Offertenummer beside Offer number (a sheet translated halfway)", "Offertenummer", "DC-2"],
  ];
  test.each(CASES)(
    "%s: nothing is sent, the user is told which columns clash",
    async (_label, extra, value) => {
      const w = await world({
        offerHeaders: [...OFFER_HEADERS, extra],
        offers: [["DC-1", "cst_demo0001", "2025-04-14", "", "", "", "", "", "", "", "", "", value]],
        lines: [
          ["DC-1", "Work", 1, 21],
          ["DC-2", "Work", 1, 21],
        ],
      });
      runOk(w, "createPendingOffers");
      expect(await postedBodies(w.api)).toEqual([]);
      const told = w.ss.alerts.at(-1)?.message ?? "";
      expect(told).toContain(`"${extra}" (column M)`);
      expect(told).toMatch(/column [ABF]\)/);
      expect(runLogMessages(w.ss).at(-1)).toBe(told);
      runOk(w, "validateOffers");
      expect(w.ss.alerts.at(-1)?.message).toBe(told);
    },
  );

  test("two Amount excl. VAT columns in Offer lines (a Dutch copy beside it): nothing sent, in Dutch on a Dutch locale", async () => {
    const w = await world({
      locale: "nl_NL",
      lineHeaders: [...LINE_HEADERS, "Bedrag excl. btw"],
      offers: [["DA-1", "cst_demo0001", "2025-04-14"]],
      lines: [["DA-1", "Work", 1, 21, 100]],
    });
    runOk(w, "createPendingOffers");
    expect(await postedBodies(w.api)).toEqual([]);
    expect(w.ss.alerts.at(-1)?.message).toBe(
      'Het tabblad Offer lines heeft meer dan één kolom voor hetzelfde veld: "Amount excl. VAT" (kolom C), "Bedrag excl. btw" (kolom E). Geef één ervan een andere naam of verwijder hem, zodat duidelijk is welke kolom wordt gebruikt. Er is niets verstuurd.',
    );
    // Once the copy is renamed, the offer goes.
    w.ss.setCell("Offer lines", 1, 5, "Bedrag (oud)");
    runOk(w, "createPendingOffers");
    expect((await postedBodies(w.api)).map((b) => b.offerNumber)).toEqual(["DA-1"]);
  });
});
