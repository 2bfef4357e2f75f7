import { classify, type Exchange, header, reasonOf, retryAfterMs } from "../../src/core/responses";

const res = (status: number, body: unknown, headers: Record<string, string> = {}): Exchange => ({
  kind: "response",
  status,
  headers,
  body: typeof body === "string" ? body : JSON.stringify(body),
});

const OFFER = {
  id: "off_abc",
  amount: "12.95",
  createdAt: "2025-04-14T10:00:00+02:00",
  offerNumber: "A1",
  customerId: "cst_a",
};

describe("classifying answers", () => {
  test.each([200, 201])("%d with a CustomerOffer is created", (status) => {
    const o = classify(res(status, OFFER), 0, true);
    expect(o).toMatchObject({ kind: "created", offer: { id: "off_abc", amount: "12.95" } });
  });

  test.each([
    [1744617600, "2025-04-14T08:00:00.000Z"],
    [1744617600000, "2025-04-14T08:00:00.000Z"],
    // Not a time of this product's offers: not known, rather than "long ago" (someone else's).
    [2025, ""],
    [-5, ""],
    [9e15, ""],
  ])("a createdAt given as the number %d reads as %j", (createdAt, iso) => {
    const o = classify(res(201, { ...OFFER, createdAt, acceptedAt: createdAt }), 0, true);
    expect(o).toMatchObject({ kind: "created", offer: { createdAt: iso, acceptedAt: iso || null } });
  });

  test("a success without an offer in it is ambiguous for a POST", () => {
    expect(classify(res(201, "ok"), 0, true)).toMatchObject({ kind: "transient", ambiguous: true });
  });

  test.each([400, 404, 409, 422])("%d is refused with the API's reason", (status) => {
    const o = classify(res(status, { message: "No Customer can be found for the given ID" }), 0, true);
    expect(o).toEqual({
      kind: "refused",
      status,
      reason: `MijnKlantportaal refused this offer: No Customer can be found for the given ID (HTTP ${status}). Fix the row, then clear Status to send it again.`,
    });
  });

  test("Laravel field errors are named in the sheet's words", () => {
    const body = {
      message: "The given data was invalid.",
      errors: { "lines.0.vatRate": ["must be one of 0, 9, 21."], customerId: ["is unknown"] },
    };
    expect(reasonOf(JSON.stringify(body), 422)).toContain(
      ": Line 1, VAT rate: must be one of 0, 9, 21.; Customer ID: is unknown (HTTP 422). Fix the row",
    );
    expect(reasonOf(JSON.stringify({ errors: ["bad thing"] }), 400)).toContain(": bad thing (HTTP 400).");
    expect(reasonOf("<html>oops</html>", 400)).toBe(
      "MijnKlantportaal refused this offer and answered with an error page instead of a reason (HTTP 400 bad request). Check the row, then clear Status to send it again.",
    );
  });

  test.each([401, 403])("%d stops the run", (status) => {
    expect(classify(res(status, { message: "Unauthenticated." }), 0, true).kind).toBe("unauthorized");
  });

  test("429 carries the wait from retry-after or x-ratelimit-reset, in any header case", () => {
    expect(classify(res(429, {}, { "Retry-After": "7" }), 0, true)).toEqual({
      kind: "rate-limited",
      retryAfterMs: 7000,
    });
    expect(retryAfterMs({ "X-RATELIMIT-RESET": "100" }, 95_000)).toBe(5000);
    expect(retryAfterMs({}, 0)).toBeNull();
    expect(header({ "x-RateLimit-Remaining": "3" }, "X-RateLimit-Remaining")).toBe("3");
  });

  test.each([500, 502, 503])("%d is temporary, and ambiguous only for a POST", (status) => {
    expect(classify(res(status, ""), 0, true)).toMatchObject({ kind: "transient", ambiguous: true });
    expect(classify(res(status, ""), 0, false)).toMatchObject({ kind: "transient", ambiguous: false });
  });

  test("timeouts and network errors are ambiguous for a POST; the daily quota is its own case", () => {
    expect(classify({ kind: "timeout", detail: "Timeout" }, 0, true)).toMatchObject({
      kind: "transient",
      ambiguous: true,
    });
    expect(classify({ kind: "network", detail: "x" }, 0, false)).toMatchObject({
      kind: "transient",
      ambiguous: false,
    });
    expect(classify({ kind: "quota", detail: "Service invoked too many times" }, 0, true).kind).toBe("quota");
  });
});
