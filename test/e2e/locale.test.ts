// Dutch-locale input (CONTRACT §4): amounts typed with a decimal comma, number cells with grouping,
// percent VAT, ja/nee; and dates read in the spreadsheet's time zone whatever the script's zone.

import { afterAll, describe, expect, test } from "@jest/globals";
import { postedBodies, runOk, stopDouble, world } from "./world";

afterAll(stopDouble);

describe("Dutch locale", () => {
  test("amounts, VAT rates and Send notification as a Dutch sales team types them become exact bodies", async () => {
    const date = { date: "2025-04-14", f: "d-m-yyyy" };
    const w = await world({
      locale: "nl_NL",
      offers: [
        ["NL-1", "cst_demo0001", date, "", { v: true, checkbox: true }],
        ["NL-2", "cst_demo0002", date, "", { checkbox: false }],
        ["NL-3", "cst_demo0003", date, "", "ja"],
        // A discount-only offer (total below zero) is a warning (§5): confirmed with send anyway.
        ["NL-4", "cst_demo0001", date, "", "nee", "send anyway"],
        ["NL-5", "cst_demo0002", date, "", "yes"],
        ["NL-6", "cst_demo0003", date, "", "no"],
        ["NL-7", "cst_abc12345def678", date, "", ""],
        ["NL-8", "cst_demo0001", date, "", " Ja "],
        ["NL-9", "cst_demo0002", date, "", true],
        ["NL-10", "cst_demo0003", date, "", false],
      ],
      lines: [
        ["NL-1", "Ontwerp", "12,95", 21],
        ["NL-2", "Workshop", "€ 1.234,56", { v: 0.21, f: "0%" }],
        ["NL-3", "Licentie", { v: 1234.5, f: "#,##0.00" }, "21%"],
        ["NL-4", "Korting", "-10,00", { v: 0.09, f: "0%" }],
        ["NL-5", "Hosting", { v: 99.9, f: "#,##0.00" }, { v: 0, f: "0%" }],
        ["NL-6", "Support", " 7,5 ", "9"],
        ["NL-7", "Onderhoud", { v: 1234567.8, f: "#,##0.00" }, " 21 % "],
        ["NL-8", "Advies", "€1.000,00", { v: 0.09, f: "0.00%" }],
        ["NL-9", "Training", "0,10", 9],
        ["NL-10", "Extra", "0,20", 0],
      ],
    });
    // The fixture shows what a Dutch user sees.
    expect(w.ss.displayValues("Offer lines").slice(1, 4)).toEqual([
      ["NL-1", "Ontwerp", "12,95", "21"],
      ["NL-2", "Workshop", "€ 1.234,56", "21%"],
      ["NL-3", "Licentie", "1.234,50", "21%"],
    ]);
    runOk(w, "createPendingOffers");
    const bodies = new Map((await postedBodies(w.api)).map((b) => [b.offerNumber, b]));
    const offer = (n: string, customerId: string, lines: unknown[], notify?: boolean) => ({
      customerId,
      offerNumber: n,
      issuedAt: "2025-04-14",
      expiresAt: "2025-05-14",
      lines,
      ...(notify === undefined ? {} : { sendNotification: notify }),
    });
    const line = (description: string, amountExclVat: string, vatRate: number) => ({
      description,
      amountExclVat,
      vatRate,
    });
    expect(bodies.get("NL-1")).toEqual(offer("NL-1", "cst_demo0001", [line("Ontwerp", "12.95", 21)], true));
    expect(bodies.get("NL-2")).toEqual(
      offer("NL-2", "cst_demo0002", [line("Workshop", "1234.56", 21)], false),
    );
    expect(bodies.get("NL-3")).toEqual(
      offer("NL-3", "cst_demo0003", [line("Licentie", "1234.50", 21)], true),
    );
    expect(bodies.get("NL-4")).toEqual(offer("NL-4", "cst_demo0001", [line("Korting", "-10.00", 9)], false));
    expect(bodies.get("NL-5")).toEqual(offer("NL-5", "cst_demo0002", [line("Hosting", "99.90", 0)], true));
    expect(bodies.get("NL-6")).toEqual(offer("NL-6", "cst_demo0003", [line("Support", "7.50", 9)], false));
    expect(bodies.get("NL-7")).toEqual(
      offer("NL-7", "cst_abc12345def678", [line("Onderhoud", "1234567.80", 21)]),
    );
    expect(bodies.get("NL-7")).not.toHaveProperty("sendNotification");
    expect(bodies.get("NL-8")).toEqual(offer("NL-8", "cst_demo0001", [line("Advies", "1000.00", 9)], true));
    expect(bodies.get("NL-9")).toEqual(offer("NL-9", "cst_demo0002", [line("Training", "0.10", 9)], true));
    expect(bodies.get("NL-10")).toEqual(offer("NL-10", "cst_demo0003", [line("Extra", "0.20", 0)], false));
    expect(bodies.size).toBe(10);
    expect(w.column("Status")).toEqual(new Array(10).fill("created"));
    // Amounts written back as the API returns them (dot decimal), not reformatted by the locale.
    expect(w.column("Amount").slice(0, 4)).toEqual(["12.95", "1234.56", "1234.50", "-10.00"]);
  });
});

describe("dates are read in the spreadsheet's time zone, not the script's", () => {
  const ZONES: [spreadsheet: string, script: string][] = [
    ["Pacific/Auckland", "Europe/Amsterdam"],
    ["America/Los_Angeles", "Europe/Amsterdam"],
    ["Europe/Amsterdam", "Pacific/Auckland"],
    ["Europe/Amsterdam", "America/Los_Angeles"],
    ["Pacific/Auckland", "America/Los_Angeles"],
    ["America/Los_Angeles", "Pacific/Auckland"],
    ["Etc/UTC", "Pacific/Kiritimati"],
  ];

  test.each(ZONES)("spreadsheet in %s, script in %s", async (spreadsheetZone, scriptZone) => {
    const w = await world({
      timeZone: spreadsheetZone,
      locale: "nl_NL",
      runtime: { scriptTimeZone: scriptZone },
      offers: [
        // Midnight, around DST changes in Auckland (6 Apr), Amsterdam (30 Mar, 26 Oct), LA (9 Mar, 2 Nov).
        ["Z-1", "cst_demo0001", { date: "2025-03-09" }, { date: "2025-03-30" }, ""],
        ["Z-2", "cst_demo0001", { date: "2025-04-06", f: "d mmmm yyyy" }, { date: "2025-10-26" }, ""],
        // Late in the evening and just after midnight, with the default expiry of 30 days.
        ["Z-3", "cst_demo0002", { date: "2025-04-14T23:59" }, "", ""],
        [
          "Z-4",
          "cst_demo0002",
          { date: "2025-04-14T00:30", f: "d-m-yyyy" },
          { date: "2025-11-02T00:00" },
          "",
        ],
        ["Z-5", "cst_demo0003", { date: "2025-04-14", f: "yyyy-mm-dd" }, "", ""],
      ],
      lines: ["Z-1", "Z-2", "Z-3", "Z-4", "Z-5"].map((n) => [n, "Work", 10, 21]),
    });
    // The cells show these days in the spreadsheet.
    const shown = w.ss.displayValues("Offers").slice(1);
    expect(shown[1]?.[2]).toBe("6 april 2025");
    expect(shown[3]?.[2]).toBe("14-4-2025");
    expect(shown[4]?.[2]).toBe("2025-04-14");

    runOk(w, "createPendingOffers");
    const dates = (await postedBodies(w.api)).map((b) => [b.offerNumber, b.issuedAt, b.expiresAt]);
    expect(dates).toEqual([
      ["Z-1", "2025-03-09", "2025-03-30"],
      ["Z-2", "2025-04-06", "2025-10-26"],
      ["Z-3", "2025-04-14", "2025-05-14"],
      ["Z-4", "2025-04-14", "2025-11-02"],
      ["Z-5", "2025-04-14", "2025-05-14"],
    ]);
  });
});
