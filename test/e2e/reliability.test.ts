// Retries, reconciliation and the run lock, over the built bundle against the double with faults.

import { afterAll, describe, expect, test } from "@jest/globals";
import { expectCreatedOnce as expectExactlyOnce, offers } from "./batches";
import { menuRunKillWalk } from "./kill-walks";
import { expectOk, runOk, stopDouble, world } from "./world";

afterAll(stopDouble);

describe("retries", () => {
  test("429 with retry-after: the product waits at least that long, then creates every offer once", async () => {
    const w = await world(offers(5));
    await w.api.injectFaults([
      {
        match: { path: "/customer-offers/manual" },
        times: 2,
        fault: { kind: "rate-limit", retryAfterSeconds: 20 },
      },
    ]);
    const start = w.rt.clock.now();
    expectOk(w.run("createPendingOffers"));
    await expectExactlyOnce(w, 5);
    const posts = (await w.api.requests()).filter((r) => r.method === "POST");
    const limited = posts.filter((r) => r.status === 429);
    expect(limited.length).toBe(2);
    const firstRetry = posts.find(
      (r) =>
        r.status === 201 && r.body && limited.some((l) => JSON.stringify(l.body) === JSON.stringify(r.body)),
    );
    expect(firstRetry).toBeDefined();
    expect((firstRetry?.at ?? 0) - (limited[0]?.at ?? 0)).toBeGreaterThanOrEqual(20_000);
    expect(w.rt.clock.now() - start).toBeLessThan(120_000);
  });

  test("503 twice then OK: created once", async () => {
    const w = await world(offers(1));
    await w.api.injectFaults([
      { match: { path: "/customer-offers/manual" }, times: 2, fault: { kind: "status", status: 503 } },
    ]);
    expectOk(w.run("createPendingOffers"));
    await expectExactlyOnce(w, 1);
  });

  test("an offer that fails every time stays pending with 'will retry', and a later run creates it", async () => {
    const w = await world(offers(2));
    await w.api.injectFaults([
      { match: { offerNumber: "R-0002" }, times: null, fault: { kind: "status", status: 502 } },
    ]);
    expectOk(w.run("createPendingOffers"));
    expect(w.column("Status")).toEqual(["created", ""]);
    expect(w.column("Message")[1]).toMatch(/will retry/);
    await w.api.clearFaults();
    expectOk(w.run("createPendingOffers"));
    await expectExactlyOnce(w, 2);
  });

  test.each([
    ["created-then-500", { kind: "created-then-status", status: 500 }],
    ["created-then-timeout", { kind: "created-then-timeout", holdMs: 3000 }],
  ] as const)("%s: after re-runs the offer exists once and its row holds that ID", async (_name, fault) => {
    const w = await world(offers(3));
    await w.api.injectFaults([{ match: { offerNumber: "R-0002" }, times: 1, fault }]);
    expectOk(w.run("createPendingOffers"));
    expectOk(w.run("createPendingOffers"));
    await expectExactlyOnce(w, 3);
  });

  test("400/404/422 are not retried: the row is failed with the API's reason", async () => {
    const w = await world({ offers: [["F-1", "cst_unknown99", "2025-04-14"]], lines: [["F-1", "x", 1, 21]] });
    expectOk(w.run("createPendingOffers"));
    expect(w.column("Status")).toEqual(["failed"]);
    expect(w.column("Message")[0]).toMatch(/No Customer can be found.*HTTP 404/);
    expect((await w.api.requests()).filter((r) => r.method === "POST").length).toBe(1);
    expectOk(w.run("createPendingOffers"));
    expect((await w.api.requests()).filter((r) => r.method === "POST").length).toBe(1);
  });
});

describe("one run at a time", () => {
  test("a run that finds the lock taken sends nothing, changes no offer, and says so", async () => {
    const w = await world(offers(3));
    const before = w.offers();
    const release = w.rt.holdLock("document");
    const result = w.run("createPendingOffers");
    release();
    expectOk(result);
    expect(await w.api.requests()).toEqual([]);
    expect(w.offers()).toEqual(before);
    expect(w.ss.alerts.at(-1)?.message).toMatch(/Another MijnKlantportaal run is in progress/);
    expect(w.ss.displayValues("Run log")[1]?.[9]).toMatch(/in progress/);
  });
});

describe("auth errors", () => {
  test("401 in the middle of a batch stops the run, marks no row failed, and asks for the key again", async () => {
    const w = await world(offers(10));
    await w.api.injectFaults([
      {
        match: { path: "/customer-offers/manual" },
        skip: 4,
        times: null,
        fault: { kind: "status", status: 401, body: { code: 401, message: "Unauthenticated." } },
      },
    ]);
    expectOk(w.run("createPendingOffers"));
    const statuses = w.column("Status");
    expect(statuses).not.toContain("failed");
    expect(statuses.filter((s) => s === "created").length).toBe(4);
    expect(statuses.filter((s) => s === "").length).toBe(6);
    expect(w.ss.alerts.at(-1)?.message).toMatch(/Set API key/);
    await w.api.clearFaults();
    expectOk(w.run("createPendingOffers"));
    await expectExactlyOnce(w, 10);
  });
});

describe("exactly once when the execution is killed", () => {
  // Every 7th call, and the first of each call that writes or sends;
  // menu-run-kills.exhaustive.test.ts kills at every call.
  test("a 40-offer batch killed at a sample of its service calls, then re-run, ends with every offer created once", async () => {
    await menuRunKillWalk(21);
  });
});

describe("the daily UrlFetch quota", () => {
  test("ends the run: rows stay pending with a message, nothing retries against it today, the rest tomorrow", async () => {
    const w = await world({ ...offers(80), runtime: { urlFetchDailyQuota: 60 } });
    const run = w.run("createPendingOffers");
    expectOk(run);
    const statuses = w.column("Status");
    expect(statuses.filter((s) => s === "created").length).toBe(60);
    expect(statuses.filter((s) => s === "").length).toBe(20);
    const messages = w.column("Message").filter((m) => m !== "");
    expect(messages.length).toBe(20);
    expect(messages.every((m) => /quota is used up/.test(m))).toBe(true);
    expect((await w.api.requests()).length).toBe(60);
    // With hourly runs off, one continuation, a day later (what the rows say: "will retry tomorrow").
    expect(w.rt.triggers.map((t) => t.type)).toEqual(["after"]);
    expect(w.rt.triggers[0]?.dueAt ?? 0).toBeGreaterThanOrEqual(run.startedAt + 24 * 3_600_000);
    expectOk(w.rt.advanceToNextTrigger() ?? ({ fn: "none", error: { message: "no trigger" } } as never));
    await expectExactlyOnce(w, 80);
    expect(w.rt.triggers).toEqual([]);
  });
});

describe("the daily UrlFetch quota in a run of the selected rows", () => {
  // Was a defect: the rows said "will retry tomorrow" though nothing would (a selected run arranges
  // no continuation, and hourly runs were off).
  test("with hourly runs off the rows say to choose the menu item again tomorrow; with them on, that they retry", async () => {
    const w = await world({ ...offers(80), runtime: { urlFetchDailyQuota: 60 } });
    w.ss.setSelection("Offers", ["A2:A81"]);
    expectOk(w.run("createSelectedOffers"));
    const waiting = w.column("Message").filter((m) => m !== "");
    expect(waiting).toHaveLength(20);
    expect(new Set(waiting)).toEqual(
      new Set([
        "Not sent: today's Google UrlFetch quota is used up. Select the row and choose MijnKlantportaal › Create offers in selected rows again tomorrow",
      ]),
    );
    expect(w.rt.triggers).toEqual([]);

    const v = await world({ ...offers(80), runtime: { urlFetchDailyQuota: 60 } });
    runOk(v, "enableScheduledRuns");
    v.ss.setSelection("Offers", ["A2:A81"]);
    expectOk(v.run("createSelectedOffers"));
    const told = v.column("Message").filter((m) => m !== "");
    expect(told).toHaveLength(20);
    expect(told.every((m) => /will retry tomorrow$/.test(m))).toBe(true);
  });
});

describe("people editing the sheet while a run is busy", () => {
  /** A kill hook that never kills: it acts once, at the first call that matches. */
  const at = (service: string, method: string, act: () => void) => {
    let done = false;
    return (call: { service: string; method: string }) => {
      if (!done && call.service === service && call.method === method) {
        done = true;
        act();
      }
      return false;
    };
  };

  test("a row deleted between the read and the marking is not sent", async () => {
    const w = await world(offers(4));
    const run = w.run("createPendingOffers", [], {
      kill: at("Spreadsheet", "toast", () => w.ss.deleteRows("Offers", 3, 1)),
    });
    expectOk(run);
    const posted = (await w.api.requests())
      .filter((r) => r.method === "POST")
      .map((r) => (r.body as { offerNumber: string }).offerNumber);
    expect(posted).toEqual(["R-0001", "R-0003", "R-0004"]);
    expect(w.ss.displayValues("Run log").at(-1)?.[9]).toMatch(/R-0002/);
  });

  test("a column inserted before Offer number during the run: results land in the right cells, nothing is created twice", async () => {
    const w = await world(offers(3));
    const run = w.run("createPendingOffers", [], {
      kill: at("UrlFetchApp", "fetchAll", () => w.ss.sheet("Offers").insertColumns(1, 1)),
    });
    expectOk(run);
    expectOk(w.run("createPendingOffers"));
    const rows = w.ss.displayValues("Offers");
    const header = rows[0] ?? [];
    expect(header[0]).toBe("");
    const col = (name: string) => rows.slice(1).map((r) => r[header.indexOf(name)]);
    expect(col("Status")).toEqual(["created", "created", "created"]);
    const stored = await w.api.offers();
    expect(stored.length).toBe(3);
    expect(col("Offer ID")).toEqual(stored.map((o) => o.id));
  });
});

describe("reconciliation across runs", () => {
  test("a pass resumed after offers were deleted in MijnKlantportaal never re-sends an offer that exists", async () => {
    const w = await world({
      offers: [["X-1", "cst_demo0001", "2025-04-14", "", "", "sending"]],
      lines: [["X-1", "x", 1, 21]],
    });
    const seeds = Array.from({ length: 200 }, (_, i) => ({
      offerNumber: i === 150 ? "X-1" : `OLD-${i}`,
      customerId: "cst_demo0001",
    }));
    const seeded = await w.api.seedOffers(seeds);
    // The list fails after its first 10 pages: the pass stops at page 11 (X-1 opens page 11).
    await w.api.injectFaults([
      {
        match: { method: "GET", path: "/customer-offers" },
        skip: 10,
        times: null,
        fault: { kind: "status", status: 503 },
      },
    ]);
    expectOk(w.run("createPendingOffers"));
    expect(w.column("Status")).toEqual(["sending"]);
    await w.api.clearFaults();
    // An early offer is deleted: X-1 moves back to page 10, which the first pass already read.
    await w.api.deleteOffer(seeded[0]!.id);
    expectOk(w.run("createPendingOffers"));
    const x1 = (await w.api.offers()).filter((o) => o.offerNumber === "X-1");
    expect(x1.length).toBe(1);
    expect(w.column("Status")).toEqual(["created"]);
    expect(w.column("Offer ID")).toEqual([x1[0]!.id]);
  });
});

describe("the offer list's undocumented page size", () => {
  test("an API that refuses per_page is paged through without it", async () => {
    const w = await world({
      offers: [["P-1", "cst_demo0001", "2025-04-14", "", "", "sending"]],
      lines: [["P-1", "x", 1, 21]],
    });
    await w.api.seedOffers([
      ...Array.from({ length: 40 }, (_, i) => ({ offerNumber: `OLD-${i}` })),
      { offerNumber: "P-1" },
    ]);
    await w.api.injectFaults([
      {
        match: { method: "GET", path: "/customer-offers" },
        times: 1,
        fault: { kind: "status", status: 422, body: { message: "Unknown parameter per_page." } },
      },
    ]);
    expectOk(w.run("createPendingOffers"));
    expect(w.column("Status")).toEqual(["created"]);
    const lists = (await w.api.requests()).filter((r) => r.method === "GET");
    // The first round trip asked for bigger pages; every later one leaves the parameter out.
    expect(lists[0]?.query.per_page).toBe("100");
    const later = lists.filter((r) => r.at > (lists[0]?.at ?? 0));
    expect(later.length).toBeGreaterThan(0);
    expect(later.every((r) => r.query.per_page === undefined)).toBe(true);
    expect((await w.api.requests()).filter((r) => r.method === "POST")).toEqual([]);
  });
});
