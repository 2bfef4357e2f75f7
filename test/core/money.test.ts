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
