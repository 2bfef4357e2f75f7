// Adversarial timing: another person's action, or a trigger, running while a batch is half-way
// (a second execution started from inside the first one's service calls, so the first still holds
// the document lock, as two real executions at once would). CONTRACT §3, §6 one run at a time, §9.

import { afterAll, describe, expect, test } from "@jest/globals";
import { batch, drain, expectExactlyOnce, KEY_B, triggerViolations } from "./batches";
import { expectOk, runLogMessages, stopDouble, type World, world } from "./world";

afterAll(stopDouble);

const A = "sales@example.com";
const B = "b@example.com";
const BUSY = /Another MijnKlantportaal run is in progress/;

type Opts = NonNullable<Parameters<World["run"]>[2]>;

/** Runs `fn`; just before its `nth` UrlFetch call (rows are marked `sending` then), runs `meanwhile`. */
function runWith(w: World, fn: string, nth: number, meanwhile: () => void, opts: Opts = {}) {
  let fetches = 0;
  let acted = false;
  const result = w.run(fn, [], {
    ...opts,
    kill: (call) => {
      if (!acted && call.service === "UrlFetchApp" && ++fetches === nth) {
        acted = true;
        meanwhile();
      }
      return false;
    },
  });
  expect(acted).toBe(true);
  return result;
}

describe("another user's actions while a menu batch is sending", () => {
  test("setupSheets, validate, create and refresh from user B are refused as busy and change nothing; the batch completes once", async () => {
    const w = await world(batch(20));
    w.rt.properties.user(B).set("MKP_API_KEY", KEY_B);
    const seen: { fn: string; returned: unknown; error?: string }[] = [];
    let offersDuring: string[][] = [];
    const outer = runWith(w, "createPendingOffers", 2, () => {
      offersDuring = w.ss.displayValues("Offers");
      for (const fn of ["setupSheets", "validateOffers", "createPendingOffers", "refreshOfferStatuses"]) {
        const r = w.run(fn, [], { user: B });
        seen.push({ fn, returned: r.returned, ...(r.error ? { error: r.error.message } : {}) });
      }
      // Nothing the refused runs did touched Offers.
      expect(w.ss.displayValues("Offers")).toEqual(offersDuring);
    });
    expectOk(outer);
    expect(seen.map((s) => s.error)).toEqual([undefined, undefined, undefined, undefined]);
    for (const s of seen.filter((x) => x.fn !== "setupSheets")) expect(String(s.returned)).toMatch(BUSY);
    // setupSheets says so too (an alert for B), in plain words.
    expect(w.ss.alerts.filter((a) => BUSY.test(a.message)).length).toBeGreaterThanOrEqual(4);
    // Rows were `sending` while B was refused, and none of B's runs sent them.
    expect(offersDuring.slice(1).some((r) => r[5] === "sending")).toBe(true);
    await expectExactlyOnce(w, 20);
    // The busy runs are in the Run log, and the batch's own row is there once.
    const log = runLogMessages(w.ss);
    expect(log.filter((m) => BUSY.test(m)).length).toBe(3);
    expect(log.filter((m) => m === "20 created.").length).toBe(1);
  });

  test("the sidebar of user B (no key) during A's batch shows A's progress, B's own key state, and takes no lock", async () => {
    const w = await world(batch(20));
    let panel: Record<string, unknown> | null = null;
    runWith(w, "createPendingOffers", 2, () => {
      const r = w.run("getPanelState", [], { user: B });
      expectOk(r);
      expect(r.counts["Lock.tryLock"] ?? 0).toBe(0);
      expect(r.counts["Lock.waitLock"] ?? 0).toBe(0);
      panel = r.returned as Record<string, unknown>;
    });
    const p = panel as unknown as {
      user: string;
      key: { saved: boolean; lastFour: string | null };
      progress: { done: number; toGo: number } | null;
    };
    expect(p.user).toBe(B);
    expect(p.key).toEqual({ saved: false, lastFour: null });
    expect(p.progress).not.toBeNull();
    expect((p.progress?.done ?? 0) + (p.progress?.toGo ?? 0)).toBe(20);
    await expectExactlyOnce(w, 20);
  });

  test("retryFailedOffers while another run holds the lock: asked, then told it is busy; the failed row stays failed and nothing is sent", async () => {
    const row = [
      "F-1",
      "cst_demo0001",
      "2025-04-14",
      "",
      "",
      "failed",
      "",
      "",
      "The API said no",
      "",
      "",
      "",
    ];
    const w = await world({ offers: [row], lines: [["F-1", "Licence", "1.00", 21]] });
    const release = w.rt.holdLock("document", B);
    const r = w.run("retryFailedOffers");
    release();
    expectOk(r);
    expect(String(r.returned)).toMatch(BUSY);
    expect(w.column("Status")).toEqual(["failed"]);
    expect(w.column("Message")).toEqual(["The API said no"]);
    expect((await w.api.requests()).length).toBe(0);
  });
});

describe("triggers firing while a user's run is busy", () => {
  test("A's hourly trigger fires during B's menu batch (B's own key): A's run is busy, retries later; every offer once", async () => {
    const w = await world(batch(30));
    w.rt.properties.user(B).set("MKP_API_KEY", KEY_B);
    expectOk(w.run("enableScheduledRuns"));
    const hourly = w.rt.triggers[0];
    if (!hourly?.dueAt) throw new Error("no hourly trigger");
    const due = hourly.dueAt;
    w.rt.clock.set(due - 5000);
    const inner: string[] = [];
    const outer = runWith(
      w,
      "createPendingOffers",
      1,
      () => {
        w.rt.clock.set(Math.max(w.rt.clock.now(), due));
        for (const r of w.rt.runDueTriggers()) inner.push(r.error?.message ?? r.fn);
      },
      { user: B },
    );
    expectOk(outer);
    expect(inner).toEqual(["runScheduledBatch"]);
    expect(runLogMessages(w.ss)[0]).toMatch(BUSY);
    // A's busy hourly run left one continuation (A's), beside A's hourly trigger.
    expect(w.rt.triggers.map((t) => [t.type, t.owner])).toEqual([
      ["hourly", A],
      ["after", A],
    ]);
    expect(drain(w)).toEqual([]);
    await expectExactlyOnce(w, 30);
    expect(w.rt.triggers.map((t) => [t.type, t.owner])).toEqual([["hourly", A]]);
  });

  test("disableScheduledRuns during a continuation: the continuation schedules no next one, rows left stay plainly pending, a later menu run finishes once", async () => {
    // 700 offers: the menu run and one continuation do 600, 100 would be left for the next one.
    const w = await world(batch(700));
    expectOk(w.run("enableScheduledRuns"));
    expectOk(w.run("createPendingOffers"));
    const cont = w.rt.triggers.find((t) => t.type === "after");
    if (!cont?.dueAt) throw new Error("no continuation");
    w.rt.clock.set(cont.dueAt);
    let disabled: unknown = null;
    const r = runWith(
      w,
      "runScheduledBatch",
      3,
      () => {
        disabled = w.run("disableScheduledRuns").returned;
      },
      { trigger: cont, user: cont.owner, event: { triggerUid: cont.id } },
    );
    expectOk(r);
    expect(disabled).toBe("Hourly runs are off.");
    // No trigger at all: not the hourly one, not a continuation the busy run would have made.
    expect(w.rt.triggers).toEqual([]);
    const statuses = w.column("Status");
    expect(statuses.filter((s) => s === "sending")).toEqual([]);
    const left = statuses.filter((s) => s === "").length;
    expect(left).toBeGreaterThan(0);
    expect(statuses.filter((s) => s === "created").length + left).toBe(700);
    // The user finishes it from the menu: nothing twice.
    for (let i = 0; i < 3 && w.column("Status").some((s) => s === ""); i++) {
      expectOk(w.run("createPendingOffers"));
      w.rt.clock.advance(60_000);
    }
    expect(triggerViolations(w)).toEqual([]);
    expect(drain(w)).toEqual([]);
    await expectExactlyOnce(w, 700);
  });
});
