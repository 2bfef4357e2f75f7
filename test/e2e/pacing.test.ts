// Issue 10, the fast representative (the other readings: pacing.exhaustive.test.ts): 240 offers ×
// 1 line against a rolling 60 s window, and 429s injected whose retry-after (4 min) outlasts the
// execution: the next one waits for it too.

import { afterAll, expect, test } from "@jest/globals";
import { reading, runReading } from "../../bench/pacing-runs";
import { expectEvery429Honoured, expectPaced } from "./pacing-checks";
import { double, stopDouble } from "./world";

afterAll(stopDouble);

test("rolling 60 s window, 240 × 1: ≤ 1.05 × n/60 min, ≤ 2 429s, none unhonoured", async () => {
  const run = await runReading(await double(), reading("rolling 60 s"));
  expectPaced(run, { ratio: 1.05, tooMany: 2 });
  expect(run.violations).toEqual([]);
});

test("429s with retry-after 20 s and 4 min (past the execution's end): no request before either", async () => {
  const api = await double();
  const run = await runReading(
    api,
    reading("rolling, 429s injected (retry-after 20 s; 4 min, past the execution's end)"),
  );
  expectPaced(run, { ratio: 2, tooMany: 2 });
  expect(run.executions).toBeGreaterThan(1);
  expectEvery429Honoured(run, await api.requests());
  // The 4-minute wait was carried into the next execution: it started only after it.
  const long = run.tooMany.find((t) => (t.retryUntil ?? 0) - t.at >= 200_000);
  expect(long).toBeDefined();
});
