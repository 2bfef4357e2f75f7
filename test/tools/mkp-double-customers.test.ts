// Tests of the MKP double's customers and scopes over HTTP: POST /customers (validation, status, object),
// faults on customer requests (incl. created-then-*), matching by companyName/primaryEmail, key scopes,
// and a status fault carrying a very long 422 message.

import { startMkpDouble } from "../../tools/mkp-double/client";
import type { Customer, DoubleClient } from "../../tools/mkp-double/types";

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
  await double.reset();
});

async function api(method: string, path: string, body?: unknown, key = KEY) {
  const headers: Record<string, string> = { authorization: `Bearer ${key}`, "x-virtual-now": String(T0) };
  if (body !== undefined) headers["content-type"] = "application/json";
  const res = await fetch(`${double.baseUrl}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: text === "" ? null : JSON.parse(text) };
}

const customer = (overrides: Record<string, unknown> = {}) => ({
  companyName: "Schilder Smit",
  address: "Kerkstraat 1",
  zipCode: "1234 AB",
  city: "Haarlem",
  primaryEmail: "smit@example.nl",
  ...overrides,
});
const offer = (offerNumber: string) => ({
  customerId: "cst_demo0001",
  offerNumber,
  issuedAt: "2025-04-14",
  expiresAt: "2025-05-14",
  lines: [{ description: "x", amountExclVat: "1.00", vatRate: 21 }],
});

describe("POST /customers", () => {
  test("201 with the Customer object (countryCode NL by default); then GET and list find it", async () => {
    const res = await api("POST", "/customers", customer({ phone: "+31230000000" }));
    expect(res.status).toBe(201);
    expect(res.json).toEqual({
      id: expect.stringMatching(/^cst_[a-z0-9]{14}$/),
      companyName: "Schilder Smit",
      address: "Kerkstraat 1",
      zipCode: "1234 AB",
      city: "Haarlem",
      countryCode: "NL",
      primaryEmail: "smit@example.nl",
      phone: "+31230000000",
      integration: null,
      integrationId: null,
      customerGroups: [],
      createdAt: "2025-04-14T11:00:00+02:00",
    });
    expect((await api("GET", `/customers/${res.json.id}`)).json).toEqual(res.json);
    expect((await api("GET", "/customers")).json.data.at(-1).id).toBe(res.json.id);
    const [logged] = await double.requests();
    expect(logged).toMatchObject({ route: "POST /customers", customerId: res.json.id, status: 201 });
    expect((await double.stats()).customersCreated).toBe(1);
    await double.configure({ customerCreatedStatus: 200 });
    const be = await api("POST", "/customers", customer({ countryCode: "BE", phone: null }));
    expect(be.status).toBe(200);
    expect(be.json).toMatchObject({ countryCode: "BE", phone: null });
    expect((await double.stats()).duplicateCustomerEmails).toEqual(["smit@example.nl"]);
  });

  test("422 with Laravel field errors", async () => {
    const email = await api("POST", "/customers", customer({ primaryEmail: "not an email" }));
    expect(email.status).toBe(422);
    expect(email.json).toEqual({
      message: "The primary email field must be a valid email address.",
      errors: { primaryEmail: ["The primary email field must be a valid email address."] },
    });
    const many = await api("POST", "/customers", { companyName: 12, countryCode: "XX", city: "" });
    expect(many.status).toBe(422);
    expect(many.json.errors).toEqual({
      companyName: ["The company name field must be a string."],
      address: ["The address field is required."],
      zipCode: ["The zip code field is required."],
      city: ["The city field is required."],
      primaryEmail: ["The primary email field is required."],
      countryCode: ["The selected country code is invalid."],
    });
    expect(many.json.message).toBe("The company name field must be a string. (and 5 more errors)");
    expect((await api("POST", "/customers", customer({ countryCode: "nl" }))).status).toBe(422);
    expect((await double.customers()).length).toBe(4);
  });

  test("faults work on /customers: status, created-then-status, created-then-timeout, match by e-mail", async () => {
    await double.injectFaults([
      { match: { path: "/customers", method: "POST" }, fault: { kind: "status", status: 503 } },
      { match: { primaryEmail: "LOST@example.nl" }, fault: { kind: "created-then-status", status: 500 } },
      { match: { companyName: "Timeout BV" }, fault: { kind: "created-then-timeout", holdMs: 200 } },
    ]);
    expect((await api("POST", "/customers", customer())).status).toBe(503);
    expect((await double.customers()).length).toBe(4);
    const lost = await api("POST", "/customers", customer({ primaryEmail: "lost@example.nl" }));
    expect(lost.status).toBe(500);
    expect(lost.json).toEqual({ code: 500, message: "Server Error" });
    await expect(api("POST", "/customers", customer({ companyName: "Timeout BV" }))).rejects.toThrow();
    const names = (await double.customers()).map((c) => c.primaryEmail);
    expect(names).toContain("lost@example.nl");
    expect((await double.customers()).map((c) => c.companyName)).toContain("Timeout BV");
    const logged = await double.requests();
    expect(logged.map((r) => [r.status, r.fault])).toEqual([
      [503, "status"],
      [500, "created-then-status"],
      [null, "created-then-timeout"],
    ]);
    expect(logged[1]?.customerId).toMatch(/^cst_/);
    expect((await double.stats()).customersCreated).toBe(2);
    // GET /customers/{id} matches the e-mail of the customer it names.
    await double.injectFaults([
      { match: { primaryEmail: "offertes@jansenbouw.nl" }, fault: { kind: "status", status: 502 } },
    ]);
    expect((await api("GET", "/customers/cst_demo0001")).status).toBe(200);
    expect((await api("GET", "/customers/cst_demo0002")).status).toBe(502);
  });
});

test("key scopes: 403 for a scope the token lacks; tokens without an entry keep full access", async () => {
  await double.reset({
    keyScopes: { "scoped-offers": ["offers.read", "offers.write"], "scoped-customers": ["customers.read"] },
  });
  const unauthorized = { code: 403, message: "This action is unauthorized." };
  expect((await api("GET", "/customer-offers", undefined, "scoped-offers")).status).toBe(200);
  expect((await api("POST", "/customer-offers/manual", offer("S-1"), "scoped-offers")).status).toBe(201);
  expect((await api("GET", "/customers", undefined, "scoped-offers")).json).toEqual(unauthorized);
  expect((await api("GET", "/customers/cst_demo0001", undefined, "scoped-offers")).status).toBe(403);
  expect((await api("POST", "/customers", customer(), "scoped-offers")).status).toBe(403);
  expect((await api("GET", "/customers", undefined, "scoped-customers")).status).toBe(200);
  expect((await api("POST", "/customers", customer(), "scoped-customers")).status).toBe(403);
  expect((await api("GET", "/customer-offers", undefined, "scoped-customers")).status).toBe(403);
  const [created] = await double.offers();
  expect(
    (await api("PATCH", `/customer-offers/${created?.id}`, { acceptedAt: null }, "scoped-customers")).status,
  ).toBe(403);
  expect((await api("POST", "/customers", customer(), KEY)).status).toBe(201);
  expect((await api("GET", "/customers", undefined, "unknown")).status).toBe(401);
  // readOnlyKeys still apply, also together with scopes.
  await double.configure({ readOnlyKeys: ["ro"], keyScopes: { ro: ["customers.read", "customers.write"] } });
  expect((await api("POST", "/customers", customer(), "ro")).status).toBe(403);
  expect((await api("GET", "/customers", undefined, "ro")).status).toBe(200);
  expect((await api("GET", "/customer-offers", undefined, "ro")).status).toBe(403);
});

test("a status fault with a 422 whose message is over 50,000 characters", async () => {
  const message = `The offerNumber field ${"is very wrong ".repeat(4_000)}`;
  expect(message.length).toBeGreaterThan(50_000);
  await double.injectFaults([
    { fault: { kind: "status", status: 422, body: { message, errors: { offerNumber: [message] } } } },
  ]);
  const res = await api("POST", "/customer-offers/manual", offer("L-1"));
  expect(res.status).toBe(422);
  expect(res.json.message).toBe(message);
  expect(res.json.errors.offerNumber[0]).toHaveLength(message.length);
  expect(await double.offers()).toEqual([]);
});

describe("control: change and delete customers (as an edit in the portal would)", () => {
  const ids = async (query = "") =>
    ((await api("GET", `/customers${query}`)).json as { data: { id: string }[] }).data.map((c) => c.id);

  test("PATCH /__control/customers/:id changes the customer in place; its ID and list position stay", async () => {
    await double.addCustomers([{ id: "cst_ctl0001" }, { id: "cst_ctl0002" }, { id: "cst_ctl0003" }]);
    const before = await ids();
    const changed = await double.updateCustomer("cst_ctl0002", {
      city: "Zwolle",
      id: "cst_other",
    } as Partial<Customer>);
    expect(changed).toMatchObject({ id: "cst_ctl0002", city: "Zwolle" });
    expect(await ids()).toEqual(before);
    expect((await api("GET", "/customers/cst_ctl0002")).json).toMatchObject({
      id: "cst_ctl0002",
      city: "Zwolle",
    });
    expect((await api("GET", "/customers/cst_other")).status).toBe(404);
    // Unknown ID: 404 from the control interface, an error from the client.
    const res = await fetch(`${double.baseUrl.replace(/\/v1$/, "")}/__control/customers/cst_nobody`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ city: "X" }),
    });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: "no customer cst_nobody" });
    await expect(double.updateCustomer("cst_nobody", { city: "X" })).rejects.toThrow();
  });

  test("DELETE /__control/customers/:id removes it from the list and GET /customers/{id}; later items move up", async () => {
    for (const c of await double.customers()) await double.deleteCustomer(c.id);
    await double.addCustomers(
      Array.from({ length: 16 }, (_, i) => ({ id: `cst_del${String(i + 1).padStart(4, "0")}` })),
    );
    expect((await ids("?page=2")).length).toBe(1);
    expect(await double.deleteCustomer("cst_del0001")).toBe(true);
    expect(await double.deleteCustomer("cst_del0001")).toBe(false);
    expect((await api("GET", "/customers/cst_del0001")).status).toBe(404);
    const page1 = await ids("?page=1");
    expect(page1).toHaveLength(15);
    expect(page1.at(-1)).toBe("cst_del0016");
    expect(await ids("?page=2")).toEqual([]);
    expect((await double.customers()).map((c) => c.id)).not.toContain("cst_del0001");
  });
});
