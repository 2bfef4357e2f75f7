// The API variants' created-then-500 re-runs under the other list orders and page sizes (slow: each
// holds an answer past the fetch timeout); the newest-first, per_page-honoured one is in npm test.

import { afterAll, test } from "@jest/globals";
import { createdThen500ThenReruns } from "./api-variants-cases";
import { stopDouble } from "./world";

afterAll(stopDouble);

test.each([
  ["asc", false],
  ["desc", false],
  ["asc", true],
] as const)(
  "list %s (per_page honoured: %s): created-then-500, then re-runs: exactly one offer",
  (order, honour) => createdThen500ThenReruns(order, honour),
);
