// A 429 in the middle of reading a list (CONTRACT §6: a 429 is honoured, never a failure): the
// customer sync and the status refresh wait its retry-after and go on where they were, reading
// every page once more at most, with nothing lost or written twice. A 503 that gives a Retry-After
// is kept away from as long, by every request of the key.

import { afterAll, describe, expect, test } from "@jest/globals";
import { customer, customerIds, customerRequests, customerWorld } from "./customers-world";
import { batch } from "./probes";
import { runOk, stopDouble, world } from "./world";

afterAll(stopDouble);

const RETRY_AFTER_S = 20;
const limited = (path: string) => ({
  match: { method: "GET", path },
  skip: 1,
  times: 1,
  fault: { kind: "status" as const, status: 429, headers: { "Retry-After": String(RETRY_AFTER_S) } },
});

describe("a 429 while a list is read", () => {
  test("the customer sync: every customer once, the next page not asked for before the retry-after", async () => {
    const w = await customerWorld(Array.from({ length: 40 }, (_, i) => customer(i + 1)));
    await w.api.injectFaults([limited("/customers")]);
    runOk(w, "syncCustomers");
    expect(customerIds(w)).toEqual(
      Array.from({ length: 40 }, (_, i) => `cst_t${String(i + 1).padStart(4, "0")}`),
    );
    const pages = (await customerRequests(w)).filter((r) => r.route === "GET /customers");
    const refused = pages.find((r) => r.status === 429);
    expect(refused).toBeDefined();
    const after = pages.filter((r) => r.at > (refused?.at ?? 0));
    expect(after.length).toBeGreaterThan(0);
    expect(Math.min(...after.map((r) => r.at)) - (refused?.at ?? 0)).toBeGreaterThanOrEqual(
      RETRY_AFTER_S * 1000,
    );
  });

  test("the status refresh: every row's status as the API has it, after waiting the retry-after", async () => {
    const w = await world(batch(40, "RL"));
    runOk(w, "createPendingOffers");
    const made = (await w.api.offers()).filter((o) => o.source === "api");
    for (const o of made.filter((_, i) => i % 10 === 3))
      await w.api.updateOffer(o.id, { acceptedAt: w.rt.clock.now() });
    w.rt.clock.advance(2 * 3_600_000);
    await w.api.clearRequests();
    await w.api.injectFaults([limited("/customer-offers")]);
    runOk(w, "refreshOfferStatuses");
    const statuses = w.column("Status");
    expect(statuses.filter((s) => s === "accepted")).toHaveLength(4);
    expect(statuses.filter((s) => s === "created")).toHaveLength(36);
    const gets = (await w.api.requests()).filter((r) => r.method === "GET");
    const refused = gets.find((r) => r.status === 429);
    expect(refused).toBeDefined();
    const after = gets.filter((r) => r.at > (refused?.at ?? 0));
    expect(Math.min(...after.map((r) => r.at)) - (refused?.at ?? 0)).toBeGreaterThanOrEqual(
      RETRY_AFTER_S * 1000,
    );
  });
});

describe("a 503 with a Retry-After", () => {
  test("no request with the key before it; every offer created once", async () => {
    const w = await world(batch(3, "SU"));
    await w.api.injectFaults([
      {
        match: { method: "POST" },
        times: 1,
        fault: { kind: "status", status: 503, headers: { "Retry-After": "90" } },
      },
    ]);
    runOk(w, "createPendingOffers");
    for (let i = 0; i < 3 && w.column("Status").some((s) => s !== "created"); i++) {
      w.rt.clock.advance(3_600_000);
      runOk(w, "createPendingOffers");
    }
    const made = (await w.api.offers()).filter((o) => o.source === "api").map((o) => o.offerNumber);
    expect(made.sort()).toEqual(["SU-0001", "SU-0002", "SU-0003"]);
    const requests = await w.api.requests();
    const refused = requests.find((r) => r.status === 503);
    expect(refused).toBeDefined();
    const later = requests.filter((r) => r.at > (refused?.at ?? 0));
    expect(later.length).toBeGreaterThan(0);
    expect(Math.min(...later.map((r) => r.at)) - (refused?.at ?? 0)).toBeGreaterThanOrEqual(90_000);
  });
});
