// The slower adversarial timestamp cases (see adversarial-api-cases.ts): last year's offer number under
// every timestamp form the double can serve, ATOM included.

import { afterAll, test } from "@jest/globals";
import { lastYearsNumber } from "./adversarial-api-cases";
import { stopDouble } from "./world";

afterAll(stopDouble);

test.each(["atom", "utc-micro", "no-offset", "epoch"] as const)(
  "%s: last year's K-0007 (same customer) is never taken for a `sending` row",
  (format) => lastYearsNumber(format),
);
