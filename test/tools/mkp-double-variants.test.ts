// Tests of the MKP double's list and timestamp variants (variants.ts): envelopes other than the simple
// paginator, 404 past the end, a next page after a full last page, timestamp forms, and a list hook
// that changes the configuration between page reads.

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
  await double.reset({ rateLimit: 100_000, perPage: 2 });
  await double.seedOffers(
    Array.from({ length: 4 }, (_, i) => ({ offerNumber: `N-${i + 1}`, createdAt: T0 - (4 - i) * 60_000 })),
  );
});

async function get(path: string) {
  const res = await fetch(`${double.baseUrl}${path}`, {
    headers: { authorization: `Bearer ${KEY}`, "x-virtual-now": String(T0) },
  });
  return { status: res.status, json: JSON.parse(await res.text()) };
}

test("simple (default): the documented envelope, no total", async () => {
  const { json } = await get("/customer-offers?page=1");
  expect(Object.keys(json).sort()).toEqual(
    [
      "current_page",
      "data",
      "first_page_url",
      "from",
      "next_page_url",
      "path",
      "per_page",
      "prev_page_url",
      "to",
    ].sort(),
  );
});

test("length-aware adds total, last_page and links; resource has only data, links and meta", async () => {
  await double.configure({ listEnvelope: "length-aware" });
  const aware = (await get("/customer-offers?page=1")).json;
  expect(aware).toMatchObject({ total: 4, last_page: 2, per_page: 2 });
  expect(aware.next_page_url).toMatch(/page=2$/);
  expect(Array.isArray(aware.links)).toBe(true);
  await double.configure({ listEnvelope: "resource" });
  const res = (await get("/customer-offers?page=2")).json;
  expect(Object.keys(res).sort()).toEqual(["data", "links", "meta"]);
  expect(res.links.next).toBeNull();
  expect(res.meta).toMatchObject({ current_page: 2, per_page: 2, total: 4, last_page: 2 });
});

test("pastEndStatus 404: a page past the end is a 404; page 1 of an empty list stays 200", async () => {
  await double.configure({ pastEndStatus: 404 });
  expect((await get("/customer-offers?page=2")).status).toBe(200);
  expect((await get("/customer-offers?page=3")).status).toBe(404);
  expect((await get("/customers?page=9")).status).toBe(404);
  await double.reset({ pastEndStatus: 404 });
  expect((await get("/customer-offers?page=1")).status).toBe(200);
});

test("nextOnFullLastPage: the full last page points to an empty one", async () => {
  expect((await get("/customer-offers?page=2")).json.next_page_url).toBeNull();
  await double.configure({ nextOnFullLastPage: true });
  expect((await get("/customer-offers?page=2")).json.next_page_url).toMatch(/page=3$/);
  const past = (await get("/customer-offers?page=3")).json;
  expect(past.data).toEqual([]);
  expect(past.next_page_url).toBeNull();
});

test("timestampFormat: utc-micro, no-offset and epoch forms of the same instant", async () => {
  const atom = (await get("/customer-offers?page=1")).json.data[0].createdAt as string;
  expect(atom).toBe("2025-04-14T10:56:00+02:00");
  await double.configure({ timestampFormat: "utc-micro" });
  expect((await get("/customer-offers?page=1")).json.data[0].createdAt).toBe("2025-04-14T08:56:00.000000Z");
  await double.configure({ timestampFormat: "no-offset" });
  expect((await get("/customer-offers?page=1")).json.data[0].createdAt).toBe("2025-04-14 10:56:00");
  await double.configure({ timestampFormat: "epoch" });
  const first = (await get("/customer-offers?page=1")).json.data[0];
  expect(first.createdAt).toBe(Math.floor((T0 - 4 * 60_000) / 1000));
  expect(first.acceptedAt).toBeNull();
});

test("a configure list hook changes the page size before the page it watches", async () => {
  await double.addListHooks([{ page: 2, action: { kind: "configure", config: { perPage: 3 } } }]);
  expect((await get("/customer-offers?page=1")).json.data).toHaveLength(2);
  const second = (await get("/customer-offers?page=2")).json;
  expect(second.per_page).toBe(3);
  expect(second.data.map((o: { offerNumber: string }) => o.offerNumber)).toEqual(["N-4"]);
  expect((await double.config()).perPage).toBe(3);
});
