// The exhaustive kill walks (`npm run test:exhaustive`, not part of `npm test`): an execution killed at
// every service call of a menu run, and at every interesting call of a continuation. Slow by nature.

import { afterAll, describe, test } from "@jest/globals";
import { continuationKillWalk, menuRunKillWalk } from "./kill-walks";
import { stopDouble } from "./world";

afterAll(stopDouble);

describe("exactly once when the execution is killed", () => {
  test(
    "a 40-offer batch killed at every service call, then re-run, ends with every offer created once",
    async () => {
      await menuRunKillWalk(1);
    },
    10 * 60_000,
  );
});

describe("kills inside a continuation execution", () => {
  test.each([
    ["hourly runs off (a menu run finishes a stalled batch)", false],
    ["hourly runs on (nobody touches it)", true],
  ])(
    "500-offer batch (the continuation carries 200), %s: the continuation killed at each call index: exactly once",
    async (name, hourly) => {
      await continuationKillWalk(name, hourly, 1);
    },
    20 * 60_000,
  );
});
