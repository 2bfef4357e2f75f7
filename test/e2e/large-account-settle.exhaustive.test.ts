// Rows left `sending` settled in accounts of every size, each list order × per_page behaviour, the
// user running "Create pending offers" again each minute while others add and delete offers
// (CONTRACT §6, issue 9): every row created with its own offer, nothing twice, ≤ 60 requests and
// ≤ 2 runs; offers added to the sheet meanwhile are sent in those runs.

import { afterAll, describe, expect, test } from "@jest/globals";
import { settleScenario } from "./large-account-scenarios";
import { stopDouble } from "./world";

afterAll(stopDouble);

const CASES = (["asc", "desc"] as const).flatMap((order) =>
  (["ignore", "honour", "refuse"] as const).flatMap((perPage) =>
    [0, 2_000, 10_000].map((size) => [order, perPage, size] as const),
  ),
);

describe("40 rows left sending, 5 rows added meanwhile, offers added and deleted while the list is read", () => {
  test.each(CASES)(
    "list %s, per_page %s, %i offers: own offers, nothing twice, ≤ 60 requests, ≤ 2 runs",
    async (listOrder, perPageMode, accountSize) => {
      const r = await settleScenario({
        listOrder,
        perPageMode,
        accountSize,
        rows: 40,
        added: 5,
        listChanges: true,
      });
      expect(r.ownIds).toBe(true);
      expect(r.duplicates).toEqual([]);
      expect(r.requests).toBeLessThanOrEqual(60);
      expect(r.runs).toBeLessThanOrEqual(2);
      expect(r.addedCreated).toBe(5);
    },
  );
});
