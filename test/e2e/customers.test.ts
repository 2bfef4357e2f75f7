// Customers (CONTRACT §4a) over the built bundle against the double: the sync (pages, incremental,
// resumed, gone), names in Offers resolved to IDs, and a key without customers.read.

import { afterAll, describe, expect, test } from "@jest/globals";
import { customer, customerIds, customerRequests, customerWorld, lineRow, offerRow } from "./customers-world";
import { cellText, OFFER_HEADERS, postedBodies, runOk, sheetColumn, stopDouble } from "./world";

afterAll(stopDouble);

describe("syncCustomers", () => {
  test("40 customers over 3 pages; a second sync rewrites only the 2 new and the 1 changed rows", async () => {
    const w = await customerWorld(Array.from({ length: 40 }, (_, i) => customer(i + 1)));
    runOk(w, "syncCustomers");
    expect(customerIds(w)).toEqual(
      Array.from({ length: 40 }, (_, i) => `cst_t${String(i + 1).padStart(4, "0")}`),
    );
    const pages = (await customerRequests(w)).filter((r) => r.route === "GET /customers");
    expect(pages.map((r) => r.query.page)).toEqual(["1", "2", "3"]);
    // A column the team adds is kept; mark every data cell to see which rows get written again.
    const sheet = w.ss.sheet("Customers");
    w.ss.setCell("Customers", 1, 9, "Account manager");
    w.ss.setCell("Customers", 5, 9, "Anna");
    // Rows written again get their cells formatted as plain text; the others keep this format.
    for (let r = 2; r <= 41; r++) {
      const cell = sheet.cell(r, 4);
      if (cell) cell.numberFormat = "0";
    }
    await w.api.addCustomers([customer(41), customer(42)]);
    await w.api.updateCustomer("cst_t0007", { city: "Zwolle" });
    await w.api.clearRequests();
    w.rt.clock.advance(60 * 60_000);
    runOk(w, "syncCustomers");
    const city = sheetColumn(w.ss, "Customers", "City");
    const rewritten = city.flatMap((_, i) => (sheet.cell(i + 2, 4)?.numberFormat === "0" ? [] : [i + 2]));
    expect(rewritten).toEqual([8, 42, 43]);
    expect(city[6]).toBe("Zwolle");
    expect(customerIds(w).slice(40)).toEqual(["cst_t0041", "cst_t0042"]);
    expect(cellText(w.ss, "Customers", 5, "Account manager")).toBe("Anna");
    expect(sheet.name).toBe("Customers");
  });

  test("a customer gone from MijnKlantportaal is marked on its row, not deleted", async () => {
    const w = await customerWorld(Array.from({ length: 5 }, (_, i) => customer(i + 1)));
    runOk(w, "syncCustomers");
    await w.api.deleteCustomer("cst_t0003");
    w.rt.clock.advance(60 * 60_000);
    runOk(w, "syncCustomers");
    expect(customerIds(w)).toHaveLength(5);
    expect(cellText(w.ss, "Customers", 4, "Message")).toMatch(/^No longer in MijnKlantportaal/);
    expect(cellText(w.ss, "Customers", 3, "Message")).toBe("");
  });

  test("a sync cut by the time limit goes on where it stopped in the next execution", async () => {
    // 10 requests a minute: 100 pages take longer than one execution may run.
    const w = await customerWorld(
      Array.from({ length: 1500 }, (_, i) => customer(i + 1)),
      { config: { rateLimit: 10 } },
    );
    runOk(w, "syncCustomers");
    const first = customerIds(w).length;
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(1500);
    const next = w.rt.advanceToNextTrigger();
    expect(next?.fn).toBe("runScheduledBatch");
    if (next?.error || next?.killed) throw new Error(String(next.error?.message ?? next.killed));
    for (let i = 0; i < 5 && customerIds(w).length < 1500; i++) w.rt.advanceToNextTrigger();
    expect(new Set(customerIds(w)).size).toBe(1500);
    expect(customerIds(w)).toHaveLength(1500);
    const pages = (await customerRequests(w)).filter((r) => r.route === "GET /customers");
    // 100 pages of 15, read once each (a few probes past the end at most).
    expect(pages.length).toBeLessThanOrEqual(104);
  });
});

describe("names in Offers", () => {
  const people = [
    customer(1, { companyName: "Bakkerij de Vries B.V.", primaryEmail: "info@bakkerij.nl" }),
    customer(2, { companyName: "Schilder Smit", primaryEmail: "smit@example.nl" }),
    customer(3, { companyName: "Jansen Bouw", primaryEmail: "a@jansen.nl" }),
    customer(4, { companyName: "Jansen Bouw B.V.", primaryEmail: "b@jansen.nl" }),
  ];

  test("by ID, exact name, other case and spacing, with and without B.V., and by e-mail", async () => {
    const w = await customerWorld(people, {
      offers: [
        offerRow("N1", "cst_t0002"),
        offerRow("N2", "Bakkerij de Vries B.V."),
        offerRow("N3", "  bakkerij DE  vries  "),
        offerRow("N4", "Bakkerij de Vries"),
        offerRow("N5", "Schilder Smit BV"),
        offerRow("N6", "INFO@bakkerij.nl"),
      ],
      lines: ["N1", "N2", "N3", "N4", "N5", "N6"].map(lineRow),
    });
    runOk(w, "createPendingOffers");
    const sent = (await postedBodies(w.api)).map((b) => [b.offerNumber, b.customerId]);
    expect(sent).toEqual([
      ["N1", "cst_t0002"],
      ["N2", "cst_t0001"],
      ["N3", "cst_t0001"],
      ["N4", "cst_t0001"],
      ["N5", "cst_t0002"],
      ["N6", "cst_t0001"],
    ]);
    expect(w.column("Status")).toEqual(Array(6).fill("created"));
    // The ID each name resolved to is shown on the row.
    expect(w.column("Customer ID")).toEqual([
      "cst_t0002",
      "cst_t0001",
      "cst_t0001",
      "cst_t0001",
      "cst_t0002",
      "cst_t0001",
    ]);
  });

  test("two customers with one name: invalid, both named; an unknown name: invalid with suggestions", async () => {
    const w = await customerWorld(people, {
      offers: [offerRow("D1", "jansen bouw"), offerRow("D2", "Bakkerij de Vris")],
      lines: ["D1", "D2"].map(lineRow),
    });
    runOk(w, "createPendingOffers");
    expect(await postedBodies(w.api)).toEqual([]);
    expect(w.column("Status")).toEqual(["invalid", "invalid"]);
    const [several, unknown] = w.column("Message");
    expect(several).toContain("cst_t0003");
    expect(several).toContain("cst_t0004");
    expect(unknown).toContain('Did you mean "Bakkerij de Vries B.V."');
  });

  test("Messages name the column as the sheet's header does; a value that is no name says what to type", async () => {
    const headers = ["Offer number", "Customer", ...OFFER_HEADERS.slice(2)];
    const w = await customerWorld(people, {
      offerHeaders: headers,
      offers: [
        offerRow("H1", "Bakkerij de Vris"),
        offerRow("H2", "=cst"),
        ["H3", { v: true }, ...offerRow("H3", "").slice(2)],
        offerRow("H4", "#N/A"),
        offerRow("H5", "schilder smit"),
      ],
      lines: ["H1", "H2", "H3", "H4", "H5"].map(lineRow),
    });
    runOk(w, "createPendingOffers");
    expect(w.column("Status")).toEqual(["invalid", "invalid", "invalid", "invalid", "created"]);
    const [unknown, formula, bool, error] = w.column("Message");
    expect(unknown).toMatch(/^Customer: no customer "Bakkerij de Vris" in Customers\. Did you mean/);
    for (const [m, text] of [
      [formula, "=cst"],
      [bool, "TRUE"],
    ] as const)
      expect(m).toBe(
        `Customer: "${text}" is not a customer. Type a customer ID (cst_…), or a company name or e-mail address from Customers.`,
      );
    // An error cell is explained as in every other column: what it most likely means, what to do.
    expect(error).toBe(
      "Customer shows #N/A: a lookup formula found nothing: check the value it looks up, or type the value",
    );
    expect(w.column("Customer")[4]).toBe("cst_t0002");
  });

  test("a key without customers.read: accepted with a warning; rows needing a name say why", async () => {
    const key = "test-key-0001";
    const w = await customerWorld(people, {
      config: { keyScopes: { [key]: ["offers.read", "offers.write"] } },
      offers: [offerRow("R1", "Schilder Smit"), offerRow("R2", "cst_t0002")],
      lines: ["R1", "R2"].map(lineRow),
    });
    const saved = runOk(w, "saveApiKey", [key]);
    expect(String(saved.returned)).toMatch(/customers\.read/);
    runOk(w, "createPendingOffers");
    expect(w.column("Status")).toEqual(["invalid", "created"]);
    expect(w.column("Message")[0]).toMatch(/customers\.read/);
  });
});
