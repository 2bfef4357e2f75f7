// Spreadsheet calls per execution of a 1,000-offer batch (moved from sheet-calls.test.ts, too slow for
// npm test; npm run bench reports the same figure).

import { afterAll, describe, expect, test } from "@jest/globals";
import { readsAndWrites, workload } from "./sheet-calls-world";
import { runOk, stopDouble } from "./world";

afterAll(stopDouble);

describe("calls that reach the spreadsheet", () => {
  test("1,000 offers: at most 60 Spreadsheet reads and writes in any execution, and the last one ends with the creates", async () => {
    const w = await workload(1000);
    const runs = [runOk(w, "createPendingOffers")];
    const firstAt = runs[0]?.startedAt ?? 0;
    while (runs.length < 10 && w.rt.triggers.some((t) => !t.disabled && t.type !== "hourly")) {
      const next = w.rt.advanceToNextTrigger();
      if (!next) break;
      expect(next.error).toBeUndefined();
      runs.push(next);
    }
    expect(w.column("Status").filter((s) => s === "created")).toHaveLength(1000);
    const perExecution = runs.map(readsAndWrites);
    expect(Math.max(...perExecution)).toBeLessThanOrEqual(60);
    // The scheduled refresh at the end leaves the offers created minutes ago alone: no lookups.
    const lastCreate = Math.max(
      ...(await w.api.requests()).filter((q) => q.method === "POST").map((q) => q.at),
    );
    const gets = (await w.api.requests()).filter(
      (q) => q.method === "GET" && q.path.includes("/customer-offers"),
    );
    expect(gets).toEqual([]);
    const end = runs.at(-1)?.endedAt ?? 0;
    expect(end - firstAt).toBeLessThanOrEqual(lastCreate - firstAt + 60_000);
  });
});
