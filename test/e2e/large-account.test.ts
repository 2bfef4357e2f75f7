// Exactly once, and cheap, in an account of any size (CONTRACT §6): rows left `sending` in an account
// of 10,000 offers are settled with a bounded number of requests whatever the list's order and page
// size behaviour; an offer number used last year is never taken for this year's; deletions while
// the list is read never lead to a duplicate.

import { afterAll, describe, expect, test } from "@jest/globals";
import { killAfterSend } from "./large-account-cases";
import { settleScenario } from "./large-account-scenarios";
import { postedNumbers, runOk, stopDouble, world } from "./world";

afterAll(stopDouble);

// Every order × per_page behaviour, in accounts of 0, 2,000 and 10,000: large-account-settle.exhaustive.test.ts.
describe("40 rows left sending in a 10,000-offer account", () => {
  test("list asc, per_page refused: every row created with its own offer, nothing twice, ≤ 60 requests, ≤ 2 runs; offers added meanwhile are sent in those runs", async () => {
    const r = await settleScenario({
      listOrder: "asc",
      perPageMode: "refuse",
      accountSize: 10_000,
      rows: 40,
      added: 5,
      listChanges: true,
    });
    expect(r.ownIds).toBe(true);
    expect(r.duplicates).toEqual([]);
    expect(r.requests).toBeLessThanOrEqual(60);
    expect(r.runs).toBeLessThanOrEqual(2);
    expect(r.addedCreated).toBe(5);
  });
});

describe("the list changes while it is read", () => {
  // An offer number used last year, and deletions before a lookup's pages: large-account-cases.exhaustive.test.ts.
  test("an offer number edited while its request is out: one offer for the row, and the row says so", async () => {
    const w = await world({
      offers: [["ED-0002", "cst_demo0001", "2025-04-14"]],
      lines: [["ED-0002", "Work", 10, 21]],
    });
    await w.api.injectFaults([{ times: 1, fault: { kind: "created-then-timeout", holdMs: 2000 } }]);
    killAfterSend(w);
    await w.api.clearFaults();
    // The user renames the offer (and its line) while the run was busy.
    w.ss.setCell("Offers", 2, 1, "ED-0002-NEW");
    w.ss.setCell("Offer lines", 2, 1, "ED-0002-NEW");
    runOk(w, "createPendingOffers");
    runOk(w, "createPendingOffers");
    const offers = await w.api.offers();
    expect(offers.map((o) => o.offerNumber)).toEqual(["ED-0002"]);
    expect(w.column("Offer ID")).toEqual([offers[0]?.id]);
    expect(w.column("Message")[0]).toMatch(/edited while it was being sent/);
  });
});

test("clearing Status and Offer ID of a created row does not send it again: a warning, until `send anyway`", async () => {
  const w = await world({
    offers: [["C-1", "cst_demo0001", "2025-04-14"]],
    lines: [["C-1", "Work", 10, 21]],
  });
  runOk(w, "createPendingOffers");
  const header = w.offers()[0] ?? [];
  const col = (name: string) => header.indexOf(name) + 1;
  w.ss.setCell("Offers", 2, col("Status"), "");
  w.ss.setCell("Offers", 2, col("Offer ID"), "");
  runOk(w, "createPendingOffers");
  expect(await postedNumbers(w.api)).toEqual(["C-1"]);
  expect(w.column("Status")).toEqual(["warning"]);
  expect(w.column("Message")[0]).toMatch(/already has offer C-1.*send anyway/);
  w.ss.setCell("Offers", 2, col("Status"), "send anyway");
  runOk(w, "createPendingOffers");
  expect(await postedNumbers(w.api)).toEqual(["C-1", "C-1"]);
  expect(w.column("Status")).toEqual(["created"]);
});
