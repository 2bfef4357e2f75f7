// Kills inside a continuation execution, at a sample of its kill points (every 72nd and the last; each
// costs a 500-offer batch), with hourly runs off; continuation-kills-hourly-{off,on}.exhaustive.test.ts
// kill at all of them, with hourly runs off and on.

import { afterAll, describe, test } from "@jest/globals";
import { continuationKillWalk } from "./kill-walks";
import { stopDouble } from "./world";

afterAll(stopDouble);

describe("kills inside a continuation execution", () => {
  test.each([["hourly runs off (a menu run finishes a stalled batch)", false]])(
    "500-offer batch (the continuation carries 200), %s: the continuation killed at a sample of call indices: exactly once",
    async (name, hourly) => {
      await continuationKillWalk(name, hourly, 72);
    },
    5 * 60_000,
  );
});
