// Customers around the other entry points (CONTRACT §3, §4a, §7a): setupSheets creates Customers and
// New customers and a dropdown on the Offers customer column that still takes a typed ID; the hourly
// run syncs customers at most once a day; a refused per_page is remembered for the customer list;
// the Dutch sheets Klanten and Nieuwe klanten are used as the English ones.

import { afterAll, describe, expect, test } from "@jest/globals";
import {
  CUSTOMER_HEADERS,
  customer,
  customerIds,
  customerRequests,
  customerWorld,
  lineRow,
  NEW_HEADERS,
  offerRow,
} from "./customers-world";
import {
  expectOk,
  LINE_HEADERS,
  OFFER_HEADERS,
  runOk,
  sheetColumn,
  spreadsheetState,
  stopDouble,
  type World,
} from "./world";

afterAll(stopDouble);

const people = [
  customer(1, { companyName: "Bakkerij de Vries B.V.", primaryEmail: "info@bakkerij.nl" }),
  customer(2, { companyName: "Schilder Smit", primaryEmail: "smit@example.nl" }),
];

const headerRow = (w: World, sheet: string): string[] => w.ss.displayValues(sheet)[0] ?? [];
const listPages = async (w: World) => (await customerRequests(w)).filter((r) => r.route === "GET /customers");

describe("setupSheets", () => {
  test("creates Customers and New customers, and a dropdown of company names that allows a typed ID", async () => {
    const w = await customerWorld(people, {
      offers: [offerRow("S1", "cst_t0002"), offerRow("S2", "bakkerij de vries")],
      lines: ["S1", "S2"].map(lineRow),
    });
    runOk(w, "setupSheets");
    expect(headerRow(w, "Customers")).toEqual(CUSTOMER_HEADERS);
    // New customers: the columns people fill and the tool's own, plus the hidden bookkeeping column.
    expect(headerRow(w, "New customers").slice(0, NEW_HEADERS.length)).toEqual(NEW_HEADERS);
    expect(headerRow(w, "New customers").slice(NEW_HEADERS.length)).toEqual(["MKP sent"]);

    const column = (OFFER_HEADERS as readonly string[]).indexOf("Customer ID") + 1;
    const rule = w.ss.getCell("Offers", 2, column)?.validation;
    expect(rule?.criteria).toBe("VALUE_IN_RANGE");
    expect(String(rule?.values[0])).toMatch(/^Customers!B2:B\d+$/);
    expect(rule?.allowInvalid).toBe(true);
    expect(w.ss.getCell("Offers", 1, column)?.validation).toBeUndefined();

    // An ID and a name both go through, and the resolved ID is written into the validated column.
    runOk(w, "createPendingOffers");
    expect(w.column("Status")).toEqual(["created", "created"]);
    expect(w.column("Customer ID")).toEqual(["cst_t0002", "cst_t0001"]);

    // A second setupSheets changes nothing.
    const before = spreadsheetState(w.ss);
    runOk(w, "setupSheets");
    expect(spreadsheetState(w.ss)).toEqual(before);
  });

  test("Klanten and Nieuwe klanten with Dutch headers are used as Customers and New customers", async () => {
    // Creating them in Dutch follows the execution's language (the Dutch work wires the locale in).
    const klanten = [
      "Klant-ID",
      "Bedrijfsnaam",
      "E-mail",
      "Plaats",
      "Postcode",
      "Klantgroepen",
      "Aangemaakt op",
      "Melding",
    ];
    const nieuw = [
      "Bedrijfsnaam",
      "Adres",
      "Postcode",
      "Plaats",
      "E-mail",
      "Landcode",
      "Telefoon",
      "Status",
      "Klant-ID",
      "Melding",
    ];
    const w = await customerWorld(people, {
      locale: "nl_NL",
      sheets: {
        Offers: [OFFER_HEADERS, offerRow("K1", "Schilder Smit"), offerRow("K2", "Drukkerij Smit")],
        "Offer lines": [LINE_HEADERS, lineRow("K1"), lineRow("K2")],
        Klanten: [klanten],
        "Nieuwe klanten": [
          nieuw,
          [
            "Drukkerij Smit",
            "Stationsweg 12",
            "3811 AB",
            "Amersfoort",
            "info@drukkerijsmit.nl",
            "",
            "",
            "",
            "",
            "",
          ],
        ],
      },
    });
    runOk(w, "setupSheets");
    expect(w.ss.findSheet("Customers")).toBeUndefined();
    expect(w.ss.findSheet("New customers")).toBeUndefined();
    expect(headerRow(w, "Klanten")).toEqual(klanten);
    expect(headerRow(w, "Nieuwe klanten").slice(0, nieuw.length)).toEqual(nieuw);

    runOk(w, "createPendingOffers");
    expect(w.column("Status")).toEqual(["created", "created"]);
    expect(sheetColumn(w.ss, "Klanten", "Klant-ID").slice(0, 2)).toEqual(["cst_t0001", "cst_t0002"]);
    const [made] = (await w.api.customers()).filter((c) => c.companyName === "Drukkerij Smit");
    expect(sheetColumn(w.ss, "Nieuwe klanten", "Klant-ID")).toEqual([made?.id]);
    // Statuses in the language of the sheet's headers.
    expect(sheetColumn(w.ss, "Nieuwe klanten", "Status")).toEqual(["aangemaakt"]);
    expect(w.column("Customer ID")).toEqual(["cst_t0002", made?.id]);
  });
});

describe("the hourly run", () => {
  test("syncs the customer list at most once a day", async () => {
    const w = await customerWorld(people, {
      sheets: { Offers: [OFFER_HEADERS], "Offer lines": [LINE_HEADERS] },
    });
    runOk(w, "setupSheets");
    expectOk(w.run("enableScheduledRuns"));
    const syncsAt: number[] = [];
    for (let hour = 0; hour < 30; hour++) {
      const before = (await listPages(w)).length;
      const run = w.rt.advanceToNextTrigger();
      expect(run?.fn).toBe("runScheduledBatch");
      expectOk(run as NonNullable<typeof run>);
      if ((await listPages(w)).length > before) syncsAt.push(hour);
      if (hour === 2) await w.api.addCustomers([customer(3)]);
    }
    // The first hourly run, then the one a day later; the customer added meanwhile arrives with it.
    expect(syncsAt).toHaveLength(2);
    const [first, second] = syncsAt as [number, number];
    expect(second - first).toBeGreaterThanOrEqual(23);
    expect(second - first).toBeLessThanOrEqual(25);
    expect(customerIds(w)).toEqual(["cst_t0001", "cst_t0002", "cst_t0003"]);
  });
});

describe("per_page on the customer list", () => {
  test("refused once: asked for without it from then on, also in the next sync", async () => {
    const many = Array.from({ length: 40 }, (_, i) => customer(i + 1));
    const w = await customerWorld(many, { config: { perPageMode: "refuse" } });
    runOk(w, "syncCustomers");
    const first = await listPages(w);
    const refused = first.filter((r) => r.status === 422);
    expect(refused.length).toBeGreaterThanOrEqual(1);
    expect(refused.every((r) => r.query.per_page !== undefined)).toBe(true);
    expect(first.filter((r) => r.status === 200).every((r) => r.query.per_page === undefined)).toBe(true);
    expect(customerIds(w)).toHaveLength(40);

    await w.api.clearRequests();
    w.rt.clock.advance(25 * 3_600_000);
    runOk(w, "syncCustomers");
    const second = await listPages(w);
    expect(second.map((r) => [r.query.page, r.query.per_page, r.status])).toEqual([
      ["1", undefined, 200],
      ["2", undefined, 200],
      ["3", undefined, 200],
    ]);
  });
});
