// A 1,000-offer batch completed by hourly runs and continuations at the API's rate limit with nobody
// watching (moved from schedule.test.ts: too slow for npm test; npm run bench measures the same).

import { afterAll, describe, expect, test } from "@jest/globals";
import { batch as twoLineBatch } from "./batches";
import { expectOk, stopDouble, world } from "./world";

const batch = (n: number) => twoLineBatch(n, "S");

afterAll(stopDouble);

describe("scheduled runs", () => {
  test("1,000 offers × 2 lines at 60 requests a minute: all created once, no execution killed, within 15% of the minimum, only the hourly trigger left", async () => {
    const n = 1000;
    const w = await world(batch(n));
    expectOk(w.run("enableScheduledRuns"));
    const executions = [];
    let first: number | null = null;
    for (let i = 0; i < 40; i++) {
      const run = w.rt.advanceToNextTrigger();
      if (!run) break;
      first ??= run.startedAt;
      executions.push(run);
      expect(run.killed).toBeUndefined();
      expectOk(run);
      if (!w.column("Status").some((s) => s !== "created") && w.rt.triggers.length === 1) break;
    }
    const stored = (await w.api.offers()).filter((o) => o.source === "api");
    expect(stored.length).toBe(n);
    expect(new Set(stored.map((o) => o.offerNumber)).size).toBe(n);
    expect(w.column("Status").every((s) => s === "created")).toBe(true);
    const last = executions.at(-1);
    const minutes = ((last?.endedAt ?? 0) - (first ?? 0)) / 60_000;
    const floor = n / 60;
    expect(minutes).toBeLessThanOrEqual(floor * 1.15);
    expect(w.rt.triggers.map((t) => t.type)).toEqual(["hourly"]);
    const stats = await w.api.stats();
    expect(stats.rateLimited).toBeLessThanOrEqual(5);
    console.log(
      `1000 offers: ${executions.length} executions, ${minutes.toFixed(2)} min (floor ${floor.toFixed(2)}), ${stats.rateLimited} × 429`,
    );
  });
});
