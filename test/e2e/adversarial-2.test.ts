// Adversarial probes of continuations, scheduled runs, two users, kills inside continuation
// executions, mixed faults, and status refreshes next to `sending` / `failed` rows.

import { afterAll, describe, expect, test } from "@jest/globals";
import { clockEvent } from "../../tools/gas-runtime/triggers";
import type { TriggerRecord } from "../../tools/gas-runtime/types";
import { expectOk, type Row, stopDouble, type World, world } from "./world";

afterAll(stopDouble);

const USER_A = "sales@example.com";
const USER_B = "b@example.com";
const KEY_B = "demo-key-0001";

function batch(n: number, prefix = "Q"): { offers: Row[]; lines: Row[] } {
  const offers: Row[] = [];
  const lines: Row[] = [];
  for (let i = 1; i <= n; i++) {
    const number = `${prefix}-${String(i).padStart(5, "0")}`;
    offers.push([number, "cst_demo0001", "2025-04-14"]);
    lines.push([number, "Licence", "100.00", 21], [number, "Support", "15.50", 9]);
  }
  return { offers, lines };
}

/** Every offer number in the API exactly once, every row `created` with the API's ID. */
async function expectExactlyOnce(w: World, n: number): Promise<void> {
  const stored = (await w.api.offers()).filter((o) => o.source === "api");
  const numbers = stored.map((o) => o.offerNumber);
  const dupes = numbers.filter((x, i) => numbers.indexOf(x) !== i);
  expect(dupes).toEqual([]);
  expect(numbers.length).toBe(n);
  const ids = new Map(stored.map((o) => [o.offerNumber, o.id]));
  const rows = w.offers().slice(1);
  const wrong = rows.filter((r) => r[5] !== "created" || r[6] !== ids.get(r[0] ?? ""));
  expect(wrong.map((r) => `${r[0]}:${r[5]}:${r[6]}:${r[8]}`)).toEqual([]);
}

/** At any time: per user at most one hourly trigger and at most one continuation. */
function triggerViolations(w: World): string[] {
  const out: string[] = [];
  const owners = new Set(w.rt.triggers.map((t) => t.owner));
  for (const owner of owners) {
    const mine = w.rt.triggers.filter((t) => t.owner === owner);
    const hourly = mine.filter((t) => t.type === "hourly").length;
    const other = mine.filter((t) => t.type !== "hourly").length;
    if (hourly > 1) out.push(`${owner}: ${hourly} hourly`);
    if (other > 1) out.push(`${owner}: ${other} continuations`);
  }
  return out;
}

const allCreated = (w: World) => w.column("Status").every((s) => s === "created");

/** Fires triggers until everything is created and no continuation is left (or limits reached). */
function drain(w: World, maxExecutions = 60, maxMs = 6 * 3_600_000): string[] {
  const violations: string[] = [];
  const start = w.rt.clock.now();
  for (let i = 0; i < maxExecutions; i++) {
    const continuationsLeft = w.rt.triggers.some((t) => t.type !== "hourly" && !t.disabled);
    if (allCreated(w) && !continuationsLeft) break;
    if (w.rt.clock.now() - start > maxMs) break;
    const run = w.rt.advanceToNextTrigger();
    if (!run) break;
    expect(run.killed).toBeUndefined();
    violations.push(...triggerViolations(w));
  }
  return violations;
}

/** Fires the earliest due trigger by hand, so that a kill hook can be passed. */
function fireNext(w: World, kill?: (call: { index: number; service: string; method: string }) => boolean) {
  const next = w.rt.triggers
    .filter((t) => !t.disabled && t.type !== "onOpen" && t.dueAt !== undefined)
    .sort((a, b) => (a.dueAt ?? 0) - (b.dueAt ?? 0))[0] as TriggerRecord | undefined;
  if (!next) return null;
  if ((next.dueAt ?? 0) > w.rt.clock.now()) w.rt.clock.set(next.dueAt ?? 0);
  const now = w.rt.clock.now();
  (w.rt as unknown as { triggerTable: { fired(t: TriggerRecord, n: number): void } }).triggerTable.fired(
    next,
    now,
  );
  return w.run(next.handler, [clockEvent(next, now)], {
    trigger: next,
    user: next.owner,
    authMode: "FULL",
    ...(kill ? { kill } : {}),
  });
}

describe("continuations interleaved with menu actions", () => {
  test("400 offers: createSelected, validate, refresh, disable+enable between continuations — exactly once, ≤ hourly + 1 continuation", async () => {
    const w = await world(batch(400));
    const violations: string[] = [];
    expectOk(w.run("createPendingOffers"));
    violations.push(...triggerViolations(w));
    expect(allCreated(w)).toBe(false);

    const step = (fn: string) => {
      expectOk(w.run(fn));
      violations.push(...triggerViolations(w));
    };
    const cont = () => {
      const r = w.rt.advanceToNextTrigger();
      if (r) expect(r.killed).toBeUndefined();
      violations.push(...triggerViolations(w));
    };

    // A selection over the end of the sheet (still pending) and some created rows.
    w.ss.setSelection("Offers", ["A395:C401", "B2:B4"]);
    step("createSelectedOffers");
    cont();
    step("validateOffers");
    cont();
    step("refreshOfferStatuses");
    cont();
    step("disableScheduledRuns");
    expect(w.rt.triggers).toEqual([]);
    step("enableScheduledRuns");
    expect(w.rt.triggers.map((t) => t.type)).toEqual(["hourly"]);
    violations.push(...drain(w));
    expect(violations).toEqual([]);
    await expectExactlyOnce(w, 400);
    expect(w.rt.triggers.map((t) => t.type)).toEqual(["hourly"]);
  });

  test("menu createPendingOffers run again while its own continuation is due: one continuation, exactly once", async () => {
    // 300 offers fit in one execution at 60 a minute: 700 need continuations after two menu runs.
    const w = await world(batch(700));
    expectOk(w.run("createPendingOffers"));
    expectOk(w.run("createPendingOffers"));
    expect(triggerViolations(w)).toEqual([]);
    expect(w.rt.triggers.filter((t) => !t.disabled).length).toBe(1);
    expect(drain(w)).toEqual([]);
    await expectExactlyOnce(w, 700);
    expect(w.rt.triggers).toEqual([]);
  });

  test("refresh menu ending with nothing left does not remove a create continuation; batch completes, no trigger left", async () => {
    const w = await world(batch(1000));
    expectOk(w.run("createPendingOffers"));
    for (let i = 0; i < 2; i++) {
      expectOk(w.run("refreshOfferStatuses"));
      expect(w.rt.triggers.filter((t) => !t.disabled).length).toBe(1);
      const r = w.rt.advanceToNextTrigger();
      if (!r) break;
    }
    expect(drain(w)).toEqual([]);
    await expectExactlyOnce(w, 1000);
    expect(w.rt.triggers).toEqual([]);
  });
});

describe("hourly run and continuations together; two users", () => {
  test("hourly run and a continuation both due at the same time: exactly once, one continuation at a time", async () => {
    const w = await world(batch(400));
    expectOk(w.run("enableScheduledRuns"));
    expectOk(w.run("createPendingOffers"));
    // Jump past both the continuation and the hourly slot, then run everything due.
    w.rt.clock.set(w.rt.clock.now() + 61 * 60_000);
    const due = w.rt.runDueTriggers();
    expect(due.length).toBeGreaterThanOrEqual(2);
    for (const r of due) expect(r.killed).toBeUndefined();
    expect(triggerViolations(w)).toEqual([]);
    expect(drain(w)).toEqual([]);
    await expectExactlyOnce(w, 400);
    expect(w.rt.triggers.map((t) => t.type)).toEqual(["hourly"]);
  });

  test("user B runs createPendingOffers with their own key while user A's batch continues hourly: no duplicates", async () => {
    const w = await world(batch(400));
    w.rt.properties.user(USER_B).set("MKP_API_KEY", KEY_B);
    expectOk(w.run("enableScheduledRuns"));
    expectOk(w.run("createPendingOffers"));
    expectOk(w.run("createPendingOffers", [], { user: USER_B }));
    expect(triggerViolations(w)).toEqual([]);
    // B's menu run while A's continuation runs "busy" for B.
    w.rt.advanceToNextTrigger();
    expectOk(w.run("createPendingOffers", [], { user: USER_B }));
    expect(triggerViolations(w)).toEqual([]);
    // B tries to turn hourly runs on too: refused, A's stays the only hourly.
    expectOk(w.run("enableScheduledRuns", [], { user: USER_B }));
    expect(w.rt.triggers.filter((t) => t.type === "hourly").length).toBe(1);
    expect(drain(w, 80)).toEqual([]);
    await expectExactlyOnce(w, 400);
    expect(w.rt.triggers.map((t) => [t.type, t.owner])).toEqual([["hourly", USER_A]]);
  });

  test("user B's continuation and user A's continuation both due together: exactly once", async () => {
    const w = await world(batch(500));
    w.rt.properties.user(USER_B).set("MKP_API_KEY", KEY_B);
    expectOk(w.run("createPendingOffers"));
    // B starts while A's continuation is due: both users now have a continuation.
    expectOk(w.run("createPendingOffers", [], { user: USER_B }));
    expect(triggerViolations(w)).toEqual([]);
    w.rt.clock.set(w.rt.clock.now() + 10 * 60_000);
    const due = w.rt.runDueTriggers();
    for (const r of due) expect(r.killed).toBeUndefined();
    expect(triggerViolations(w)).toEqual([]);
    expect(drain(w, 80)).toEqual([]);
    await expectExactlyOnce(w, 500);
    expect(w.rt.triggers).toEqual([]);
  });

  test("a lock held by user B's run when A's continuation fires: A retries later, exactly once", async () => {
    const w = await world(batch(400));
    expectOk(w.run("createPendingOffers"));
    const release = w.rt.holdLock("document", USER_B);
    const busy = w.rt.advanceToNextTrigger();
    release();
    expect(busy?.fn).toBe("runScheduledBatch");
    expect(w.rt.triggers.filter((t) => !t.disabled).length).toBe(1);
    expect(drain(w)).toEqual([]);
    await expectExactlyOnce(w, 400);
    expect(w.rt.triggers).toEqual([]);
  });
});

describe("kills inside a continuation execution", () => {
  /** Kill indices: every call that writes, sends or touches triggers/properties, plus a stride over the rest. */
  const interesting =
    /^(Range\.setValues|SpreadsheetApp\.flush|UrlFetchApp\.fetch(All)?|ScriptApp\.|TriggerBuilder|ClockTriggerBuilder|Properties\.(set|delete)|Sheet\.appendRow)/;

  test.each([
    ["hourly runs off (a menu run finishes a stalled batch)", false],
    ["hourly runs on (nobody touches it)", true],
  ])(
    "500-offer batch (the continuation carries 200), %s: the continuation killed at each call index: exactly once",
    async (_name, hourly) => {
      const n = 500;
      const probe = await world(batch(n, "K"));
      if (hourly) expectOk(probe.run("enableScheduledRuns"));
      expectOk(probe.run("createPendingOffers"));
      expect(allCreated(probe)).toBe(false);
      const clean = fireNext(probe);
      expect(clean?.fn).toBe("runScheduledBatch");
      if (!clean) return;
      expectOk(clean);
      const total = clean.calls.length;
      const names = clean.calls.map((c) => `${c.service}.${c.method}`);
      const indices = names
        .map((name, k) => ({ name, k }))
        .filter(({ name, k }) => interesting.test(name) || k % 25 === 0 || k === total - 1)
        .map(({ k }) => k);
      const stalled: number[] = [];
      const failures: string[] = [];
      for (const k of indices) {
        const w = await world(batch(n, "K"));
        if (hourly) expectOk(w.run("enableScheduledRuns"));
        expectOk(w.run("createPendingOffers"));
        const killed = fireNext(w, (call) => call.index === k);
        expect(killed?.killed).toBe("killed");
        drain(w, 30);
        if (!allCreated(w)) {
          stalled.push(k);
          for (let again = 0; again < 3 && !allCreated(w); again++) {
            expectOk(w.run("createPendingOffers"));
            drain(w, 30);
          }
        }
        const stored = (await w.api.offers()).filter((o) => o.source === "api");
        const numbers = stored.map((o) => o.offerNumber);
        const dupes = numbers.filter((x, i) => numbers.indexOf(x) !== i);
        if (dupes.length > 0 || numbers.length !== n || !allCreated(w)) {
          failures.push(
            `k=${k} (${names[k]}): ${numbers.length} stored, dupes ${dupes.slice(0, 3).join(",")}`,
          );
        }
        const v = triggerViolations(w);
        if (v.length) failures.push(`k=${k}: ${v.join(";")}`);
        // A killed one-off trigger stays listed (fired, disabled) until a later run cleans up: the
        // next hourly run must leave only the hourly trigger.
        if (hourly && w.rt.triggers.length > 1) w.rt.advanceToNextTrigger();
        if (hourly && w.rt.triggers.map((t) => t.type).join() !== "hourly") {
          failures.push(`k=${k}: triggers left ${w.rt.triggers.map((t) => t.type).join()}`);
        }
      }
      console.log(
        `kill walk (${_name}): ${indices.length} of ${total} indices; stalled after ${stalled.length}`,
      );
      expect(failures).toEqual([]);
      // With hourly runs on, no kill leaves the batch waiting for a person.
      if (hourly) expect(stalled).toEqual([]);
    },
    20 * 60_000,
  );
});

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

describe("status refresh next to `sending` and `failed` rows", () => {
  test("refresh leaves `failed` rows alone and never turns `sending` rows into anything but created-with-their-ID", async () => {
    const rows: Row[] = [
      [
        "C-1",
        "cst_demo0001",
        "2025-04-01",
        "2025-05-01",
        "",
        "created",
        "off_c1",
        "10.00",
        "",
        "2025-04-01 09:00:00",
      ],
      [
        "C-2",
        "cst_demo0001",
        "2025-04-01",
        "2025-05-01",
        "",
        "created",
        "off_c2",
        "10.00",
        "",
        "2025-04-01 09:00:00",
      ],
      // In flight in a killed run; it does exist in MijnKlantportaal (and was accepted meanwhile).
      ["S-1", "cst_demo0001", "2025-04-01", "2025-05-01", "", "sending", "", "", "", ""],
      // In flight; not in MijnKlantportaal.
      ["S-2", "cst_demo0001", "2025-04-01", "2025-05-01", "", "sending", "", "", "", ""],
      // Refused by the API; an offer with the same number exists (someone made it by hand).
      [
        "F-1",
        "cst_demo0001",
        "2025-04-01",
        "2025-05-01",
        "",
        "failed",
        "",
        "",
        "No Customer found (HTTP 404)",
        "",
      ],
      // Refused; an ID typed by someone — still failed.
      [
        "F-2",
        "cst_demo0001",
        "2025-04-01",
        "2025-05-01",
        "",
        "failed",
        "off_c2",
        "",
        "Refused (HTTP 422)",
        "",
      ],
      // Expired in the past but still `sending`: never `expired`.
      ["S-3", "cst_demo0001", "2025-03-01", "2025-03-31", "", "sending", "", "", "", ""],
    ];
    const lines: Row[] = rows.map((r) => [r[0], "x", "10.00", 21]);
    const w = await world({ offers: rows, lines });
    await w.api.seedOffers([
      { id: "off_c1", offerNumber: "C-1", amount: "10.00" },
      { id: "off_c2", offerNumber: "C-2", amount: "10.00" },
      { id: "off_s1", offerNumber: "S-1", amount: "10.00" },
      { id: "off_f1", offerNumber: "F-1", amount: "10.00" },
    ]);
    await w.api.updateOffer("off_c1", { acceptedAt: "2025-04-10 14:30:00" });
    await w.api.updateOffer("off_s1", { acceptedAt: "2025-04-10 14:30:00" });
    await w.api.updateOffer("off_c2", { rejectedAt: "2025-04-11 09:00:00", amount: "12.50" });
    const before = w.offers();
    expectOk(w.run("refreshOfferStatuses"));
    const after = w.offers();
    const status = w.column("Status");
    const ids = w.column("Offer ID");
    expect(status[0]).toBe("accepted");
    expect(status[1]).toBe("rejected");
    // S-1: still sending, or resolved to its own ID.
    expect(["sending", "created", "accepted"]).toContain(status[2]);
    if (status[2] !== "sending") expect(ids[2]).toBe("off_s1");
    // S-2 and S-3: never resolved to anything without being found.
    expect(after[4]?.slice(0, 7)).toEqual(before[4]?.slice(0, 7));
    expect(after[7]?.slice(0, 7)).toEqual(before[7]?.slice(0, 7));
    // F-1, F-2: exactly as they were.
    expect(after[5]).toEqual(before[5]);
    expect(after[6]).toEqual(before[6]);
    // Nothing was created.
    expect((await w.api.requests()).filter((r) => r.method === "POST")).toEqual([]);
  });

  test("hourly run during a continuation with `sending` rows left by a kill: refresh never sends, later runs reconcile once", async () => {
    const n = 200;
    const w = await world(batch(n, "H"));
    expectOk(w.run("enableScheduledRuns"));
    // Kill the first run at its first fetchAll: rows marked sending, requests lost or made.
    let seen = false;
    const killed = w.run("createPendingOffers", [], {
      kill: (c) => {
        if (c.service === "UrlFetchApp" && c.method === "fetchAll") {
          if (seen) return true;
          seen = true;
        }
        return false;
      },
    });
    expect(killed.killed).toBe("killed");
    expect(w.column("Status")).toContain("sending");
    expectOk(w.run("refreshOfferStatuses"));
    expect(drain(w, 60, 5 * 3_600_000)).toEqual([]);
    await expectExactlyOnce(w, n);
  });
});
