// Issue 10, every row of "What it must show": batches on the virtual clock (built bundle, hourly runs
// on, the double over HTTP) under every reading of the rate limit, each within its bound of the floor
// (n / the requests a minute left to us), with few 429s, and every 429 honoured in every execution.

import { afterAll, describe, expect, test } from "@jest/globals";
import { reading, runReading } from "../../bench/pacing-runs";
import { offerNumber } from "../../bench/workloads";
import type { ReceivedRequest } from "../../tools/mkp-double/client";
import { expectEvery429Honoured, expectPaced } from "./pacing-checks";
import { double, stopDouble } from "./world";

afterAll(stopDouble);

describe("240 offers × 1 line", () => {
  test.each([
    "calendar minute",
    "rolling 60 s",
    "rolling, no X-RateLimit headers",
    "rolling, retry-after as an HTTP date",
  ])("%s: ≤ 1.05 × the floor, ≤ 2 429s, none unhonoured", async (name) => {
    const run = await runReading(await double(), reading(name));
    expectPaced(run, { ratio: 1.05, tooMany: 2 });
    expect(run.violations).toEqual([]);
  });

  test("shared key, another client at 30 a minute: ≤ 1.15 × n/30 min, 429s ≤ 5 % of the requests", async () => {
    const run = await runReading(await double(), reading("rolling, another client at 30 a minute"));
    expectPaced(run, { ratio: 1.15, tooMany: Math.floor(run.requests * 0.05) });
    expect(run.violations).toEqual([]);
  });

  test.each([
    "rolling, 429s injected (retry-after 20 s; 4 min, past the execution's end)",
    "rolling, 429s injected, retry-after as an HTTP date",
    "rolling, 429s injected, only x-ratelimit-reset",
  ])("%s: every 429 honoured, across executions", async (name) => {
    const api = await double();
    const run = await runReading(api, reading(name));
    expectPaced(run, { ratio: 2, tooMany: 2 });
    expect(run.executions).toBeGreaterThan(1);
    // Without retry-after the double records no wait: the injected ones (x-ratelimit-reset) are these.
    const waitOf = (q?: ReceivedRequest) =>
      (q?.body as { offerNumber?: string } | null)?.offerNumber === offerNumber(181) ? 240_000 : 20_000;
    expectEvery429Honoured(run, await api.requests(), waitOf);
  });
});

describe("other sizes and limits, rolling window", () => {
  test("1,000 offers × 2 lines: ≤ 1.05 × the floor, ≤ 5 429s, no execution killed", async () => {
    const run = await runReading(await double(), reading("rolling, 1,000 × 2 lines"));
    expectPaced(run, { ratio: 1.05, tooMany: 5 });
    expect(run.executions).toBeGreaterThan(1);
  });

  test.each(["rolling, limit 600", "rolling, limit 10"])("%s a minute: ≤ 1.10 × its floor", async (name) => {
    const run = await runReading(await double(), reading(name));
    expectPaced(run, { ratio: 1.1, tooMany: 5 });
    expect(run.violations).toEqual([]);
  });
});
