// Exhaustive (`npm run test:exhaustive`, not part of `npm test`): a menu run killed at every one of its
// service calls, then re-run; reliability.test.ts walks a sample of these kill points.

import { afterAll, describe, test } from "@jest/globals";
import { menuRunKillWalk } from "./kill-walks";
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
