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

async function post(body: Record<string, unknown>) {
  const res = await fetch(`${double.baseUrl}/customer-offers/manual`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${KEY}`,
      "content-type": "application/json",
      "x-virtual-now": String(T0),
    },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, text, json: text.startsWith("{") ? JSON.parse(text) : null };
}

const offer = (offerNumber: string, customerId = "cst_demo0001") => ({
  customerId,
  offerNumber,
  issuedAt: "2025-04-14",
  expiresAt: "2025-05-14",
  lines: [{ description: "Work", amountExclVat: "10.00", vatRate: 21 }],
});

test("offerEnvelope data: create, GET and PATCH answer {data: offer}; lists are unchanged", async () => {
  await double.configure({ offerEnvelope: "data" });
  const created = await post(offer("W-1"));
  expect(created.status).toBe(201);
  expect(Object.keys(created.json)).toEqual(["data"]);
  expect(created.json.data).toMatchObject({ offerNumber: "W-1", amount: "10.00" });
  expect((await get(`/customer-offers/${created.json.data.id}`)).json.data.id).toBe(created.json.data.id);
  expect((await get("/customer-offers?page=1")).json.data[0]).toHaveProperty("offerNumber", "N-1");
});

test("offerFieldCase snake, listOmitFields and jsonNumericCheck change the served offers", async () => {
  await double.configure({ offerFieldCase: "snake" });
  const snake = (await get("/customer-offers?page=1")).json.data[0];
  expect(snake).toMatchObject({ offer_number: "N-1", customer_id: "cst_demo0001", currency: "EUR" });
  expect(snake).toHaveProperty("created_at");
  expect(snake).not.toHaveProperty("offerNumber");
  await double.configure({ offerFieldCase: "camel", listOmitFields: ["offerNumber", "customerId"] });
  const bare = (await get("/customer-offers?page=1")).json.data[0];
  expect(bare).not.toHaveProperty("offerNumber");
  expect(bare).not.toHaveProperty("customerId");
  // Only the lists leave them out.
  expect((await get(`/customer-offers/${bare.id}`)).json.offerNumber).toBe("N-1");
  await double.configure({ listOmitFields: [], jsonNumericCheck: true });
  const made = await post({
    ...offer("0042"),
    lines: [{ description: "W", amountExclVat: "12.50", vatRate: 21 }],
  });
  expect(made.text).toMatch(/"offerNumber":42,/);
  expect(made.json.amount).toBe(12.5);
  expect(made.json.id).toMatch(/^off_/);
});

test("listOrder id: sorted by id, whatever the creation order", async () => {
  await double.configure({ listOrder: "id", perPage: 15 });
  const ids = (await get("/customer-offers?page=1")).json.data.map((o: { id: string }) => o.id);
  expect(ids).toEqual([...ids].sort());
  expect(ids).toHaveLength(4);
});

test("duplicateAnswer: a taken number refused as a field error, a 409 (with or without the id), or answered with the existing offer", async () => {
  const [first] = (await get("/customer-offers?page=1")).json.data;
  await double.configure({ rejectDuplicateOfferNumbers: true });
  const field = await post(offer("N-1"));
  expect(field.status).toBe(422);
  expect(field.json.errors.offerNumber).toEqual(["The offerNumber has already been taken."]);
  await double.configure({ duplicateAnswer: "conflict" });
  const conflict = await post(offer("N-1"));
  expect(conflict.status).toBe(409);
  expect(conflict.json).not.toHaveProperty("id");
  await double.configure({ duplicateAnswer: "conflict-with-id" });
  expect((await post(offer("N-1"))).json).toMatchObject({ code: 409, id: first.id });
  await double.configure({ duplicateAnswer: "existing" });
  const existing = await post(offer("N-1", "cst_demo0002"));
  expect(existing.status).toBe(200);
  expect(existing.json).toMatchObject({ id: first.id, customerId: "cst_demo0001" });
  expect((await double.stats()).offersCreated).toBe(0);
  expect((await post(offer("N-NEW"))).status).toBe(201);
});

test("a status fault with rawBodyBase64 sends those bytes; created-then-answer with rawBody replaces the body", async () => {
  const latin1 = Buffer.from('{"message":"één"}', "latin1");
  await double.injectFaults([
    {
      match: { offerNumber: "F-1" },
      fault: { kind: "status", status: 422, rawBodyBase64: latin1.toString("base64") },
    },
    {
      match: { offerNumber: "F-2" },
      fault: {
        kind: "created-then-answer",
        rawBody: "<html>ok</html>",
        headers: { "Content-Type": "text/html" },
      },
    },
  ]);
  const res = await fetch(`${double.baseUrl}/customer-offers/manual`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${KEY}`,
      "content-type": "application/json",
      "x-virtual-now": String(T0),
    },
    body: JSON.stringify(offer("F-1")),
  });
  expect(Buffer.from(await res.arrayBuffer())).toEqual(latin1);
  const html = await post(offer("F-2"));
  expect(html).toMatchObject({ status: 201, text: "<html>ok</html>" });
  expect((await double.offers()).map((o) => o.offerNumber)).toContain("F-2");
});

test("customerFieldCase snake: customers listed and fetched with company_name, primary_email, …", async () => {
  await double.configure({ customerFieldCase: "snake" });
  const listed = (await get("/customers?page=1")).json.data[0];
  expect(listed).toMatchObject({ id: "cst_abc12345def678", company_name: "Webdesign Bakker B.V." });
  expect(listed).toHaveProperty("primary_email");
  expect(listed).not.toHaveProperty("companyName");
  expect((await get("/customers/cst_demo0001")).json).toHaveProperty("zip_code", "3511 ED");
});
