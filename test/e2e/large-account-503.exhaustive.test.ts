// One offer answered 503 every time for three hours in a 2,000-offer account, hourly runs on
// (CONTRACT §6, issue 9): each retry looks it up with the bounded search and backs off across runs,
// so that the hours cost a handful of requests each, the other offers are created, and no
// continuation is left behind.

import { afterAll, describe, expect, test } from "@jest/globals";
import { failingOfferScenario } from "./large-account-scenarios";
import { stopDouble } from "./world";

afterAll(stopDouble);

describe("one offer failing with 503 for 3 hours, 2,000 offers, hourly runs on", () => {
  test.each(["asc", "desc"] as const)("list %s: ≤ 300 requests, the others created, no continuation left", async (listOrder) => {
    const r = await failingOfferScenario({ listOrder, accountSize: 2000, rows: 10, hours: 3 });
    console.log(`503 for 3 h (${listOrder}): ${r.requests} requests, ${r.executions} executions`);
    expect(r.requests).toBeLessThanOrEqual(300);
    expect(r.othersCreated).toBe(true);
    expect(r.duplicates).toEqual([]);
    expect(r.continuationsLeft).toBe(0);
  });
});
