// The texts about hidden rows and merged cells (core/texts-shapes.ts): singular and plural read
// right in both languages.

import { expect, test } from "@jest/globals";
import { SHAPES_EN, SHAPES_NL } from "../../src/core/texts-shapes";

test("lines cut off by a merge: one row or several, in English and Dutch", () => {
  expect(SHAPES_EN.mergedLines("Offer number", [5], "Offer lines")).toMatch(
    /^The line in row 5 of Offer lines has no/,
  );
  expect(SHAPES_EN.mergedLines("Offer number", [5, 6], "Offer lines")).toMatch(
    /^The lines in rows 5, 6 of Offer lines have no/,
  );
  expect(SHAPES_NL.mergedLines("Offertenummer", [5], "Offerteregels")).toMatch(
    /^De regel in rij 5 van Offerteregels heeft geen/,
  );
  expect(SHAPES_NL.mergedLines("Offertenummer", [5, 6], "Offerteregels")).toMatch(
    /^De regels in rijen 5, 6 van Offerteregels hebben geen/,
  );
});
