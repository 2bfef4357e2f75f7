// Continuations interleaved with menu actions, the larger cases (moved from concurrent-runs.test.ts,
// which keeps the quick ones, to keep npm test under a minute).

import { afterAll, describe, expect, test } from "@jest/globals";
import { allCreated, batch, drain, expectExactlyOnce, triggerViolations } from "./batches";
import { expectOk, stopDouble, world } from "./world";

afterAll(stopDouble);

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
