// Shared set-up of the customers e2e tests: a world with Customers synced from the double, offers
// naming customers, and reading the Customers sheet back.

import { expect } from "@jest/globals";
import type { Customer } from "../../tools/mkp-double/types";
import { killPoints } from "./kill-walks";
import {
  expectOk,
  LINE_HEADERS,
  OFFER_HEADERS,
  sheetColumn,
  type World,
  type WorldOptions,
  world,
} from "./world";

export const CUSTOMER_HEADERS = [
  "Customer ID",
  "Company name",
  "Email",
  "City",
  "Zip code",
  "Customer groups",
  "Created at",
  "Message",
];
export const NEW_HEADERS = [
  "Company name",
  "Address",
  "Zip code",
  "City",
  "Email",
  "Country code",
  "Phone",
  "Status",
  "Customer ID",
  "Message",
];

export const customer = (i: number, over: Partial<Customer> = {}): Partial<Customer> => ({
  id: `cst_t${String(i).padStart(4, "0")}`,
  companyName: `Klant ${i} B.V.`,
  primaryEmail: `klant${i}@example.nl`,
  createdAt: `2024-01-${String(1 + (i % 28)).padStart(2, "0")}T10:00:00+01:00`,
  ...over,
});

/** A world whose double holds exactly `customers` (the defaults removed). */
export async function customerWorld(customers: Partial<Customer>[], opts: WorldOptions = {}): Promise<World> {
  const w = await world(opts);
  for (const c of await w.api.customers()) await w.api.deleteCustomer(c.id);
  await w.api.addCustomers(customers);
  return w;
}

export const customerIds = (w: World): string[] =>
  w.ss.findSheet("Customers") ? sheetColumn(w.ss, "Customers", "Customer ID") : [];

export const customerRequests = async (w: World) =>
  (await w.api.requests()).filter((r) => r.path.includes("/customers"));

export const offerRow = (n: string, customerText: string) => [
  n,
  customerText,
  "2025-04-14",
  "",
  "",
  "",
  "",
  "",
  "",
  "",
  "",
  "",
];
export const lineRow = (n: string) => [n, "Work", "100.00", "21"];

const NEW_ROW = ["Bakkerij Nieuw", "Dorpsstraat 1", "1234ab", "Utrecht", "info@nieuw.nl", "", "", "", "", ""];

export async function newCustomerWorld(): Promise<World> {
  return customerWorld([customer(1)], {
    sheets: {
      Offers: [OFFER_HEADERS, offerRow("W1", "Bakkerij Nieuw"), offerRow("W2", "info@nieuw.nl")],
      "Offer lines": [LINE_HEADERS, lineRow("W1"), lineRow("W2")],
      "New customers": [NEW_HEADERS, NEW_ROW],
    },
  });
}

export async function expectCreatedOnce(w: World): Promise<void> {
  const created = (await w.api.requests()).filter((r) => r.route === "POST /customers" && r.status === 201);
  const made = (await w.api.customers()).filter((c) => c.companyName === "Bakkerij Nieuw");
  expect(made).toHaveLength(1);
  expect(created.length).toBeLessThanOrEqual(1);
  const id = made[0]?.id;
  expect(sheetColumn(w.ss, "New customers", "Customer ID")).toEqual([id]);
  const offers = (await w.api.offers()).filter((o) => o.source === "api");
  expect(offers.map((o) => [o.offerNumber, o.customerId]).sort()).toEqual([
    ["W1", id],
    ["W2", id],
  ]);
}

export async function killWalk(every: number): Promise<void> {
  const probe = await newCustomerWorld();
  const clean = probe.run("createPendingOffers");
  expectOk(clean);
  const names = clean.calls.map((c) => `${c.service}.${c.method}`);
  const points = killPoints(
    names,
    names.map((_, k) => k),
    every,
    /^(Range\.setValues|SpreadsheetApp\.flush|UrlFetchApp\.fetch(All)?)/,
  );
  for (const k of points) {
    const w = await newCustomerWorld();
    const killed = w.run("createPendingOffers", [], { kill: (call) => call.index === k });
    expect(killed.killed).toBe("killed");
    for (let again = 0; again < 3; again++) {
      w.rt.clock.advance(2 * 60_000);
      expectOk(w.run("createPendingOffers"));
    }
    await expectCreatedOnce(w);
  }
}
