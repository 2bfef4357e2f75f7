// End-to-end test of the MKP API double in its child process: auth, create, validation, pagination,
// the documented rate limit on virtual time, and every injectable fault kind.

import { startMkpDouble } from "../../tools/mkp-double/client";
import type { DoubleClient } from "../../tools/mkp-double/types";

const KEY = "demo-key-0001";
/** 2025-04-14T09:00:00Z = 11:00 in Amsterdam (CEST). */
const T0 = Date.UTC(2025, 3, 14, 9, 0, 0);

let double: DoubleClient;

beforeAll(async () => {
  double = await startMkpDouble();
});
afterAll(async () => {
  await double?.stop();
});
beforeEach(async () => {
  await double.reset();
});

function offerBody(offerNumber: string, overrides: Record<string, unknown> = {}) {
  return {
    customerId: "cst_demo0001",
    offerNumber,
    issuedAt: "2025-04-14",
    expiresAt: "2025-05-14",
    lines: [{ description: "Website template", amountExclVat: "12.95", vatRate: 21 }],
    ...overrides,
  };
}

async function api(
  method: string,
  path: string,
  options: { body?: unknown; now?: number; key?: string | null } = {},
) {
  const headers: Record<string, string> = { "x-virtual-now": String(options.now ?? T0) };
  if (options.key !== null) headers.authorization = `Bearer ${options.key ?? KEY}`;
  if (options.body !== undefined) headers["content-type"] = "application/json";
  const res = await fetch(`${double.baseUrl}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, json: text === "" ? null : JSON.parse(text) };
}

const create = (offerNumber: string, overrides?: Record<string, unknown>) =>
  api("POST", "/customer-offers/manual", { body: offerBody(offerNumber, overrides) });

test("401 without a key or with an unknown one", async () => {
  const none = await api("GET", "/customer-offers", { key: null });
  expect(none.status).toBe(401);
  expect(none.json).toEqual({ code: 401, message: "Unauthenticated." });
  const wrong = await api("GET", "/customer-offers", { key: "nope" });
  expect(wrong.status).toBe(401);
  expect(wrong.headers.get("x-ratelimit-limit")).toBe("60");
});

test("201 create with the exact amount in cents, createdAt on virtual time, lines stored", async () => {
  const lines = ["12.95", "0.10", "0.20"].map((amountExclVat) => ({
    description: "x",
    amountExclVat,
    vatRate: 21,
  }));
  const res = await create("2025-001", { lines, sendNotification: true });
  expect(res.status).toBe(201);
  expect(res.json).toMatchObject({
    customerId: "cst_demo0001",
    offerNumber: "2025-001",
    currency: "EUR",
    amount: "13.25",
    acceptedAt: null,
    rejectedAt: null,
    createdAt: "2025-04-14T11:00:00+02:00",
    links: { customer: { href: `${double.baseUrl}/customers/cst_demo0001`, type: "application/json" } },
  });
  expect(res.json.id).toMatch(/^off_[a-z0-9]{14}$/);
  expect(res.json.lines).toBeUndefined();
  expect(res.headers.get("X-RateLimit-Remaining")).toBe("59");
  const [stored] = await double.offers();
  expect(stored).toMatchObject({ id: res.json.id, lines, sendNotification: true, source: "api" });
});

test("422 with Laravel field errors for a bad vatRate and a numeric amount", async () => {
  const res = await create("2025-002", { lines: [{ description: "x", amountExclVat: 12.95, vatRate: 20 }] });
  expect(res.status).toBe(422);
  expect(res.json.errors).toEqual({
    "lines.0.amountExclVat": ["The lines.0.amountExclVat field must be a string."],
    "lines.0.vatRate": ["The lines.0.vatRate field must be one of 0, 9, 21."],
  });
  expect(res.json.message).toBe("The lines.0.amountExclVat field must be a string. (and 1 more error)");
  const stringRate = await create("2025-003", {
    lines: [{ description: "x", amountExclVat: "1", vatRate: "21" }],
  });
  expect(stringRate.json.errors).toEqual({
    "lines.0.vatRate": ["The lines.0.vatRate field must be an integer."],
  });
  expect(await double.offers()).toEqual([]);
});

test("404 for an unknown customer", async () => {
  const res = await create("2025-004", { customerId: "cst_nobody" });
  expect(res.status).toBe(404);
  expect(res.json).toEqual({ code: 404, message: "No Customer can be found for the given ID" });
});

test("simple-paginator envelope across two pages of 20 offers", async () => {
  await double.seedOffers(Array.from({ length: 20 }, (_, i) => ({ offerNumber: `P-${i + 1}` })));
  const base = `${double.baseUrl}/customer-offers`;
  const one = await api("GET", "/customer-offers");
  expect({ ...one.json, data: one.json.data.length }).toEqual({
    current_page: 1,
    data: 15,
    first_page_url: `${base}?page=1`,
    from: 1,
    next_page_url: `${base}?page=2`,
    path: base,
    per_page: 15,
    prev_page_url: null,
    to: 15,
  });
  expect(one.json.data[0].offerNumber).toBe("P-1");
  const two = await api("GET", "/customer-offers?page=2");
  expect(two.json).toMatchObject({ current_page: 2, from: 16, to: 20, next_page_url: null });
  expect(two.json.prev_page_url).toBe(`${base}?page=1`);
  expect(two.json.data.map((o: { offerNumber: string }) => o.offerNumber)).toEqual([
    "P-16",
    "P-17",
    "P-18",
    "P-19",
    "P-20",
  ]);
  const three = await api("GET", "/customer-offers?page=3");
  expect(three.json).toMatchObject({ data: [], from: null, to: null, next_page_url: null });
});

test("rate limit: the 61st request in a virtual minute is 429, the next minute is fine", async () => {
  const minute = Math.floor(T0 / 60_000) * 60_000;
  const now = minute + 1_500;
  for (let i = 1; i <= 60; i += 1) {
    const res = await api("GET", "/customers", { now });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-ratelimit-remaining")).toBe(String(60 - i));
  }
  const limited = await api("GET", "/customers", { now: now + 1_000 });
  expect(limited.status).toBe(429);
  expect(limited.json).toEqual({ code: 429, message: "Too many requests." });
  expect(limited.headers.get("retry-after")).toBe("58");
  expect(limited.headers.get("x-ratelimit-reset")).toBe(String((minute + 60_000) / 1000));
  expect(limited.headers.get("x-ratelimit-remaining")).toBe("0");
  const next = await api("GET", "/customers", { now: minute + 60_000 });
  expect(next.status).toBe(200);
  expect(next.headers.get("x-ratelimit-remaining")).toBe("59");
  expect((await double.stats()).rateLimited).toBe(1);
});

describe("faults", () => {
  const manual = { method: "POST", path: "/customer-offers/manual" };
  const count = async () => (await double.offers()).length;

  test("status: answered, nothing created", async () => {
    await double.injectFaults([{ match: manual, fault: { kind: "status", status: 503 } }]);
    const res = await create("F-1");
    expect(res.status).toBe(503);
    expect(res.json).toEqual({ code: 503, message: "Service Unavailable" });
    expect(await count()).toBe(0);
    expect((await create("F-1")).status).toBe(201);
  });

  test("rate-limit: a 429 with the given retry-after", async () => {
    await double.injectFaults([{ fault: { kind: "rate-limit", retryAfterSeconds: 7 } }]);
    const res = await create("F-2");
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("7");
    expect(await count()).toBe(0);
  });

  test("timeout: never answered, socket destroyed after holdMs, nothing created", async () => {
    await double.injectFaults([{ match: manual, fault: { kind: "timeout", holdMs: 300 } }]);
    const started = Date.now();
    await expect(create("F-3")).rejects.toThrow();
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(await count()).toBe(0);
    const [logged] = await double.requests();
    expect(logged).toMatchObject({ status: null, fault: "timeout" });
  });

  test("reset: connection dropped, nothing created", async () => {
    await double.injectFaults([{ match: manual, fault: { kind: "reset" } }]);
    await expect(create("F-4")).rejects.toThrow();
    expect(await count()).toBe(0);
  });

  test("created-then-status: the offer exists although the answer is 500", async () => {
    await double.injectFaults([
      { match: { offerNumber: "F-5" }, fault: { kind: "created-then-status", status: 500 } },
    ]);
    const res = await create("F-5");
    expect(res.status).toBe(500);
    const offers = await double.offers();
    expect(offers.map((o) => o.offerNumber)).toEqual(["F-5"]);
    const [logged] = await double.requests();
    expect(logged).toMatchObject({ status: 500, fault: "created-then-status", offerId: offers[0]?.id });
  });

  test("created-then-timeout: the offer exists, no answer; a retry makes a duplicate", async () => {
    await double.injectFaults([{ match: manual, fault: { kind: "created-then-timeout", holdMs: 200 } }]);
    await expect(create("F-6")).rejects.toThrow();
    expect(await count()).toBe(1);
    expect((await create("F-6")).status).toBe(201);
    expect((await double.stats()).duplicateOfferNumbers).toEqual(["F-6"]);
  });

  test("delay: answered normally after the delay", async () => {
    await double.injectFaults([{ match: manual, fault: { kind: "delay", ms: 200 } }]);
    const started = Date.now();
    expect((await create("F-7")).status).toBe(201);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });

  test("skip and times: the fault hits the 2nd and 3rd matching requests only", async () => {
    await double.injectFaults([{ match: manual, skip: 1, times: 2, fault: { kind: "status", status: 502 } }]);
    const statuses = [];
    for (const n of ["S-1", "S-2", "S-3", "S-4"]) statuses.push((await create(n)).status);
    expect(statuses).toEqual([201, 502, 502, 201]);
    const stats = await double.stats();
    expect(stats).toMatchObject({ requests: 4, byStatus: { "201": 2, "502": 2 }, offersCreated: 2 });
  });
});
