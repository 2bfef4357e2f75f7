// The full kill walk of a new customer: killed at every service call of the first run, then re-run.

import { afterAll, test } from "@jest/globals";
import { killWalk } from "./customers-world";
import { stopDouble } from "./world";

afterAll(stopDouble);

test("a new customer killed at every service call is created once, its offers sent once", async () => {
  await killWalk(1);
}, 600_000);
