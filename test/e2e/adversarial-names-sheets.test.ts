// Adversarial pass on the customer sheets (CONTRACT §4a): New customers rows naming a customer that
// already exists, a created row edited afterwards, and a Customers sheet the team sorted and gave its
// own columns — offers reach the customer meant, nobody is created twice, the team's data is kept.

import { afterAll, describe, expect, test } from "@jest/globals";
import { CUSTOMER_HEADERS, customer, customerWorld, lineRow, NEW_HEADERS, offerRow } from "./customers-world";
import { LINE_HEADERS, OFFER_HEADERS, postedBodies, runOk, sheetColumn, stopDouble } from "./world";

afterAll(stopDouble);

const newRow = (name: string, email: string) => [name, "Dorpsstraat 1", "1234 AB", "Utrecht", email, "", ""];
const customerPosts = async (w: Awaited<ReturnType<typeof customerWorld>>) =>
  (await w.api.requests()).filter((r) => r.route === "POST /customers");

describe("New customers", () => {
  test("a row for a company already in Customers (other e-mail case): not created again, the offer goes to it", async () => {
    const w = await customerWorld(
      [customer(1, { companyName: "Bakkerij Jansen B.V.", primaryEmail: "info@bakkerijjansen.nl" })],
      {
        sheets: {
          Offers: [
            OFFER_HEADERS,
            offerRow("NC-1", "Bakkerij Jansen"),
            offerRow("NC-2", "INFO@BakkerijJansen.nl"),
          ],
          "Offer lines": [LINE_HEADERS, lineRow("NC-1"), lineRow("NC-2")],
          "New customers": [NEW_HEADERS, newRow("Bakkerij Jansen", "Info@BakkerijJansen.NL")],
        },
      },
    );
    runOk(w, "createPendingOffers");
    expect(await customerPosts(w)).toEqual([]);
    expect((await postedBodies(w.api)).map((b) => [b.offerNumber, b.customerId])).toEqual([
      ["NC-1", "cst_t0001"],
      ["NC-2", "cst_t0001"],
    ]);
  });

  test("a created row later typed over with another company: that company's offer never goes to the old ID", async () => {
    const w = await customerWorld(
      [customer(1, { companyName: "Bestaand B.V.", primaryEmail: "b@bestaand.nl" })],
      {
        sheets: {
          Offers: [OFFER_HEADERS, offerRow("ED-1", "Alfa Bouw")],
          "Offer lines": [LINE_HEADERS, lineRow("ED-1"), lineRow("ED-2")],
          "New customers": [NEW_HEADERS, newRow("Alfa Bouw", "info@alfabouw.nl")],
        },
      },
    );
    runOk(w, "createPendingOffers");
    const alfa = sheetColumn(w.ss, "New customers", "Customer ID")[0] ?? "";
    expect(alfa).toMatch(/^cst_/);
    // The team reuses the row for another company, leaving Status and Customer ID as they were.
    w.ss.setCell("New customers", 2, 1, "Beta Installatie");
    w.ss.setCell("New customers", 2, 5, "info@beta.nl");
    w.ss.setCell("Offers", 3, 1, "ED-2");
    w.ss.setCell("Offers", 3, 2, "Beta Installatie");
    w.ss.setCell("Offers", 3, 3, "2025-04-14");
    w.rt.clock.advance(10 * 60_000);
    runOk(w, "createPendingOffers");
    const sent = (await postedBodies(w.api)).map((b) => [b.offerNumber, b.customerId]);
    expect(sent).toContainEqual(["ED-1", alfa]);
    expect(sent.filter(([n]) => n === "ED-2")).toEqual([]);
    expect(w.column("Status")[1]).toBe("invalid");
    expect(w.column("Message")[1]).toContain(`already holds the customer ${alfa}, created as "Alfa Bouw"`);
    // Offers naming the company it was created as still reach it, by name and by its e-mail.
    w.ss.setCell("Offers", 3, 1, "ED-3");
    w.ss.setCell("Offers", 3, 2, "info@alfabouw.nl");
    w.ss.setCell("Offer lines", 3, 1, "ED-3");
    runOk(w, "createPendingOffers");
    expect((await postedBodies(w.api)).map((b) => [b.offerNumber, b.customerId])).toContainEqual([
      "ED-3",
      alfa,
    ]);
  });
});

describe("a Customers sheet the team sorted and gave its own columns", () => {
  test("a sync keeps each note on its customer's row, updates the changed one in place, adds the new at the end", async () => {
    const headers = [
      "Account manager",
      ...CUSTOMER_HEADERS.slice(0, 2),
      "Notes",
      ...CUSTOMER_HEADERS.slice(2),
    ];
    const row = (id: string, name: string, email: string, who: string, note: string) => [
      who,
      id,
      name,
      note,
      email,
      "",
      "",
      "",
      "",
      "",
    ];
    const w = await customerWorld(
      [
        customer(1, { companyName: "Aalders B.V.", primaryEmail: "a@aalders.nl" }),
        customer(2, { companyName: "Zeeman B.V.", primaryEmail: "z@zeeman.nl" }),
        customer(3, { companyName: "Mulder B.V.", primaryEmail: "m@mulder.nl" }),
      ],
      {
        sheets: {
          Offers: [OFFER_HEADERS],
          "Offer lines": [LINE_HEADERS],
          // Sorted by company name, descending, by the team; its own columns hold data.
          Customers: [
            headers,
            row("cst_t0002", "Zeeman B.V.", "z@zeeman.nl", "Piet", "pays late"),
            row("cst_t0003", "Mulder B.V.", "m@mulder.nl", "Anna", "vip"),
            row("cst_t0001", "Aalders B.V.", "a@aalders.nl", "Piet", "new in 2024"),
          ],
        },
      },
    );
    await w.api.updateCustomer("cst_t0003", { companyName: "Mulder Groep B.V." });
    await w.api.addCustomers([customer(4, { companyName: "Bakker B.V.", primaryEmail: "b@bakker.nl" })]);
    runOk(w, "syncCustomers");
    const byId = (id: string) => {
      const rows = w.ss.displayValues("Customers");
      return rows.find((r) => r[1] === id);
    };
    expect(byId("cst_t0002")?.slice(0, 4)).toEqual(["Piet", "cst_t0002", "Zeeman B.V.", "pays late"]);
    expect(byId("cst_t0003")?.slice(0, 4)).toEqual(["Anna", "cst_t0003", "Mulder Groep B.V.", "vip"]);
    expect(byId("cst_t0001")?.slice(0, 4)).toEqual(["Piet", "cst_t0001", "Aalders B.V.", "new in 2024"]);
    // The team's order stays; the new customer comes after it.
    expect(sheetColumn(w.ss, "Customers", "Customer ID")).toEqual([
      "cst_t0002",
      "cst_t0003",
      "cst_t0001",
      "cst_t0004",
    ]);
    expect(byId("cst_t0004")?.[0]).toBe("");
    expect(byId("cst_t0004")?.[3]).toBe("");
  });
});
