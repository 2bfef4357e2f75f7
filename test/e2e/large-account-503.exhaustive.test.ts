// One offer answered 503 every time for three hours in a 2,000-offer account, hourly runs on
// (CONTRACT §6, issue 9): each retry looks it up with the bounded search and backs off across runs,
// so that the hours cost a handful of requests each, the other offers are created, and no
// continuation is left behind; once the API answers again the offer is created, once.

import { afterAll, describe, expect, test } from "@jest/globals";
import { failingOfferScenario } from "./large-account-scenarios";
import { stopDouble } from "./world";

afterAll(stopDouble);

const CASES = (["asc", "desc"] as const).flatMap((order) =>
  (["ignore", "honour", "refuse"] as const).map((perPage) => [order, perPage] as const),
);

describe("one offer failing with 503 for 3 hours, 2,000 offers, hourly runs on", () => {
  test.each(CASES)(
    "list %s, per_page %s: ≤ 300 requests, the others created, no continuation left",
    async (listOrder, perPageMode) => {
      const r = await failingOfferScenario({ listOrder, perPageMode, accountSize: 2000, rows: 10, hours: 3 });
      expect(r.requests).toBeLessThanOrEqual(300);
      expect(r.othersCreated).toBe(true);
      expect(r.failingStatus).not.toBe("created");
      expect(r.duplicates).toEqual([]);
      expect(r.continuationsLeft).toBe(0);
      expect(r.recovered).toBe(true);
    },
  );

  test("hourly runs only (nobody chose the menu): the same bounds", async () => {
    const r = await failingOfferScenario({
      listOrder: "asc",
      perPageMode: "ignore",
      accountSize: 2000,
      rows: 10,
      hours: 3,
      menuFirst: false,
    });
    expect(r.requests).toBeLessThanOrEqual(300);
    expect(r.othersCreated).toBe(true);
    expect(r.continuationsLeft).toBe(0);
    expect(r.recovered).toBe(true);
  });
});
