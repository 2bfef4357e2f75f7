// Cells (src/core/cells.ts) and text for typed input (src/core/typed-text.ts): the small questions
// every parser asks of a cell, and text that Sheets must keep as text.

import { errorText, isBlankCell, isDateValue, isErrorCell, quote, shownText } from "../../src/core/cells";
import { asTypedText } from "../../src/core/typed-text";

const cell = (value: unknown, display = String(value ?? "")) => ({ value, display, format: "" });

describe("cells", () => {
  it.each([
    [cell(""), true],
    [cell("   "), true],
    [cell(false, "FALSE"), true],
    [cell(null, ""), true],
    [cell(0), false],
    [cell(true, "TRUE"), false],
    [cell(" x "), false],
  ])("blank: %j → %s", (c, blank) => {
    expect(isBlankCell(c)).toBe(blank);
  });

  it("errors are told by value or by what is shown", () => {
    expect(isErrorCell(cell("#N/A"))).toBe(true);
    expect(isErrorCell(cell(0, "#DIV/0!"))).toBe(true);
    expect(isErrorCell(cell("Loading..."))).toBe(true);
    expect(isErrorCell(cell("N/A"))).toBe(false);
    expect(errorText(cell(" #REF! "))).toBe("#REF!");
    expect(errorText(cell(0, "#VALUE!"))).toBe("#VALUE!");
  });

  it("dates from another realm are dates; text and numbers are not", () => {
    expect(isDateValue(new Date())).toBe(true);
    expect(isDateValue(require("node:vm").runInNewContext("new Date()"))).toBe(true);
    expect(isDateValue("2026-12-01")).toBe(false);
    expect(isDateValue(46000)).toBe(false);
  });

  it("shown text is trimmed, non-breaking spaces included; numbers read as shown", () => {
    expect(shownText(cell("\u00a0 K-1 \u00a0"))).toBe("K-1");
    expect(shownText(cell(2024001, "2024001"))).toBe("2024001");
  });

  it("quotes shorten long values", () => {
    expect(quote("abc")).toBe('"abc"');
    const q = quote("x".repeat(100));
    expect(q.length).toBe(40);
    expect(q.endsWith('…"')).toBe(true);
  });
});

describe("text for typed input", () => {
  it.each([
    ["=1+1", "'=1+1"],
    ["+31 6 1234", "'+31 6 1234"],
    ["-5", "'-5"],
    ["@home", "'@home"],
    ["'quoted", "''quoted"],
    ["1.234,50", "'1.234,50"],
    ["14-4-2025", "'14-4-2025"],
    ["TRUE", "'TRUE"],
    ["Bakkerij de Vries", "Bakkerij de Vries"],
    ["K-0007", "K-0007"],
    ["", ""],
  ])("%j → %j", (text, typed) => {
    expect(asTypedText(text)).toBe(typed);
  });
});
