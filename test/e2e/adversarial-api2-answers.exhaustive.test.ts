// Adversarial API pass 2, cases that already behave right: odd 4xx codes (refused once, with a reason),
// 429s whose Retry-After / X-RateLimit-Reset are 0, negative, fractional, a day, a past date, seconds
// to wait or an HTTP date (waited for, created once, no request before the wait), odd success bodies.

import { afterAll, expect, test } from "@jest/globals";
import type { FaultRule } from "../../tools/mkp-double/types";
import { batch, expectExactlyOnce, messageOf } from "./probes";
import { runOk, stopDouble, world } from "./world";

afterAll(stopDouble);

const START = Date.UTC(2025, 3, 14, 8, 0);
const ALL = ["OA-0001", "OA-0002", "OA-0003"];

test.each([
  [402, { code: 402, message: "Payment Required" }, /Payment Required \(HTTP 402\)/],
  [409, { message: "Offer number already used" }, /Offer number already used \(HTTP 409\)/],
  [423, undefined, /Locked \(HTTP 423\)/],
  [451, undefined, /HTTP 451/],
  [413, "<html><body>413 Request Entity Too Large</body></html>", /error page.*HTTP 413/],
  [422, '"vatRate invalid"', /vatRate invalid \(HTTP 422\)/],
  [422, "<html>Unprocessable</html>", /error page.*HTTP 422/],
] as [number, unknown, RegExp][])(
  "HTTP %s: that row failed with a short reason, the others created, nothing sent twice",
  async (status, body, reason) => {
    const w = await world(batch(3, "OA"));
    const raw = typeof body === "string";
    const fault: FaultRule["fault"] = raw
      ? {
          kind: "status",
          status,
          rawBody: body,
          headers: { "Content-Type": body.startsWith("<") ? "text/html" : "application/json" },
        }
      : body === undefined
        ? { kind: "status", status }
        : { kind: "status", status, body };
    await w.api.injectFaults([{ match: { offerNumber: "OA-0001" }, fault }]);
    runOk(w, "createPendingOffers");
    runOk(w, "createPendingOffers");
    expect(w.column("Status")).toEqual(["failed", "created", "created"]);
    expect(messageOf(w, "OA-0001")).toMatch(reason);
    expect(messageOf(w, "OA-0001")).not.toMatch(/<html/i);
    expect((await w.api.requests()).filter((r) => r.method === "POST").length).toBe(3);
  },
);

test.each([
  ["Retry-After: 0", { "Retry-After": "0" }],
  ["Retry-After: -5", { "Retry-After": "-5" }],
  ["Retry-After: 1.5", { "Retry-After": "1.5" }],
  ["Retry-After: a day", { "Retry-After": "86400" }],
  ["Retry-After: a date in the past", { "Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT" }],
  ["X-RateLimit-Reset: seconds to wait", { "X-RateLimit-Reset": "30" }],
  ["X-RateLimit-Reset: an HTTP date", { "X-RateLimit-Reset": "Mon, 14 Apr 2025 08:02:00 GMT" }],
  ["X-RateLimit-Reset: epoch seconds", { "X-RateLimit-Reset": String(START / 1000 + 45) }],
])("429 with %s: every offer created once, in this run or its continuation", async (_l, headers) => {
  const w = await world(batch(3, "OA"));
  w.rt.clock.set(START);
  await w.api.injectFaults([{ fault: { kind: "status", status: 429, headers } }]);
  runOk(w, "createPendingOffers");
  for (let i = 0; i < 3 && w.column("Status").some((s) => s !== "created"); i++) {
    w.rt.clock.advance(3_600_000);
    runOk(w, "createPendingOffers");
  }
  await expectExactlyOnce(w, ALL);
});

test.each([
  ["trailing garbage after the JSON", { kind: "created-then-answer", suffix: "\n<!-- 0.01s -->" }],
  ["a 200 with an empty body", { kind: "created-then-answer", status: 200, empty: true }],
  [
    "a 201 without the id but with a Location",
    { kind: "created-then-answer", omit: ["id"], headers: { Location: "/v1/customer-offers/{id}" } },
  ],
] as [string, FaultRule["fault"]][])("%s: looked up, each offer created once", async (_l, fault) => {
  const w = await world(batch(3, "OA"));
  w.rt.clock.set(START);
  await w.api.injectFaults([{ times: null, fault }]);
  runOk(w, "createPendingOffers");
  await w.api.clearFaults();
  w.rt.clock.advance(3_600_000);
  runOk(w, "createPendingOffers");
  await expectExactlyOnce(w, ALL);
});
