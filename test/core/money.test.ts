import { useLanguage } from "../../src/core/language";
import { centsOfCell, centsOfNumber, centsOfText, formatCents } from "../../src/core/money";

describe("money in cents", () => {
  test.each([
    ["12.95", 1295],
    ["12,95", 1295],
    ["€ 1.234,56", 123456],
    ["€1,234.56", 123456],
    ["1.234.567", 123456700],
    ["10", 1000],
    ["-5", -500],
    ["- € 5,00", -500],
    ["€ -5,00", -500],
    ["(5.00)", -500],
    ["0,1", 10],
    ["  7.5 ", 750],
    ["EUR 99,99", 9999],
    ["\u00a012,95\u00a0", 1295],
    ["+3.10", 310],
  ])("text %j is %d cents", (text, cents) => {
    expect(centsOfText(text)).toEqual({ ok: true, value: cents });
  });

  test.each([
    ["12.955", /more than 2 decimals/],
    ["1.234", /more than 2 decimals/],
    ["1,234", /more than 2 decimals/],
    ["abc", /not an amount/],
    ["12.34.56,7", /more than 2 decimals|not an amount/],
    ["1.23,4.5", /not an amount/],
    ["", /not an amount/],
    ["12 95", /more than 2 decimals|not an amount/],
  ])("text %j is refused", (text, problem) => {
    const r = centsOfText(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem).toMatch(problem);
  });

  test("numbers keep their cents exactly, without float artefacts", () => {
    expect(centsOfNumber(12.95)).toEqual({ ok: true, value: 1295 });
    expect(centsOfNumber(0.1 + 0.2)).toEqual({ ok: true, value: 30 });
    expect(centsOfNumber(1234567.89)).toEqual({ ok: true, value: 123456789 });
    expect(centsOfNumber(-0.01)).toEqual({ ok: true, value: -1 });
    expect(centsOfNumber(12.345).ok).toBe(false);
    expect(centsOfNumber(Number.NaN).ok).toBe(false);
  });

  test("a number cell formatted to 2 decimals that holds 3 is refused, not rounded", () => {
    expect(centsOfCell({ value: 12.345, display: "12.35", format: "0.00" }).ok).toBe(false);
  });

  test.each([
    [1295, "12.95"],
    [1000, "10.00"],
    [5, "0.05"],
    [-500, "-5.00"],
    [0, "0.00"],
    [123456789, "1234567.89"],
  ])("%d cents is %j", (cents, text) => {
    expect(formatCents(cents)).toBe(text);
  });
});

test("spaces group thousands or surround the currency, never split a number", () => {
  expect(centsOfText("1 234,56")).toEqual({ ok: true, value: 123456 });
  expect(centsOfText("€ 1 234,56")).toEqual({ ok: true, value: 123456 });
  expect(centsOfText("12 95").ok).toBe(false);
  expect(centsOfText("1 23").ok).toBe(false);
});

test("`12,-` is Dutch for whole euros, never a minus sign; a trailing minus is refused", () => {
  expect(centsOfText("12,-")).toEqual({ ok: true, value: 1200 });
  expect(centsOfText("€ 1.250,-")).toEqual({ ok: true, value: 125000 });
  expect(centsOfText("12-").ok).toBe(false);
});

describe("amounts typed in the locale's forms", () => {
  afterEach(() => useLanguage("en"));

  // [locale, typed, cents]
  test.each([
    ["nl_NL", "1.234", 123400],
    ["nl_NL", "1.234,5", 123450],
    ["nl_NL", "€ 1.234,50", 123450],
    ["nl_NL", "-1.000", -100000],
    ["nl_NL", "12,95", 1295],
    ["nl_NL", "12.95", 1295],
    ["nl_NL", "1.234.567", 123456700],
    ["nl_NL", "1,234.50", 123450],
    ["nl_NL", "0,12", 12],
    ["nl_NL", "12.34", 1234],
    ["nl_BE", "999.999,99", 99999999],
    ["en_US", "1,234.50", 123450],
    ["en_US", "12.95", 1295],
    ["en_US", "12,95", 1295],
    ["en_US", "1,234,567", 123456700],
    ["en_US", "€ 1,000.00", 100000],
  ])("%s: %j is %d cents", (locale, text, cents) => {
    expect(centsOfText(text, locale)).toEqual({ ok: true, value: cents });
  });

  // [locale, typed, English message, Dutch message]
  const REFUSED: [string, string, string, string][] = [
    [
      "nl_NL",
      "1,234",
      'has more than 2 decimals if "1,234" means 1.234; if it means 1234.00, type it without the comma',
      'heeft meer dan 2 decimalen als "1,234" 1,234 betekent; bedoel je 1234,00, typ het dan zonder komma',
    ],
    [
      "en_US",
      "1.234",
      'has more than 2 decimals if "1.234" means 1.234; if it means 1234.00, type it without the dot',
      'heeft meer dan 2 decimalen als "1.234" 1,234 betekent; bedoel je 1234,00, typ het dan zonder punt',
    ],
    [
      "en_US",
      "-12,345",
      'has more than 2 decimals if "-12,345" means -12.345; if it means -12345.00, type it without the comma',
      'heeft meer dan 2 decimalen als "-12,345" -12,345 betekent; bedoel je -12345,00, typ het dan zonder komma',
    ],
    [
      "nl_NL",
      "twaalf euro",
      '"twaalf euro" is not an amount (type it like 12,95 or 1.234,50)',
      '"twaalf euro" is geen bedrag (typ bijvoorbeeld 12,95 of 1.234,50)',
    ],
    [
      "en_US",
      "twelve euros",
      '"twelve euros" is not an amount (type it like 12.95 or 1,234.50)',
      '"twelve euros" is geen bedrag (typ bijvoorbeeld 12.95 of 1,234.50)',
    ],
    [
      "nl_NL",
      "12,955",
      'has more than 2 decimals if "12,955" means 12.955; if it means 12955.00, type it without the comma',
      'heeft meer dan 2 decimalen als "12,955" 12,955 betekent; bedoel je 12955,00, typ het dan zonder komma',
    ],
    ["nl_NL", "12,3456", 'has more than 2 decimals ("12,3456")', 'heeft meer dan 2 decimalen ("12,3456")'],
    [
      "nl_NL",
      "1.234,567",
      'has more than 2 decimals ("1.234,567")',
      'heeft meer dan 2 decimalen ("1.234,567")',
    ],
    ["en_US", "1234.567", 'has more than 2 decimals ("1234.567")', 'heeft meer dan 2 decimalen ("1234.567")'],
    [
      "nl_NL",
      "1.23.456",
      '"1.23.456" is not an amount (type it like 12,95 or 1.234,50)',
      '"1.23.456" is geen bedrag (typ bijvoorbeeld 12,95 of 1.234,50)',
    ],
    ["nl_NL", "99.999.999.999", "is too large", "is te groot"],
  ];
  test.each(REFUSED)("%s: %j is refused, saying why (en, nl)", (locale, text, english, dutch) => {
    useLanguage("en");
    expect(centsOfText(text, locale)).toEqual({ ok: false, problem: english });
    useLanguage("nl");
    expect(centsOfText(text, locale)).toEqual({ ok: false, problem: dutch });
  });

  test("number cells are read as numbers whatever the locale", () => {
    const grouped = { value: 1234.5, display: "1.234,50", format: "#,##0.00" };
    expect(centsOfCell(grouped, "nl_NL")).toEqual({ ok: true, value: 123450 });
    expect(centsOfCell({ value: 1.234, display: "1,234", format: "0.000" }, "nl_NL").ok).toBe(false);
    useLanguage("nl");
    expect(centsOfNumber(12.345)).toEqual({ ok: false, problem: "heeft meer dan 2 decimalen (12,345)" });
    expect(centsOfCell({ value: true, display: "TRUE", format: "" }, "nl_NL")).toEqual({
      ok: false,
      problem: '"TRUE" is geen bedrag (typ bijvoorbeeld 12,95 of 1.234,50)',
    });
  });
});
