// Exhaustive (`npm run test:exhaustive`, not part of `npm test`): a continuation killed at every kill
// point, hourly runs off; continuation-kills.test.ts walks a sample of these kill points.

import { afterAll, describe, test } from "@jest/globals";
import { continuationKillWalk } from "./kill-walks";
import { stopDouble } from "./world";

afterAll(stopDouble);

const NAME = "hourly runs off (a menu run finishes a stalled batch)";

describe("kills inside a continuation execution", () => {
  test(
    `500-offer batch (the continuation carries 200), ${NAME}: the continuation killed at each call index: exactly once`,
    async () => {
      await continuationKillWalk(NAME, false, 1);
    },
    20 * 60_000,
  );
});
