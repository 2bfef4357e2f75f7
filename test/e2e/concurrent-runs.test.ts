// Continuations next to everything else that may run: menu actions between continuations, the hourly
// run due at the same time, a second user with their own key, and a lock held by another user.

import { afterAll, describe, expect, test } from "@jest/globals";
import { batch, drain, expectExactlyOnce, KEY_B, triggerViolations, USER_B } from "./batches";
import { expectOk, stopDouble, world } from "./world";

afterAll(stopDouble);

const USER_A = "sales@example.com";

describe("continuations interleaved with menu actions", () => {
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
});

describe("hourly run and continuations together; two users", () => {
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
