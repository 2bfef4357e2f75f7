// Two executions due at the same time: the hourly run and a continuation, two users' continuations
// (moved from concurrent-runs.test.ts, which keeps the other cases, to keep npm test under a minute).

import { afterAll, describe, expect, test } from "@jest/globals";
import { batch, drain, expectExactlyOnce, KEY_B, triggerViolations, USER_B } from "./batches";
import { expectOk, stopDouble, world } from "./world";

afterAll(stopDouble);

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
});
