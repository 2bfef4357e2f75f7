// One offer answered 503 for three hours, the fast representative (both orders and per_page
// behaviours: large-account-503.exhaustive.test.ts).

import { afterAll, expect, test } from "@jest/globals";
import { failingOfferScenario } from "./large-account-scenarios";
import { stopDouble } from "./world";

afterAll(stopDouble);

test("one offer failing with 503 for 3 hours in a 2,000-offer account, hourly runs on: ≤ 300 requests, the others created, no continuation left", async () => {
  const r = await failingOfferScenario({
    listOrder: "asc",
    perPageMode: "ignore",
    accountSize: 2000,
    rows: 10,
    hours: 3,
  });
  expect(r.requests).toBeLessThanOrEqual(300);
  expect(r.othersCreated).toBe(true);
  expect(r.failingStatus).not.toBe("created");
  expect(r.duplicates).toEqual([]);
  expect(r.continuationsLeft).toBe(0);
  expect(r.recovered).toBe(true);
});
