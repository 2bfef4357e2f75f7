// Tests of the MKP double's lists over HTTP: per_page modes on both lists, customer list order, list
// hooks (an offer deleted or added between page reads), fast generated seeding of large accounts, and
// the list counts in stats.

import { startMkpDouble } from "../../tools/mkp-double/client";
import type { DoubleClient } from "../../tools/mkp-double/types";

const KEY = "demo-key-0001";
const T0 = Date.UTC(2025, 3, 14, 9, 0, 0);

let double: DoubleClient;

beforeAll(async () => {
  double = await startMkpDouble();
});
afterAll(async () => {
  await double?.stop();
});
beforeEach(async () => {
  await double.reset({ rateLimit: 100_000 });
});

async function get(path: string) {
  const res = await fetch(`${double.baseUrl}${path}`, {
    headers: { authorization: `Bearer ${KEY}`, "x-virtual-now": String(T0) },
  });
  return { status: res.status, json: JSON.parse(await res.text()) };
}

const numbers = (json: { data: Array<{ offerNumber: string }> }) => json.data.map((o) => o.offerNumber);
const ids = (json: { data: Array<{ id: string }> }) => json.data.map((o) => o.id);

describe("per_page modes", () => {
  beforeEach(async () => {
    await double.seedOffers(Array.from({ length: 5 }, (_, i) => ({ offerNumber: `N-${i + 1}` })));
  });

  test("ignore (default) and honour (capped at maxPerPage) on offers and customers", async () => {
    expect((await get("/customer-offers?per_page=2")).json.per_page).toBe(15);
    expect((await get("/customers?per_page=2")).json.data).toHaveLength(4);
    await double.configure({ perPageMode: "honour", maxPerPage: 3 });
    expect((await double.config()).honourPerPage).toBe(true);
    const offers = await get("/customer-offers?per_page=2&page=2");
    expect(offers.json).toMatchObject({ per_page: 2, current_page: 2, from: 3, to: 4 });
    expect(numbers(offers.json)).toEqual(["N-3", "N-4"]);
    expect((await get("/customer-offers?per_page=50")).json.per_page).toBe(3);
    expect((await get("/customers?per_page=3")).json.data).toHaveLength(3);
  });

  test("refuse: 422 with Laravel field errors whenever per_page is present, on both lists", async () => {
    await double.configure({ perPageMode: "refuse" });
    for (const path of [
      "/customer-offers?per_page=15",
      "/customers?page=1&per_page=",
      "/customers?per_page",
    ]) {
      const res = await get(path);
      expect(res.status).toBe(422);
      expect(res.json).toEqual({
        message: "The per page field is prohibited.",
        errors: { per_page: ["The per page field is prohibited."] },
      });
    }
    expect((await get("/customer-offers?page=1")).status).toBe(200);
  });

  test("honourPerPage stays an alias", async () => {
    await double.reset({ honourPerPage: true, maxPerPage: 2 });
    expect((await double.config()).perPageMode).toBe("honour");
    await double.seedOffers([{ offerNumber: "A" }, { offerNumber: "B" }, { offerNumber: "C" }]);
    expect((await get("/customer-offers?per_page=5")).json.per_page).toBe(2);
    await double.configure({ honourPerPage: false });
    expect((await double.config()).perPageMode).toBe("ignore");
    await double.configure({ perPageMode: "refuse" });
    expect((await double.config()).honourPerPage).toBe(false);
  });
});

test("customerListOrder desc lists the newest customer first; listOrder does not touch customers", async () => {
  await double.addCustomers(["cst_late1"]);
  await double.configure({ listOrder: "desc" });
  expect((await get("/customers")).json.data[0].id).toBe("cst_abc12345def678");
  await double.configure({ customerListOrder: "desc" });
  const page = await get("/customers");
  expect(ids(page.json)).toEqual([
    "cst_late1",
    "cst_demo0003",
    "cst_demo0002",
    "cst_demo0001",
    "cst_abc12345def678",
  ]);
});

describe("list hooks", () => {
  test("the oldest offer is deleted before page 2 is read: one offer is skipped by the pager", async () => {
    await double.seedOffers(Array.from({ length: 20 }, (_, i) => ({ offerNumber: `P-${i + 1}` })));
    const [hook] = await double.addListHooks([
      { request: 2, action: { kind: "delete-offer", target: "oldest" } },
    ]);
    expect(hook).toMatchObject({ seen: 0, fired: 0, affected: [] });
    const one = await get("/customer-offers");
    const two = await get("/customer-offers?page=2");
    expect(numbers(one.json)).toHaveLength(15);
    // P-1 is gone, so page 2 starts at P-17: P-16 was never seen.
    expect(numbers(two.json)).toEqual(["P-17", "P-18", "P-19", "P-20"]);
    const [after] = await double.listHooks();
    expect(after).toMatchObject({ seen: 2, fired: 1 });
    expect(after?.affected).toHaveLength(1);
    expect((await double.offers()).map((o) => o.offerNumber)).not.toContain("P-1");
  });

  test("page-triggered add, newest delete, by-id delete, customer hooks, and counting per list path", async () => {
    const seeded = await double.seedOffers(
      Array.from({ length: 16 }, (_, i) => ({ offerNumber: `Q-${i + 1}` })),
    );
    await double.configure({ listOrder: "desc" });
    await double.addListHooks([
      { page: 2, action: { kind: "add-offer", offer: { offerNumber: "NEW-1" } } },
      { path: "/customers", request: 1, action: { kind: "delete-customer", target: "newest" } },
      { request: 3, action: { kind: "delete-offer", target: seeded[0]?.id ?? "" } },
      { request: 4, times: null, action: { kind: "delete-offer", target: "newest" } },
    ]);
    const one = await get("/customer-offers");
    expect(numbers(one.json)[0]).toBe("Q-16");
    await get("/customers"); // counts for the /customers hook only
    const two = await get("/customer-offers?page=2");
    // NEW-1 arrived at the top before page 2, pushing Q-2 onto page 2 again.
    expect(numbers(two.json)).toEqual(["Q-2", "Q-1"]);
    await get("/customer-offers?page=2"); // request 3: Q-1 deleted by id
    await get("/customer-offers"); // request 4: newest (NEW-1) deleted; the hook has times: null
    const hooks = await double.listHooks();
    expect(hooks.map((h) => [h.seen, h.fired])).toEqual([
      [4, 1],
      [1, 1],
      [4, 1],
      [4, 1],
    ]);
    expect(hooks[1]?.affected).toEqual(["cst_demo0003"]);
    expect(hooks[2]?.affected).toEqual([seeded[0]?.id]);
    const left = (await double.offers()).map((o) => o.offerNumber);
    expect(left).not.toContain("NEW-1");
    expect(left).not.toContain("Q-1");
    expect(left).toHaveLength(15);
    await double.clearListHooks();
    expect(await double.listHooks()).toEqual([]);
  });

  test("a hook with an unknown action is refused", async () => {
    await expect(double.addListHooks([{ action: { kind: "explode" } } as never])).rejects.toThrow(
      /unknown list hook/,
    );
  });
});

test("10,000 offers and 3,000 customers seed in well under two seconds; lists stay fast", async () => {
  const from = Date.UTC(2020, 0, 1);
  const to = Date.UTC(2025, 0, 1);
  const started = Date.now();
  const offers = await double.seedGenerated({
    count: 10_000,
    numberPrefix: "BIG-",
    createdFrom: from,
    createdTo: to,
    acceptedEvery: 3,
    rejectedEvery: 5,
  });
  const customers = await double.seedGeneratedCustomers({ count: 3_000 });
  const seedMs = Date.now() - started;
  expect(seedMs).toBeLessThan(1_500);
  expect(offers.count).toBe(10_000);
  expect(new Set(offers.ids).size).toBe(10_000);
  expect(customers.ids[0]).toBe("cst_gen000001");

  const listStarted = Date.now();
  for (let page = 1; page <= 50; page += 1)
    expect((await get(`/customer-offers?page=${page}`)).status).toBe(200);
  expect(Date.now() - listStarted).toBeLessThan(1_500);

  const first = await get("/customer-offers");
  expect(first.json.data[0]).toMatchObject({
    offerNumber: "BIG-00001",
    createdAt: "2020-01-01T01:00:00+01:00",
    issuedAt: "2020-01-01",
    amount: "100.00",
  });
  const last = await get("/customer-offers?page=667");
  expect(last.json.data.map((o: { offerNumber: string }) => o.offerNumber)).toEqual([
    "BIG-09991",
    "BIG-09992",
    "BIG-09993",
    "BIG-09994",
    "BIG-09995",
    "BIG-09996",
    "BIG-09997",
    "BIG-09998",
    "BIG-09999",
    "BIG-10000",
  ]);
  expect(last.json.data.at(-1).createdAt).toBe("2025-01-01T01:00:00+01:00");
  // Every 3rd accepted, every 5th rejected unless accepted (15 is accepted).
  const page1 = first.json.data as Array<{ acceptedAt: string | null; rejectedAt: string | null }>;
  expect(page1[2]?.acceptedAt).not.toBeNull();
  expect(page1[4]?.rejectedAt).not.toBeNull();
  expect(page1[14]).toMatchObject({ rejectedAt: null });
  expect(page1[14]?.acceptedAt).not.toBeNull();
  expect(page1[0]).toMatchObject({ acceptedAt: null, rejectedAt: null });
  const created = (first.json.data as Array<{ createdAt: string }>).map((o) => Date.parse(o.createdAt));
  expect([...created].sort((a, b) => a - b)).toEqual(created);
  const customerPage = await get("/customers?page=201");
  expect(customerPage.json.data.map((c: { id: string }) => c.id)).toEqual([
    "cst_gen002997",
    "cst_gen002998",
    "cst_gen002999",
    "cst_gen003000",
  ]);

  const stats = await double.stats();
  expect(stats.listRequests).toBe(53);
  expect(stats.byRoute["GET /customer-offers"]).toBe(52);
  expect(stats.byRoute["GET /customers"]).toBe(1);
  expect(stats.byPath["/v1/customers"]).toBe(1);
});

test("10,000 plain seeds over HTTP are fast too (id lookups are indexed)", async () => {
  const started = Date.now();
  const seeded = await double.seedOffers(
    Array.from({ length: 10_000 }, (_, i) => ({ offerNumber: `S-${i}` })),
  );
  expect(seeded).toHaveLength(10_000);
  expect(Date.now() - started).toBeLessThan(2_000);
  expect((await get(`/customer-offers/${seeded[9_999]?.id}`)).json.offerNumber).toBe("S-9999");
});
