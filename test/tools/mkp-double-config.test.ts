// Tests of the MKP double's configurable behaviour, run in-process (createMkpDouble) with async fetch:
// VAT-inclusive amounts, PATCH accept/reject, read-only keys, per_page, order, 400s and date checks.

import { createMkpDouble, type MkpDouble } from "../../tools/mkp-double/server";
import { toAtom } from "../../tools/mkp-double/time";

const WINTER = Date.UTC(2025, 0, 10, 12, 0, 0);
let double: MkpDouble;
let baseUrl: string;

beforeAll(async () => {
  double = createMkpDouble();
  ({ baseUrl } = await double.listen(0));
});
afterAll(() => double.close());
beforeEach(() => {
  double.reset();
});

async function call(
  method: string,
  path: string,
  body?: unknown,
  key = "test-key-0001",
  contentType = "application/json",
) {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, "content-type": contentType, "x-virtual-now": String(WINTER) },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: res.status, json: JSON.parse(await res.text()) };
}

const offer = (overrides: Record<string, unknown> = {}) => ({
  customerId: "cst_abc12345def678",
  offerNumber: "C-1",
  issuedAt: "2025-01-10",
  expiresAt: "2025-02-09",
  lines: [{ description: "a", amountExclVat: "10.05", vatRate: 21 }],
  ...overrides,
});

test("ATOM times in Europe/Amsterdam, winter and summer", () => {
  expect(toAtom(WINTER)).toBe("2025-01-10T13:00:00+01:00");
  expect(toAtom(Date.UTC(2025, 6, 1, 22, 30, 5, 999))).toBe("2025-07-02T00:30:05+02:00");
});

test("amountIncludesVat adds VAT per line rounded half-up; negative lines allowed", async () => {
  double.configure({ amountIncludesVat: true });
  const lines = [
    { description: "a", amountExclVat: "10.05", vatRate: 21 },
    { description: "b", amountExclVat: "-5", vatRate: 9 },
  ];
  const res = await call("POST", "/customer-offers/manual", offer({ lines }));
  expect(res.status).toBe(201);
  expect(res.json.amount).toBe("6.71"); // 10.05 + 2.11 (2.1105) − 5.00 − 0.45
  expect(res.json.createdAt).toBe("2025-01-10T13:00:00+01:00");
});

test("PATCH marks accepted (ATOM in Amsterdam) and 422s a bad format", async () => {
  const created = await call("POST", "/customer-offers/manual", offer());
  const path = `/customer-offers/${created.json.id}`;
  const ok = await call("PATCH", path, { acceptedAt: "2025-03-30 02:30:00", acceptedViaIp: "10.0.0.1" });
  expect(ok.status).toBe(200);
  expect(ok.json).toMatchObject({ acceptedAt: "2025-03-30T03:30:00+02:00", acceptedViaIp: "10.0.0.1" });
  const bad = await call("PATCH", path, { rejectedAt: "2025-03-30T10:00:00Z" });
  expect(bad.status).toBe(422);
  expect(bad.json.errors).toHaveProperty("rejectedAt");
  expect((await call("GET", "/customer-offers/off_missing")).status).toBe(404);
});

test("read-only keys get 403 on POST but may GET", async () => {
  double.configure({ readOnlyKeys: ["ro-key"] });
  expect((await call("POST", "/customer-offers/manual", offer(), "ro-key")).json).toEqual({
    code: 403,
    message: "This action is unauthorized.",
  });
  expect((await call("GET", "/customers", undefined, "ro-key")).status).toBe(200);
});

test("400 for invalid JSON and a wrong content type; 404 for unknown routes", async () => {
  expect((await call("POST", "/customer-offers/manual", "{nope")).status).toBe(400);
  expect((await call("POST", "/customer-offers/manual", offer(), "test-key-0001", "text/plain")).status).toBe(
    400,
  );
  expect((await call("GET", "/invoices")).json).toEqual({ code: 404, message: "Not found." });
  expect((await fetch(`${baseUrl.replace(/\/v1$/, "")}/customer-offers`)).status).toBe(404); // no /v1, no key
});

test("dates, expiry order, duplicates and unknown customers follow the config", async () => {
  const dates = await call(
    "POST",
    "/customer-offers/manual",
    offer({ issuedAt: "2025-04-31", expiresAt: "2025-04-01" }),
  );
  expect(Object.keys(dates.json.errors)).toEqual(["issuedAt"]);
  const order = await call("POST", "/customer-offers/manual", offer({ expiresAt: "2025-01-01" }));
  expect(order.json.errors.expiresAt).toBeDefined();
  double.configure({ rejectDuplicateOfferNumbers: true, unknownCustomerStatus: 422, createdStatus: 200 });
  expect((await call("POST", "/customer-offers/manual", offer())).status).toBe(200);
  expect((await call("POST", "/customer-offers/manual", offer())).json.errors.offerNumber).toBeDefined();
  const unknown = await call(
    "POST",
    "/customer-offers/manual",
    offer({ offerNumber: "C-2", customerId: "cst_x" }),
  );
  expect(unknown.json.errors).toEqual({ customerId: ["The selected customerId is invalid."] });
  double.configure({ acceptAnyCustomer: true });
  expect(
    (await call("POST", "/customer-offers/manual", offer({ offerNumber: "C-3", customerId: "cst_x" })))
      .status,
  ).toBe(200);
});

test("per_page is honoured only when configured; listOrder desc", async () => {
  double.seedOffers(Array.from({ length: 5 }, (_, i) => ({ offerNumber: `N-${i + 1}` })));
  expect((await call("GET", "/customer-offers?per_page=2")).json.per_page).toBe(15);
  double.configure({ honourPerPage: true, maxPerPage: 3, listOrder: "desc" });
  const page = await call("GET", "/customer-offers?per_page=50&page=x");
  expect(page.json).toMatchObject({ current_page: 1, per_page: 3, from: 1, to: 3 });
  expect(page.json.data.map((o: { offerNumber: string }) => o.offerNumber)).toEqual(["N-5", "N-4", "N-3"]);
});

test("control: customers by id, offer updates and deletes", async () => {
  double.addCustomers(["cst_new1"]);
  expect((await call("GET", "/customers/cst_new1")).json.companyName).toBe("Klant new1 B.V.");
  const [seeded] = double.seedOffers([
    { offerNumber: "U-1", lines: [{ description: "x", amountExclVat: "1.5", vatRate: 0 }] },
  ]);
  expect(seeded?.amount).toBe("1.50");
  const updated = double.updateOffer(seeded?.id ?? "", { rejectedAt: "2025-01-11 09:00:00" });
  expect(updated?.rejectedAt).toBe("2025-01-11T09:00:00+01:00");
  expect(double.deleteOffer(seeded?.id ?? "")).toBe(true);
  expect(double.offers()).toEqual([]);
});
