// Status refresh: accepted, rejected, expired and deleted offers written back; the cheaper lookup
// strategy chosen by size; a large sheet refreshed across executions within the rate limit.

import { afterAll, describe, expect, test } from "@jest/globals";
import { expectOk, type Row, stopDouble, world } from "./world";

afterAll(stopDouble);

/** Sheet rows of offers already created (status created, with their IDs) and the matching seeds. */
function created(n: number, expiresAt = "2025-05-14") {
  const offers: Row[] = [];
  const lines: Row[] = [];
  const seeds = [];
  for (let i = 1; i <= n; i++) {
    const number = `C-${String(i).padStart(4, "0")}`;
    const id = `off_seed${String(i).padStart(6, "0")}`;
    offers.push([
      number,
      "cst_demo0001",
      "2025-04-01",
      expiresAt,
      "",
      "created",
      id,
      "10.00",
      "",
      "2025-04-01 09:00:00",
    ]);
    lines.push([number, "x", "10.00", 21]);
    seeds.push({
      id,
      offerNumber: number,
      customerId: "cst_demo0001",
      issuedAt: "2025-04-01",
      expiresAt,
      amount: "10.00",
    });
  }
  return { offers, lines, seeds };
}

describe("refreshing statuses", () => {
  test("accepted, rejected, expired and deleted offers are written back; open ones are left as they are", async () => {
    const data = created(5);
    // Row 4's offer expired before today (the virtual clock starts on 2025-04-14).
    data.offers[3] = [
      "C-0004",
      "cst_demo0001",
      "2025-03-01",
      "2025-03-31",
      "",
      "created",
      "off_seed000004",
      "10.00",
      "",
      "2025-03-01 09:00:00",
    ];
    data.seeds[3] = { ...data.seeds[3]!, issuedAt: "2025-03-01", expiresAt: "2025-03-31" };
    const w = await world({ offers: data.offers, lines: data.lines });
    await w.api.seedOffers(data.seeds);
    await w.api.updateOffer("off_seed000001", { acceptedAt: "2025-04-10 14:30:00" });
    await w.api.updateOffer("off_seed000002", { rejectedAt: "2025-04-11 09:05:00", amount: "12.50" });
    await w.api.deleteOffer("off_seed000005");
    const before = w.offers();
    expectOk(w.run("refreshOfferStatuses"));
    expect(w.column("Status")).toEqual(["accepted", "rejected", "created", "expired", "created"]);
    expect(w.column("Accepted at")).toEqual(["2025-04-10 14:30:00", "", "", "", ""]);
    expect(w.column("Rejected at")).toEqual(["", "2025-04-11 09:05:00", "", "", ""]);
    expect(w.column("Amount")).toEqual(["10.00", "12.50", "10.00", "10.00", "10.00"]);
    expect(w.column("Message")[4]).toMatch(/Not found in MijnKlantportaal/);
    // The open offer's row is exactly as it was.
    expect(w.offers()[3]).toEqual(before[3]);
    // Nothing changes on a second refresh.
    const after = w.offers();
    expectOk(w.run("refreshOfferStatuses"));
    expect(w.offers()).toEqual(after);
  });

  test("a created row the user marked skip is not refreshed", async () => {
    const data = created(2);
    data.offers[1]![5] = "skip";
    const w = await world({ offers: data.offers, lines: data.lines });
    await w.api.seedOffers(data.seeds);
    await w.api.updateOffer("off_seed000002", { acceptedAt: "2025-04-10 14:30:00" });
    expectOk(w.run("refreshOfferStatuses"));
    expect(w.column("Status")).toEqual(["created", "skip"]);
    expect((await w.api.requests()).map((r) => r.path)).toEqual(["/v1/customer-offers/off_seed000001"]);
  });

  test("5 rows are looked up by ID, 500 rows through the list: the cheaper way each time", async () => {
    const small = created(5);
    const w5 = await world({ offers: small.offers, lines: small.lines });
    await w5.api.seedOffers(small.seeds);
    expectOk(w5.run("refreshOfferStatuses"));
    const r5 = await w5.api.requests();
    expect(r5.length).toBe(5);
    expect(r5.every((r) => /^\/v1\/customer-offers\/off_/.test(r.path))).toBe(true);

    const large = created(500);
    const w500 = await world({ offers: large.offers, lines: large.lines });
    await w500.api.seedOffers(large.seeds);
    await w500.api.updateOffer("off_seed000321", { acceptedAt: "2025-04-12 10:00:00" });
    expectOk(w500.run("refreshOfferStatuses"));
    const r500 = await w500.api.requests();
    // 500 offers at 15 a page: 34 pages, far fewer than 500 lookups.
    expect(r500.length).toBeLessThanOrEqual(Math.ceil(500 / 15) + 1);
    expect(r500.every((r) => r.path === "/v1/customer-offers")).toBe(true);
    expect(w500.column("Status")[320]).toBe("accepted");
  });

  test("1,000 created rows are refreshed through the list within the rate limit, leaving no trigger", async () => {
    const data = created(1000);
    const w = await world({ offers: data.offers, lines: data.lines });
    await w.api.seedOffers(data.seeds);
    await w.api.updateOffer("off_seed000999", { rejectedAt: "2025-04-12 10:00:00" });
    const first = w.run("refreshOfferStatuses");
    expectOk(first);
    const executions = [first];
    for (let i = 0; i < 10 && w.rt.triggers.length > 0; i++) {
      const run = w.rt.advanceToNextTrigger();
      if (!run) break;
      expectOk(run);
      expect(run.killed).toBeUndefined();
      executions.push(run);
    }
    expect(w.column("Status")[998]).toBe("rejected");
    const requests = await w.api.requests();
    // 1,000 offers at 15 a page: 67 pages, far fewer than 1,000 lookups by ID.
    expect(requests.length).toBeLessThanOrEqual(Math.ceil(1000 / 15) + 2);
    expect((await w.api.stats()).rateLimited).toBe(0);
    expect(w.rt.triggers).toEqual([]);
    const minutes = ((executions.at(-1)?.endedAt ?? 0) - first.startedAt) / 60_000;
    expect(minutes).toBeLessThanOrEqual((1000 / 60) * 1.15);
  });
});
