// Odd answers of the API, over the built bundle (issue 11): a refusal longer than a cell can hold, field
// errors in Laravel's shape, HTML error pages, and a write-back that fails part-way. No run ends on an
// unexpected error, no row stays `sending` after a definite answer, and every failed row says what to do.

import { afterAll, describe, expect, test } from "@jest/globals";
import { batch, messageOf, statusOf } from "./probes";
import { postedNumbers, runLogMessages, runOk, sheetColumn, stopDouble, type World, world } from "./world";

afterAll(stopDouble);

const noUnexpected = (w: World) => {
  for (const m of runLogMessages(w.ss)) expect(m).not.toMatch(/unexpected error/i);
  for (const a of w.ss.alerts) expect(a.message).not.toMatch(/unexpected error/i);
};

/** A failed row's Message: why, in plain words, and the next step. */
const expectNextStep = (message: string) => expect(message).toMatch(/clear Status|Retry failed offers/);

describe("a refusal longer than a cell", () => {
  test("a 422 with a 60,000-character message: the row fails with a short reason, the others are created, nothing is sent twice", async () => {
    const w = await world(batch(3, "L"));
    await w.api.injectFaults([
      {
        match: { offerNumber: "L-0002" },
        times: null,
        fault: { kind: "status", status: 422, body: { message: `Refused: ${"x".repeat(60_000)}` } },
      },
    ]);
    runOk(w, "createPendingOffers");
    noUnexpected(w);
    expect(sheetColumn(w.ss, "Offers", "Status")).toEqual(["created", "failed", "created"]);
    const message = messageOf(w, "L-0002");
    expect(message.length).toBeLessThanOrEqual(1000);
    expect(message).toContain("Refused: xxx");
    expectNextStep(message);
    runOk(w, "createPendingOffers");
    noUnexpected(w);
    expect((await postedNumbers(w.api)).sort()).toEqual(["L-0001", "L-0002", "L-0003"]);
    for (const m of runLogMessages(w.ss)) expect(m.length).toBeLessThan(50_000);
  });

  test("a 422 whose field errors are 60,000 characters each: still short, named by field", async () => {
    const w = await world(batch(1, "LF"));
    await w.api.injectFaults([
      {
        match: { offerNumber: "LF-0001" },
        fault: {
          kind: "status",
          status: 422,
          body: { message: "y".repeat(60_000), errors: { "lines.0.vatRate": ["z".repeat(60_000)] } },
        },
      },
    ]);
    runOk(w, "createPendingOffers");
    noUnexpected(w);
    expect(statusOf(w, "LF-0001")).toBe("failed");
    const message = messageOf(w, "LF-0001");
    expect(message.length).toBeLessThanOrEqual(1000);
    expect(message).toContain("Line 1, VAT rate: zzz");
  });
});

describe("field errors in Laravel's shape", () => {
  test('{"errors":{"lines.0.vatRate":[…]}} → "Line 1, VAT rate: …", with the next step', async () => {
    const w = await world(batch(2, "F"));
    await w.api.injectFaults([
      {
        match: { offerNumber: "F-0001" },
        fault: {
          kind: "status",
          status: 422,
          body: {
            message: "The vat rate must be 0, 9 or 21. (and 1 more error)",
            errors: {
              "lines.0.vatRate": ["The vat rate must be 0, 9 or 21."],
              customerId: ["The selected customer id is invalid."],
            },
          },
        },
      },
    ]);
    runOk(w, "createPendingOffers");
    expect(statusOf(w, "F-0001")).toBe("failed");
    const message = messageOf(w, "F-0001");
    expect(message).toContain("Line 1, VAT rate: The vat rate must be 0, 9 or 21.");
    expect(message).toContain("Customer ID: The selected customer id is invalid.");
    expect(message).not.toContain("(and 1 more error)");
    expectNextStep(message);
    expect(statusOf(w, "F-0002")).toBe("created");
  });
});

describe("HTML error pages", () => {
  const page = (status: number) =>
    `<!DOCTYPE html><html><head><title>${status} Error</title><script>alert(1)</script></head><body><h1>${status}</h1>${"<p>padding</p>".repeat(5000)}</body></html>`;

  test.each([400, 422, 500])(
    "an HTML page with %i: the status in plain words, no HTML, no run error",
    async (status) => {
      const w = await world(batch(1, `H${status}`));
      await w.api.injectFaults([
        {
          match: { offerNumber: `H${status}-0001` },
          times: status === 500 ? null : 1,
          fault: { kind: "status", status, rawBody: page(status), headers: { "Content-Type": "text/html" } },
        },
      ]);
      runOk(w, "createPendingOffers");
      noUnexpected(w);
      const message = messageOf(w, `H${status}-0001`);
      expect(message).not.toMatch(/<|html|script|padding/i);
      for (const m of runLogMessages(w.ss)) expect(m).not.toMatch(/<|script|padding/i);
      // Not the status alone: what happened, in words.
      expect(message.replace(/\(?HTTP \d+\)?/g, "").trim().length).toBeGreaterThan(20);
      if (status !== 500) {
        expect(message).toContain(String(status));
        expect(statusOf(w, `H${status}-0001`)).toBe("failed");
        expectNextStep(message);
      } else {
        // A server error is temporary: not failed, tried again later.
        expect(statusOf(w, `H${status}-0001`)).not.toBe("failed");
      }
    },
  );
});

describe("a write-back that fails part-way", () => {
  /** Fails the result write-backs of Offers (after the first request went out) as `fails` says. */
  const failingWrites = (fails: (cells: number, n: number) => boolean) => {
    let sent = false;
    let n = 0;
    return (call: { service: string; method: string; detail?: unknown }) => {
      if (call.service === "UrlFetchApp") sent = true;
      const detail = call.detail as { range?: string; cells?: number } | undefined;
      if (!sent || call.service !== "Range" || call.method !== "setValues") return null;
      if (!String(detail?.range ?? "").startsWith("Offers!")) return null;
      n++;
      return fails(detail?.cells ?? 0, n) ? "Service Spreadsheets failed while accessing document." : null;
    };
  };

  test("the first result write throws: each created offer's ID is still on its row", async () => {
    const w = await world(batch(4, "W"));
    runOk(w, "createPendingOffers", [], { fail: failingWrites((_cells, n) => n === 1) });
    noUnexpected(w);
    const offers = await w.api.offers();
    expect(offers.length).toBe(4);
    const ids = sheetColumn(w.ss, "Offers", "Offer ID");
    expect(ids.sort()).toEqual(offers.map((o) => o.id).sort());
    expect(sheetColumn(w.ss, "Offers", "Status")).toEqual(["created", "created", "created", "created"]);
  });

  test("every write of more than one cell throws: the IDs and statuses still reach their rows", async () => {
    const w = await world(batch(3, "WS"));
    runOk(w, "createPendingOffers", [], { fail: failingWrites((cells) => cells > 1) });
    noUnexpected(w);
    const offers = await w.api.offers();
    expect(offers.length).toBe(3);
    expect(sheetColumn(w.ss, "Offers", "Offer ID").sort()).toEqual(offers.map((o) => o.id).sort());
    expect(sheetColumn(w.ss, "Offers", "Status")).toEqual(["created", "created", "created"]);
    runOk(w, "createPendingOffers");
    expect((await postedNumbers(w.api)).length).toBe(3);
  });
});
