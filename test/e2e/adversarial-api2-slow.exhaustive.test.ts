// Adversarial network pass 2: very slow answers (20–55 s of virtual time each, the double's `slow`
// fault) near the 6-minute limit, and a transport failure inside a fetchAll batch (Apps Script then
// throws for the whole batch, so no answer of it is known) while creating, syncing and refreshing.

import { afterAll, describe, expect, test } from "@jest/globals";
import { allCreated, drain } from "./batches";
import { customer, customerIds, customerWorld } from "./customers-world";
import { apiOffers, batch, expectExactlyOnce } from "./probes";
import { REF_HEADER, runOk, sheetColumn, stopDouble, type World, world } from "./world";

afterAll(stopDouble);

const START = Date.UTC(2025, 3, 14, 8, 0);
const numbers = (n: number, prefix: string) =>
  Array.from({ length: n }, (_, i) => `${prefix}-${String(i + 1).padStart(4, "0")}`);

/** Every `sending` row names a ref the ledger recorded before the request went out. */
function sendingRowsHaveLedger(w: World): void {
  const statuses = sheetColumn(w.ss, "Offers", "Status");
  const refs = sheetColumn(w.ss, "Offers", REF_HEADER);
  const ledger = w.ss.findSheet("MKP ledger") ? sheetColumn(w.ss, "MKP ledger", "Ref") : [];
  statuses.forEach((s, i) => {
    if (s === "sending")
      expect({ row: i + 2, inLedger: ledger.includes(refs[i] ?? "") }).toEqual({
        row: i + 2,
        inLedger: true,
      });
  });
}

describe("very slow answers near the 6-minute limit", () => {
  test.each([
    ["150 offers, each request 20–55 s", 150, 60, [20_000, 55_000] as [number, number]],
    ["60 offers at 10 a minute, each request 55 s", 60, 10, 55_000],
  ])(
    "%s: each execution ends in time and continues itself; every offer once; no `sending` row without a ledger record",
    async (_l, count, rateLimit, virtualMs) => {
      const w = await world({
        ...batch(count, "SL"),
        config: { rateLimit },
        runtime: { fetchTimeoutWallMs: 3000 },
      });
      w.rt.clock.set(START);
      await w.api.injectFaults([{ times: null, fault: { kind: "slow", virtualMs } }]);
      const first = w.run("createPendingOffers");
      expect({ killed: first.killed, error: first.error?.message }).toEqual({
        killed: undefined,
        error: undefined,
      });
      // The answers really were slow: the first execution used most of its 6 minutes.
      expect(first.endedAt - first.startedAt).toBeGreaterThan(3 * 60_000);
      sendingRowsHaveLedger(w);
      expect(w.rt.triggers.filter((t) => t.type !== "hourly")).toHaveLength(1);
      for (let i = 0; i < 40 && !allCreated(w); i++) {
        const run = w.rt.advanceToNextTrigger();
        if (!run) break;
        expect({ fn: run.fn, killed: run.killed, error: run.error?.message }).toEqual({
          fn: run.fn,
          killed: undefined,
          error: undefined,
        });
        expect(run.endedAt - run.startedAt).toBeLessThanOrEqual(6 * 60_000);
        sendingRowsHaveLedger(w);
      }
      expect(allCreated(w)).toBe(true);
      await expectExactlyOnce(w, numbers(count, "SL"));
    },
    60_000,
  );
});

describe("a transport failure inside a fetchAll batch", () => {
  test.each([
    ["the connection reset (Address unavailable)", { kind: "reset" } as const],
    ["a timeout", { kind: "timeout", holdMs: 2500 } as const],
  ])(
    "creating: %s on one request of 10, the others created: none lost, none twice, rows explained",
    async (_l, fault) => {
      const w = await world(batch(10, "TF"));
      w.rt.clock.set(START);
      await w.api.injectFaults([{ match: { offerNumber: "TF-0004" }, fault }]);
      runOk(w, "createPendingOffers");
      for (const m of sheetColumn(w.ss, "Offers", "Message"))
        expect(m).not.toMatch(/Address unavailable|Timeout:/);
      drain(w, 10);
      await expectExactlyOnce(w, numbers(10, "TF"));
    },
  );

  test("refreshing: a reset on one status request of a batch: nothing written wrong, the next refresh finishes", async () => {
    const w = await world(batch(6, "RF"));
    w.rt.clock.set(START);
    runOk(w, "createPendingOffers");
    const made = await apiOffers(w);
    await w.api.updateOffer(made[1]?.id ?? "", { acceptedAt: START + 60_000 });
    await w.api.updateOffer(made[4]?.id ?? "", { rejectedAt: START + 60_000 });
    w.rt.clock.advance(3_600_000);
    await w.api.injectFaults([{ match: { method: "GET" }, skip: 2, fault: { kind: "reset" } }]);
    runOk(w, "refreshOfferStatuses");
    const after = w.column("Status");
    // Nothing that was not said by the API: accepted/rejected only where they are.
    after.forEach((s, i) => {
      expect(["created", i === 1 ? "accepted" : i === 4 ? "rejected" : "created"]).toContain(s);
    });
    await w.api.clearFaults();
    runOk(w, "refreshOfferStatuses");
    expect(w.column("Status")).toEqual(["created", "accepted", "created", "created", "rejected", "created"]);
  });

  test("the customer sync: a reset on one page of the walk: the Customers sheet ends complete, no duplicate", async () => {
    const w = await customerWorld(Array.from({ length: 40 }, (_, i) => customer(i + 1)));
    w.rt.clock.set(START);
    await w.api.injectFaults([{ match: { path: "/customers" }, skip: 1, fault: { kind: "reset" } }]);
    w.run("syncCustomers");
    await w.api.clearFaults();
    for (let i = 0; i < 5 && customerIds(w).filter((id) => id !== "").length < 40; i++) {
      if (w.rt.triggers.some((t) => t.type !== "hourly")) w.rt.advanceToNextTrigger();
      else w.run("syncCustomers");
    }
    const ids = customerIds(w).filter((id) => id !== "");
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual(
      Array.from({ length: 40 }, (_, i) => `cst_t${String(i + 1).padStart(4, "0")}`).sort(),
    );
  });
});
