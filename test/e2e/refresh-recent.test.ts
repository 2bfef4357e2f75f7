// A scheduled run's status refresh leaves the offers this product created in the last hour for a
// later hourly run (their status cannot have changed worth a request yet); older rows are checked as
// before, and a refresh the user asks for from the menu checks every row.

import { afterAll, describe, expect, test } from "@jest/globals";
import type { DoubleClient } from "../../tools/mkp-double/client";
import { type Row, runOk, stopDouble, type World, world } from "./world";

afterAll(stopDouble);

const HOUR = 3_600_000;

/** Requests for one offer by ID (GET /…/offer_id) among those the double received. */
async function lookupsOf(api: DoubleClient, ids: readonly string[]): Promise<string[]> {
  return (await api.requests())
    .filter((r) => r.method === "GET" && ids.some((id) => r.path.endsWith(`/${id}`)))
    .map((r) => r.path);
}

/** Two rows created long ago (no ledger ref: not made by this run), then three pending offers. */
async function sheet(): Promise<World> {
  const old: Row[] = [1, 2].map((i) => [
    `OLD-${i}`,
    "cst_demo0001",
    "2025-04-01",
    "2025-05-14",
    "",
    "created",
    `off_old00000${i}`,
    "10.00",
    "",
    "2025-04-01 09:00:00",
  ]);
  const fresh: Row[] = [1, 2, 3].map((i) => [`NEW-${i}`, "cst_demo0001", "2025-04-14"]);
  const w = await world({
    offers: [...old, ...fresh],
    lines: [...old, ...fresh].map((r) => [r[0] as string, "Work", "10.00", 21]),
  });
  await w.api.seedOffers(
    [1, 2].map((i) => ({
      id: `off_old00000${i}`,
      offerNumber: `OLD-${i}`,
      customerId: "cst_demo0001",
      issuedAt: "2025-04-01",
      expiresAt: "2025-05-14",
      amount: "10.00",
    })),
  );
  return w;
}

const newIds = (w: World): string[] => w.column("Offer ID").slice(2);

describe("the scheduled refresh and offers created in the last hour", () => {
  test("a scheduled run checks the old rows, not the ones created minutes ago; an hour later it checks those too", async () => {
    const w = await sheet();
    // Hourly runs on, as for the hourly run this test imitates (else nothing checks them later).
    runOk(w, "enableScheduledRuns");
    runOk(w, "createPendingOffers");
    expect(w.column("Status")).toEqual(["created", "created", "created", "created", "created"]);
    const ids = newIds(w);
    expect(ids.every((id) => id.startsWith("off_"))).toBe(true);
    // Old rows changed in MijnKlantportaal; so did a new one (it will be seen an hour later).
    await w.api.updateOffer("off_old000001", { acceptedAt: "2025-04-10 14:30:00" });
    await w.api.updateOffer(ids[0] ?? "", { rejectedAt: "2025-04-14 10:30:00" });
    await w.api.clearRequests();

    w.rt.clock.advance(10 * 60_000);
    const first = runOk(w, "runScheduledBatch");
    expect(first.error).toBeUndefined();
    expect(w.column("Status")).toEqual(["accepted", "created", "created", "created", "created"]);
    expect(await lookupsOf(w.api, ids)).toEqual([]);
    // The Run log says why the new ones were not checked.
    const log = w.ss.displayValues("Run log");
    expect(log.at(-1)?.join(" ")).toMatch(
      /3 offers created in the last hour are checked in a later hourly run/,
    );

    w.rt.clock.advance(HOUR);
    runOk(w, "runScheduledBatch");
    expect(w.column("Status")).toEqual(["accepted", "created", "rejected", "created", "created"]);
  });

  test("a refresh asked for from the menu checks every row, the new ones too", async () => {
    const w = await sheet();
    runOk(w, "createPendingOffers");
    const ids = newIds(w);
    await w.api.updateOffer(ids[2] ?? "", { acceptedAt: "2025-04-14 10:05:00" });
    await w.api.clearRequests();
    w.rt.clock.advance(5 * 60_000);
    runOk(w, "refreshOfferStatuses");
    expect(w.column("Status")).toEqual(["created", "created", "created", "created", "accepted"]);
    expect(w.column("Accepted at")).toEqual(["", "", "", "", "2025-04-14 10:05:00"]);
  });
});
