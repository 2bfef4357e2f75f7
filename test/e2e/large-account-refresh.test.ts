// Status refresh in a large account, the fast representative (every order × per_page behaviour and
// rows spread over the whole list: large-account-refresh.exhaustive.test.ts): the newest 1,000 rows
// of 10,000 offers, oldest-first list, offers added and deleted while it is read.

import { afterAll, expect, test } from "@jest/globals";
import { refreshScenario } from "./large-account-scenarios";
import { stopDouble } from "./world";

afterAll(stopDouble);

test("the newest 1,000 rows of 10,000 offers: ≤ 100 requests a pass, every acceptance and rejection made between passes written, no cursor left", async () => {
  const r = await refreshScenario({
    listOrder: "asc",
    perPageMode: "ignore",
    accountSize: 10_000,
    rows: 1000,
    spread: "newest",
    listChanges: true,
  });
  for (const pass of r.passes) expect(pass.requests).toBeLessThanOrEqual(100);
  expect(r.changes).toBeGreaterThanOrEqual(99);
  expect(r.written).toBe(r.changes);
  expect(r.deletedMarked).toBe(true);
  expect(r.cursorLeft).toBe(false);
});
