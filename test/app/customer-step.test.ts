// resolveOfferCustomers (src/app/customer-step.ts) inside create runs on fakes: a company name in
// Customer ID resolved to its ID (Customers synced first when stale), the ID written on the row and
// sent; a name found only in New customers creates that customer once, then the offer; a name found
// nowhere is invalid, named with the column as the sheet's header says; IDs cost nothing.

import { describe, expect, test } from "@jest/globals";
import { createOffers } from "../../src/app/create-offers";
import { resolveOfferCustomers } from "../../src/app/customer-names";
import { openOffersBook } from "../../src/app/offers-book";
import { NEW_CUSTOMER_COLUMNS } from "../../src/core/customer-columns";
import { offersHarness } from "./fake-services";
import { sheet } from "./fake-workbook";

const D = new Date(Date.UTC(2026, 11, 1));
const E = new Date(Date.UTC(2026, 11, 31));
const NEW_HEADERS = NEW_CUSTOMER_COLUMNS.filter((c) => !c.hidden).map((c) => c.header);

function setup(customers: string[]) {
  const rows = customers.map((c, i) => [`K-${i + 1}`, c, D, E]);
  const h = offersHarness(rows);
  return h;
}

describe("customers named by company name in a create run", () => {
  test("a name is resolved to its ID (Customers synced first), written on the row and sent", () => {
    const h = setup(["Acme BV", "cst_direct"]);
    const acme = h.api.addCustomer("Acme BV", "info@acme.nl");
    const outcome = createOffers(h.context(), false);
    expect(outcome.counts).toMatchObject({ created: 2, invalid: 0 });
    expect(h.workbook.offerColumn("Customer ID")).toEqual([acme.id, "cst_direct"]);
    expect(h.api.offers.map((o) => o.customerId)).toEqual([acme.id, "cst_direct"]);
    expect(h.api.count("get /customers?")).toBeGreaterThan(0);
    expect(h.customers.count("readCustomers")).toBeGreaterThan(0);
  });

  test("offers naming only IDs read no customer sheet and ask nothing about customers", () => {
    const h = setup(["cst_a", "cst_b"]);
    createOffers(h.context(), false);
    expect(h.customers.calls.size).toBe(0);
    expect(h.api.count("get /customers")).toBe(0);
  });

  test("a name found nowhere: the row is invalid, its Message names the column and the name", () => {
    const h = setup(["Nobody Ltd"]);
    h.api.addCustomer("Acme BV");
    const outcome = createOffers(h.context(), false);
    expect(outcome.counts).toMatchObject({ created: 0, invalid: 1 });
    expect(h.api.count("post")).toBe(0);
    expect(h.workbook.offerCell(2, "Message")).toContain("Customer ID");
    expect(h.workbook.offerCell(2, "Message")).toContain("Nobody Ltd");
  });

  test("a New customers row an offer names is created once; the offer goes out with its ID", () => {
    const h = setup(["Newco BV"]);
    h.customers.newCustomers = sheet("New customers", NEW_HEADERS, [
      ["Newco BV", "Dorpsstraat 1", "1234 AB", "Utrecht", "info@newco.nl", "NL", "", "", "", ""],
    ]);
    const first = createOffers(h.context(), false);
    expect(h.api.count("post /customers")).toBe(1);
    const newco = h.api.customers.find((c) => c.companyName === "Newco BV");
    expect(newco).toBeDefined();
    expect(h.customers.newCell(2, "Customer ID")).toBe(newco?.id);
    expect(h.customers.newCell(2, "Status")).toBe("created");
    expect(first.counts.created).toBe(1);
    expect(h.api.offers.map((o) => o.customerId)).toEqual([newco?.id]);
    expect(h.workbook.offerCell(2, "Customer ID")).toBe(newco?.id);

    // Again: nothing is created twice.
    createOffers(h.context(), false);
    expect(h.api.count("post /customers")).toBe(1);
    expect(h.api.count("post /customer-offers/manual")).toBe(1);
  });

  test("validate resolves names but creates nothing and writes no IDs", () => {
    const h = setup(["Newco BV"]);
    h.customers.newCustomers = sheet("New customers", NEW_HEADERS, [
      ["Newco BV", "Dorpsstraat 1", "1234 AB", "Utrecht", "info@newco.nl", "NL", "", "", "", ""],
    ]);
    const opened = openOffersBook(h.workbook);
    if (!opened.ok) throw new Error(opened.problem);
    const step = resolveOfferCustomers(h.context(), opened.book, "validate");
    expect(step.updates).toEqual([]);
    expect(h.api.count("post")).toBe(0);
    // Not created yet: the offer cannot go out, and says why.
    expect(step.book.offers[0]?.body).toBeNull();
    expect(step.book.offers[0]?.problems.join(" ")).toContain("Newco BV");
    expect(h.customers.newCell(2, "Status")).toBe("");
  });
});
