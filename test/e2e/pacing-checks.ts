// Checks of issue 10 over runs of bench/pacing-runs.ts: the bounds of each reading, and that every
// 429 was honoured (no request of ours before its retry-after, in any execution).

import { expect } from "@jest/globals";
import type { PacingRun } from "../../bench/pacing-runs";
import type { ReceivedRequest } from "../../tools/mkp-double/client";

export function expectPaced(run: PacingRun, bounds: { ratio: number; tooMany: number }): void {
  const summary = {
    name: run.reading.name,
    created: run.created,
    killed: run.killed,
    failed: run.failed,
    unhonoured: run.unhonoured,
  };
  expect(summary).toEqual({ ...summary, created: run.reading.n, killed: 0, failed: [], unhonoured: [] });
  expect(run.rateLimited).toBeLessThanOrEqual(bounds.tooMany);
  expect(run.ms).toBeLessThanOrEqual(bounds.ratio * run.floorMs);
}

/**
 * Every 429 asked for a wait (retry-after, else x-ratelimit-reset: `waitOf` the 429's request when the
 * double recorded none); no later round trip with that key started before it had passed.
 */
export function expectEvery429Honoured(
  run: PacingRun,
  requests: ReceivedRequest[],
  waitOf: (request: ReceivedRequest | undefined) => number = () => 0,
): void {
  expect(run.tooMany.length).toBeGreaterThan(0);
  for (const t of run.tooMany) {
    const until = t.retryUntil ?? t.at + waitOf(requests.find((q) => q.seq === t.seq));
    expect(until).toBeGreaterThan(t.at);
    const early = requests.filter((q) => q.at > t.at && q.at < until);
    expect({ after429: t.seq, early }).toEqual({ after429: t.seq, early: [] });
  }
}
