// The slower cases of large-account.test.ts (which keeps one of each kind in npm test): an offer
// number used last year by another customer, and deletions before later pages of a lookup.

import { afterAll, describe, test } from "@jest/globals";
import { deletedDuringLookup, numberUsedBefore } from "./large-account-cases";
import { stopDouble } from "./world";

afterAll(stopDouble);

describe("an offer number used before", () => {
  test("K-0007 made by hand last year (other customer): killed before or after the request, the row never shows last year's offer", () =>
    numberUsedBefore("other"));
});

describe("the list changes while it is read", () => {
  test.each([5, 9])("an old offer deleted before page %i of a lookup: no duplicate", (page) =>
    deletedDuringLookup(page),
  );
});
