// New customers (CONTRACT §4a): created with POST /customers before the offers that need them, exactly
// once — also when the run is killed at a service call (a sample here; every call in
// customers-new.exhaustive.test.ts) — its ID written back and sent with its offers.

import { afterAll, describe, expect, test } from "@jest/globals";
import {
  customer,
  customerWorld,
  expectCreatedOnce,
  killWalk,
  lineRow,
  NEW_HEADERS,
  newCustomerWorld,
  offerRow,
} from "./customers-world";
import { expectOk, LINE_HEADERS, OFFER_HEADERS, postedBodies, sheetColumn, stopDouble } from "./world";

afterAll(stopDouble);

describe("New customers", () => {
  test("created once before its offers, zip code written as 1234 AB, ID written back and used", async () => {
    const w = await newCustomerWorld();
    expectOk(w.run("createPendingOffers"));
    const posted = (await w.api.requests()).filter((r) => r.route === "POST /customers");
    expect(posted.map((r) => (r.body as { zipCode: string }).zipCode)).toEqual(["1234 AB"]);
    await expectCreatedOnce(w);
    expect(sheetColumn(w.ss, "New customers", "Status")).toEqual(["created"]);
    expectOk(w.run("createPendingOffers"));
    expect(await postedBodies(w.api)).toHaveLength(2);
  });

  test("a row with mistakes is not sent; its offers say so", async () => {
    const w = await customerWorld([customer(1)], {
      sheets: {
        Offers: [OFFER_HEADERS, offerRow("V1", "Bakkerij Nieuw")],
        "Offer lines": [LINE_HEADERS, lineRow("V1")],
        "New customers": [
          NEW_HEADERS,
          ["Bakkerij Nieuw", "", "12345", "Utrecht", "not-an-email", "XX", "", "", "", ""],
        ],
      },
    });
    expectOk(w.run("createPendingOffers"));
    expect((await w.api.requests()).filter((r) => r.route === "POST /customers")).toEqual([]);
    const message = sheetColumn(w.ss, "New customers", "Message")[0] ?? "";
    expect(message).toMatch(/Address: missing/);
    expect(message).toMatch(/not an e-mail address/);
    expect(message).toMatch(/country code/);
    expect(w.column("Status")).toEqual(["invalid"]);
  });

  test("killed at a sample of its service calls, then run again: created once, offers sent once", async () => {
    await killWalk(24);
  });
});
