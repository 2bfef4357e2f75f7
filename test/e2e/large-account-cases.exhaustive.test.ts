// The slower cases of large-account.test.ts (moved here to keep npm test under a minute): an offer
// number used last year by the same or another customer, and deletions before pages of a lookup.

import { afterAll, describe, test } from "@jest/globals";
import { deletedDuringLookup, numberUsedBefore } from "./large-account-cases";
import { stopDouble } from "./world";

afterAll(stopDouble);

describe("an offer number used before", () => {
  test.each(["same", "other"] as const)(
    "K-0007 made by hand last year (%s customer): killed before or after the request, the row never shows last year's offer",
    (customer) => numberUsedBefore(customer),
  );
});

describe("the list changes while it is read", () => {
  test.each([2, 5, 9])("an old offer deleted before page %i of a lookup: no duplicate", (page) =>
    deletedDuringLookup(page),
  );
});
