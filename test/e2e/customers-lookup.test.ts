// A New customers row left `sending` (its answer lost) is looked up in the customer list before it may
// be sent again: only a customer created after it was marked counts, and a "not found" must survive a
// deletion during the list read, which moves a customer past the reader (CONTRACT §4a, §6).

import { afterAll, expect, test } from "@jest/globals";
import { customer, customerWorld, lineRow, NEW_HEADERS, offerRow } from "./customers-world";
import { expectOk, LINE_HEADERS, OFFER_HEADERS, sheetColumn, stopDouble, type World } from "./world";

afterAll(stopDouble);

const NEW_ROW = [
  "Bakkerij Nieuw",
  "Dorpsstraat 1",
  "1234 AB",
  "Utrecht",
  "info@nieuw.nl",
  "",
  "",
  "",
  "",
  "",
];

/** 15 customers (one page of the list), an offer for a new customer, and New customers holding it. */
const lostAnswerWorld = (): Promise<World> =>
  customerWorld(
    Array.from({ length: 15 }, (_, i) => customer(i + 1)),
    {
      sheets: {
        Offers: [OFFER_HEADERS, offerRow("L1", "Bakkerij Nieuw")],
        "Offer lines": [LINE_HEADERS, lineRow("L1")],
        "New customers": [NEW_HEADERS, NEW_ROW],
      },
    },
  );

const posts = async (w: World) =>
  (await w.api.requests()).filter((r) => r.route === "POST /customers").length;
const namesakes = async (w: World) =>
  (await w.api.customers()).filter((c) => c.companyName === "Bakkerij Nieuw");

test("created, answer lost, then a deletion during the list read hides it: still not sent again", async () => {
  const w = await lostAnswerWorld();
  await w.api.injectFaults([
    { match: { method: "POST", path: "/customers" }, fault: { kind: "created-then-timeout", holdMs: 2000 } },
  ]);
  expectOk(w.run("createPendingOffers"));
  expect(sheetColumn(w.ss, "New customers", "Status")).toEqual(["sending"]);
  const [made] = await namesakes(w);
  expect(made).toBeDefined();
  // The new customer is 16th, the first of page 2: deleting the first customer just before page 2 is
  // answered moves it onto page 1, which was read already.
  await w.api.addListHooks([
    { path: "/customers", page: 2, action: { kind: "delete-customer", target: "cst_t0001" } },
  ]);
  w.rt.clock.advance(5 * 60_000);
  expectOk(w.run("createPendingOffers"));
  const fired = (await w.api.listHooks())[0];
  expect(fired?.fired).toBe(1);
  expect(await namesakes(w)).toHaveLength(1);
  expect(await posts(w)).toBe(1);
  expect(sheetColumn(w.ss, "New customers", "Customer ID")).toEqual([made?.id]);
  const offers = (await w.api.offers()).filter((o) => o.source === "api");
  expect(offers.map((o) => [o.offerNumber, o.customerId])).toEqual([["L1", made?.id]]);
});

test("not created, and an older customer now has its name and e-mail: that one is not taken", async () => {
  const w = await lostAnswerWorld();
  await w.api.injectFaults([
    { match: { method: "POST", path: "/customers" }, fault: { kind: "timeout", holdMs: 2000 } },
  ]);
  expectOk(w.run("createPendingOffers"));
  expect(sheetColumn(w.ss, "New customers", "Status")).toEqual(["sending"]);
  expect(await namesakes(w)).toHaveLength(0);
  // Someone renames an old customer (created in 2024) to the same name and e-mail in the portal.
  await w.api.updateCustomer("cst_t0003", { companyName: "Bakkerij Nieuw", primaryEmail: "info@nieuw.nl" });
  w.rt.clock.advance(5 * 60_000);
  expectOk(w.run("createPendingOffers"));
  expect(await posts(w)).toBe(2);
  const ids = (await namesakes(w)).map((c) => c.id);
  expect(ids).toHaveLength(2);
  const [written] = sheetColumn(w.ss, "New customers", "Customer ID");
  expect(written).not.toBe("cst_t0003");
  expect(ids).toContain(written);
  expect(sheetColumn(w.ss, "New customers", "Status")).toEqual(["created"]);
});
