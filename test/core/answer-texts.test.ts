// The API's answer as a row's Message (issue 11), in English and Dutch: the reason, field errors by
// line and field, an HTML page reduced to its status, and always the next step.

import { afterEach, describe, expect, test } from "@jest/globals";
import { useLanguage } from "../../src/core/language";
import { answerWords, reasonOf } from "../../src/core/responses";
import { ANSWER_EN, ANSWER_NL } from "../../src/core/texts-answers";

afterEach(() => useLanguage("en"));

const laravel = JSON.stringify({
  message: "The vat rate must be 0, 9 or 21. (and 2 more errors)",
  errors: {
    "lines.0.vatRate": ["The vat rate must be 0, 9 or 21."],
    "lines.2": ["The line is empty."],
    offerNumber: ["The offer number has already been taken.", "It is too long."],
    constructor: ["odd"],
  },
});

describe("field errors in the sheet's words", () => {
  test("English: Line 1, VAT rate; Line 3; Offer number with both messages; unknown names as given", () => {
    expect(answerWords(422, "application/json", laravel)).toBe(
      "Line 1, VAT rate: The vat rate must be 0, 9 or 21.; Line 3: The line is empty.; Offer number: The offer number has already been taken. It is too long.; constructor: odd",
    );
  });

  test("Dutch: Regel 1, btw-tarief; Offertenummer; the next step in Dutch", () => {
    useLanguage("nl");
    const message = reasonOf(laravel, 422, "application/json");
    expect(message).toContain("Regel 1, Btw-tarief: The vat rate must be 0, 9 or 21.");
    expect(message).toContain("Offertenummer: The offer number");
    expect(message).toMatch(/Verbeter de rij en maak Status leeg/);
  });

  test("a 60,000-character message: at most 500 characters of the API's words", () => {
    const words = answerWords(422, null, JSON.stringify({ message: "x".repeat(60_000) })) ?? "";
    expect(words.length).toBeLessThanOrEqual(500);
    expect(reasonOf(JSON.stringify({ message: "x".repeat(60_000) }), 422).length).toBeLessThan(700);
  });
});

describe("no reason, or a page instead of one", () => {
  test.each([
    ["", "application/json"],
    ["\u0000\u0001\u00ff", "application/octet-stream"],
    ['{"data": [1, 2', "application/json"],
    [JSON.stringify({ message: "Unprocessable Entity" }), "application/json"],
  ])("%j: the status in words and the next step, no HTTP code alone", (body, type) => {
    const message = reasonOf(body, 422, type);
    expect(message).toContain("HTTP 422 unprocessable entity");
    expect(message).toMatch(/without giving a reason.*clear Status/);
  });

  test.each([400, 422, 500])("an HTML page (%i): no markup, the status, the next step", (status) => {
    const message = reasonOf(`<!DOCTYPE html><title>x</title><script>alert(1)</script>`, status, "text/html");
    expect(message).not.toMatch(/<|script|title/);
    expect(message).toContain(`HTTP ${status}`);
    expect(message).toMatch(/error page.*clear Status/);
  });
});

test("the catalogue has the same texts in English and Dutch", () => {
  const keys = (o: object) => Object.keys(o).sort();
  expect(keys(ANSWER_NL)).toEqual(keys(ANSWER_EN));
  expect(keys(ANSWER_NL.field)).toEqual(keys(ANSWER_EN.field));
  expect(keys(ANSWER_NL.baseUrlWhy)).toEqual(keys(ANSWER_EN.baseUrlWhy));
});
