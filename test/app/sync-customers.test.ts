// syncCustomers (src/app/sync-customers.ts) on fakes: the customer list paged into Customers (the
// sheet made when missing), a second pass rewriting only the rows that changed, a customer gone from
// the list checked by ID and marked, never deleted; the requests each pass costs.

import { describe, expect, test } from "@jest/globals";
import { syncCustomersRun } from "../../src/app/sync-customers";
import { syncDue } from "../../src/app/sync-state";
import { pick } from "../../src/core/language";
import { CUSTOMER_TEXTS } from "../../src/core/texts-customers";
import { harness } from "./fake-services";

const DAY = 24 * 3_600_000;

function setup(count: number) {
  const h = harness(null, null);
  for (let i = 0; i < count; i++) h.api.addCustomer(`Company ${i + 1}`, `info${i + 1}@example.nl`);
  return h;
}

const column = (h: ReturnType<typeof setup>, header: string): string[] => {
  const s = h.customers.customers;
  const c = s ? s.header.indexOf(header) : -1;
  return s ? s.rows.map((r) => r[c]?.display ?? "") : [];
};

describe("syncCustomersRun on fakes", () => {
  test("40 customers into a new Customers sheet, in one page; the sync is not due again today", () => {
    const h = setup(40);
    const outcome = syncCustomersRun(h.context());
    expect(outcome.stopped).toBeUndefined();
    expect(outcome.continueAt).toBeUndefined();
    expect(column(h, "Customer ID")).toEqual(h.api.customers.map((c) => c.id));
    expect(column(h, "Company name")[0]).toBe("Company 1");
    expect(h.customers.appended).toBe(40);
    expect(h.api.requests.every((r) => r.method === "get" && r.path.startsWith("/customers?"))).toBe(true);
    expect(h.api.requests.length).toBeLessThanOrEqual(3);
    expect(syncDue(h.context())).toBe(false);
    h.clock.sleep(DAY + 1);
    expect(syncDue(h.context())).toBe(true);
  });

  test("a second pass rewrites only the row that changed and appends the new customer", () => {
    const h = setup(30);
    syncCustomersRun(h.context());
    const [first] = h.api.customers;
    if (!first) throw new Error("seed");
    first.city = "Amersfoort";
    h.api.addCustomer("Newcomer BV", "hello@newcomer.nl");
    h.customers.appended = 0;
    h.customers.rewritten = 0;
    h.clock.sleep(DAY + 1);
    const outcome = syncCustomersRun(h.context());
    expect([h.customers.rewritten, h.customers.appended]).toEqual([1, 1]);
    expect(column(h, "City")[0]).toBe("Amersfoort");
    expect(column(h, "Company name").at(-1)).toBe("Newcomer BV");
    expect(outcome.message).toBe(
      pick(CUSTOMER_TEXTS).syncSummary({ added: 1, changed: 1, gone: 0, total: 31, more: false }),
    );
  });

  test("a customer no longer listed is asked for by ID; a 404 marks its row, which stays", () => {
    const h = setup(5);
    syncCustomersRun(h.context());
    const gone = h.api.customers.splice(2, 1)[0];
    h.clock.sleep(DAY + 1);
    const before = h.api.requests.length;
    syncCustomersRun(h.context());
    const asked = h.api.requests.slice(before).filter((r) => r.path.startsWith("/customers/"));
    expect(asked.map((r) => r.path)).toEqual([`/customers/${gone?.id}`]);
    expect(column(h, "Customer ID")).toHaveLength(5);
    const row = column(h, "Customer ID").indexOf(gone?.id ?? "");
    expect(column(h, "Message")[row]).toMatch(/^No longer in MijnKlantportaal/);
  });

  test("250 customers: a few round trips of pages, every customer once", () => {
    const h = setup(250);
    syncCustomersRun(h.context());
    const ids = column(h, "Customer ID");
    expect(new Set(ids).size).toBe(250);
    expect(ids).toHaveLength(250);
    // 100 a page: 3 pages, plus at most the probe's overshoot.
    expect(h.api.requests.length).toBeLessThanOrEqual(6);
  });
});
