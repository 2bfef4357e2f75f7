// The seeded fuzz walk (issue 11) at the size of npm test: 500 requests and more, one seed (FUZZ_SEED
// to choose another; the seed is printed on failure). More seeds: odd-answers-fuzz.exhaustive.test.ts.

import { afterAll, expect, test } from "@jest/globals";
import { fuzzWalk } from "./fuzz-walk";
import { stopDouble } from "./world";

afterAll(stopDouble);

const SEED = Number(process.env.FUZZ_SEED ?? 20261201);

test(`500+ requests with odd answers (seed ${SEED}): no run error, no row left sending, no offer twice, no key`, async () => {
  const report = await fuzzWalk(SEED, { offers: 40, minRequests: 500 });
  expect(report.requests).toBeGreaterThanOrEqual(500);
  expect(report.fuzzed).toBeGreaterThan(100);
  // Every kind of odd body was met (the key echoes among them).
  expect(report.bodyKinds).toEqual(
    expect.arrayContaining([
      "binary",
      "empty",
      "html",
      "huge",
      "json-random",
      "token-echo",
      "truncated-json",
      "wrong-content-type",
    ]),
  );
}, 120_000);
