// 3,000 customers synced into an empty Customers sheet (issue 12): ≤ 205 requests at the API's 15 a
// page, ≤ 35 when per_page is honoured, no execution killed, every customer once. The same workload as
// `npm run bench -- --only customers`.

import { afterAll, expect, test } from "@jest/globals";
import { measureSync } from "../../bench/customers";
import { double, stopDouble } from "./world";

afterAll(stopDouble);

test.each([
  ["ignore", 205],
  ["honour", 35],
] as const)(
  "3,000 customers, per_page %s: all synced once in ≤ %i requests, none killed",
  async (mode, limit) => {
    const m = await measureSync(await double(), mode, 3000);
    expect(m.rows).toBe(3000);
    expect(m.distinct).toBe(3000);
    expect(m.listRequests + m.byIdRequests).toBeLessThanOrEqual(limit);
    expect({
      killed: m.killed,
      failed: m.failed,
      triggersLeft: m.triggersLeft,
      rateLimited: m.rateLimited,
    }).toEqual({
      killed: 0,
      failed: 0,
      triggersLeft: 0,
      rateLimited: 0,
    });
  },
  60_000,
);
