// Mixed faults over hours of scheduled runs: 429 storms, timeouts, lost creates and failing list pages
// together; every offer still ends up created exactly once. (Seconds of real waits: in the exhaustive suite.)

import { afterAll, describe, expect, test } from "@jest/globals";
import { batch, drain, expectExactlyOnce } from "./batches";
import { expectOk, stopDouble, world } from "./world";

afterAll(stopDouble);

describe("mixed faults over hours", () => {
  test("429 storm, timeouts on some offers, 500s on list pages: eventually all created exactly once", async () => {
    const n = 120;
    const w = await world(batch(n, "M"));
    expectOk(w.run("enableScheduledRuns"));
    await w.api.injectFaults([
      {
        match: { path: "/customer-offers/manual" },
        times: 30,
        fault: { kind: "rate-limit", retryAfterSeconds: 10 },
      },
      { match: { offerNumber: "M-00007" }, times: 1, fault: { kind: "created-then-timeout", holdMs: 3000 } },
      { match: { offerNumber: "M-00033" }, times: 2, fault: { kind: "timeout", holdMs: 3000 } },
      { match: { offerNumber: "M-00064" }, times: 1, fault: { kind: "created-then-status", status: 500 } },
      { match: { offerNumber: "M-00101" }, times: 1, fault: { kind: "created-then-timeout", holdMs: 3000 } },
      {
        match: { method: "GET", path: "/customer-offers" },
        times: 6,
        fault: { kind: "status", status: 500 },
      },
    ]);
    const r = w.run("createPendingOffers");
    expect(r.killed).toBeUndefined();
    expect(drain(w, 60, 4 * 3_600_000)).toEqual([]);
    await expectExactlyOnce(w, n);
    expect(w.rt.triggers.map((t) => t.type)).toEqual(["hourly"]);
  });

  test("500s on every list page for a while, with lost creates: `sending` rows are never re-sent blindly", async () => {
    const n = 30;
    const w = await world(batch(n, "L"));
    expectOk(w.run("enableScheduledRuns"));
    await w.api.seedOffers(Array.from({ length: 250 }, (_, i) => ({ offerNumber: `OLD-${i}` })));
    await w.api.injectFaults([
      { match: { offerNumber: "L-00003" }, times: 1, fault: { kind: "created-then-status", status: 502 } },
      { match: { offerNumber: "L-00017" }, times: 1, fault: { kind: "created-then-timeout", holdMs: 3000 } },
      {
        match: { method: "GET", path: "/customer-offers" },
        skip: 1,
        times: 20,
        fault: { kind: "status", status: 500 },
      },
    ]);
    expectOk(w.run("createPendingOffers"));
    expect(drain(w, 60, 5 * 3_600_000)).toEqual([]);
    await expectExactlyOnce(w, n);
  });
});
