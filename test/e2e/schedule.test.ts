// Scheduled runs: the hourly trigger, continuations across executions, and a 1,000-offer batch
// completed at the API's rate limit with nobody watching.

import { afterAll, describe, expect, test } from "@jest/globals";
import { batch as twoLineBatch } from "./batches";
import { expectOk, stopDouble, world } from "./world";

const batch = (n: number) => twoLineBatch(n, "S");

afterAll(stopDouble);

describe("scheduled runs", () => {
  test("enableScheduledRuns twice installs one hourly trigger; disableScheduledRuns removes it", async () => {
    const w = await world(batch(1));
    expectOk(w.run("enableScheduledRuns"));
    expectOk(w.run("enableScheduledRuns"));
    expect(w.rt.triggers.map((t) => [t.handler, t.type])).toEqual([["runScheduledBatch", "hourly"]]);
    expectOk(w.run("disableScheduledRuns"));
    expect(w.rt.triggers).toEqual([]);
  });

  test("the hourly run creates pending offers without any UI call and logs to Run log", async () => {
    const w = await world(batch(3));
    expectOk(w.run("enableScheduledRuns"));
    const run = w.rt.advanceToNextTrigger();
    expect(run).not.toBeNull();
    if (!run) return;
    expectOk(run);
    expect(run.calls.filter((c) => c.service === "SpreadsheetApp" && c.method === "getUi")).toEqual([]);
    expect(w.column("Status")).toEqual(["created", "created", "created"]);
    const log = w.ss.displayValues("Run log");
    expect(log.at(-1)?.slice(1, 4)).toEqual(["scheduled", "trigger", "3"]);
  });

  test("a scheduled run that meets an auth error mails the user once a day, without the key", async () => {
    const w = await world(batch(2));
    expectOk(w.run("enableScheduledRuns"));
    await w.api.configure({ apiKeys: ["another-key"] });
    w.rt.advanceToNextTrigger();
    w.rt.advanceToNextTrigger();
    expect(w.rt.mail.length).toBe(1);
    expect(w.rt.mail[0]?.to).toBe("sales@example.com");
    // A stopped run concerns no row: the mail points to the spreadsheet, not to rows' Messages.
    expect(w.rt.mail[0]?.body).toMatch(/\nOpen the spreadsheet: \S+\n/);
    expect(w.rt.mail[0]?.body).not.toMatch(/rows concerned/);
    expect(JSON.stringify(w.rt.mail)).not.toContain("test-key-0001");
    expect(w.column("Status")).not.toContain("failed");
  });
});

describe("continuations", () => {
  const allCreated = (w: Awaited<ReturnType<typeof world>>) =>
    w.column("Status").every((s) => s === "created");

  test("a menu refresh in the middle of a large batch does not end the batch's continuation", async () => {
    const w = await world(batch(400));
    expectOk(w.run("createPendingOffers"));
    expect(allCreated(w)).toBe(false);
    expect(w.rt.triggers.filter((t) => !t.disabled).length).toBe(1);
    expectOk(w.run("refreshOfferStatuses"));
    expect(w.rt.triggers.filter((t) => !t.disabled).length).toBe(1);
    for (let i = 0; i < 5 && !allCreated(w); i++) {
      const run = w.rt.advanceToNextTrigger();
      if (run) expectOk(run);
    }
    expect(allCreated(w)).toBe(true);
    expect((await w.api.offers()).length).toBe(400);
  });

  test("a continuation that finds another run busy tries again later instead of ending the batch", async () => {
    const w = await world(batch(400));
    expectOk(w.run("createPendingOffers"));
    const release = w.rt.holdLock("document");
    const busy = w.rt.advanceToNextTrigger();
    release();
    expect(busy?.fn).toBe("runScheduledBatch");
    expect(w.ss.displayValues("Run log").at(-1)?.[9]).toMatch(/in progress.*tries again/);
    for (let i = 0; i < 5 && !allCreated(w); i++) w.rt.advanceToNextTrigger();
    expect(allCreated(w)).toBe(true);
    expect(w.rt.triggers).toEqual([]);
  });

  test("while MijnKlantportaal is down, continuations back off instead of running every minute", async () => {
    const w = await world(batch(2));
    // The API answers 503 to everything about offers, for hours.
    await w.api.injectFaults([
      { match: { path: "/customer-offers" }, times: null, fault: { kind: "status", status: 503 } },
    ]);
    expectOk(w.run("createPendingOffers"));
    const start = w.rt.clock.now();
    let executions = 0;
    while (w.rt.clock.now() - start < 3 * 3_600_000) {
      const run = w.rt.advanceToNextTrigger();
      if (!run) break;
      executions++;
    }
    // Backing off 1, 2, 4 … 60 minutes: a handful of runs in three hours, not hundreds.
    expect(executions).toBeLessThanOrEqual(12);
    expect((await w.api.offers()).length).toBe(0);
    await w.api.clearFaults();
    for (let i = 0; i < 3 && !allCreated(w); i++) w.rt.advanceToNextTrigger();
    expect(allCreated(w)).toBe(true);
    expect((await w.api.offers()).length).toBe(2);
  });
});

test("a continuation killed by Apps Script before it could schedule the next one: the batch still completes", async () => {
  const w = await world(batch(700));
  expectOk(w.run("createPendingOffers"));
  // The next continuation is killed late in its execution (before its end schedules anything).
  const trigger = w.rt.triggers.find((t) => !t.disabled);
  expect(trigger?.dueAt).toEqual(expect.any(Number));
  if (trigger?.dueAt === undefined) throw new Error("no continuation with a due time was scheduled");
  w.rt.clock.set(trigger.dueAt);
  const killed = w.rt.run("runScheduledBatch", [{ authMode: "FULL", triggerUid: trigger.id }], {
    trigger,
    kill: (call) =>
      call.service === "Range" &&
      call.method === "setValues" &&
      w.rt.clock.now() - (trigger.dueAt ?? 0) > 200_000,
  });
  expect(killed.killed).toBe("killed");
  // That one-off trigger has fired (run by hand above, so mark it as Apps Script would).
  trigger.disabled = true;
  for (let i = 0; i < 6 && w.column("Status").some((s) => s !== "created"); i++) w.rt.advanceToNextTrigger();
  expect(w.column("Status").every((s) => s === "created")).toBe(true);
  const stored = await w.api.offers();
  expect(stored.length).toBe(700);
  expect(new Set(stored.map((o) => o.offerNumber)).size).toBe(700);
  expect(w.rt.triggers.filter((t) => !t.disabled)).toEqual([]);
});
