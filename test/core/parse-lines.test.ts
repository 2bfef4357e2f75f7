// Offer lines (src/core/parse-lines.ts), table-driven: a valid line becomes the request's line; each
// bad field is named as the sheet's header names it, in the execution's language (English, Dutch).

import { afterEach, describe, expect, test } from "@jest/globals";
import { LINE_COLUMNS, matchHeaders } from "../../src/core/columns";
import { useLanguage } from "../../src/core/language";
import { MAX_DESCRIPTION_LENGTH, parseLines, vatRateOfCell } from "../../src/core/parse-lines";
import { TEXTS_EN, TEXTS_NL, type Texts } from "../../src/core/texts";
import { FIELD_NAMES, type FieldNames } from "../../src/core/texts-bundled";
import { LINE_HEADERS, LINE_HEADERS_NL } from "../fixtures/headers";
import { type CellLike, cell, table } from "./helpers";

afterEach(() => useLanguage("en"));

function parse(rows: CellLike[][], header = LINE_HEADERS, locale = "") {
  const t = table(header, rows);
  return parseLines(t, matchHeaders(t.header, LINE_COLUMNS).columns, locale);
}

/** The one line of offer A1. */
function only(row: CellLike[], header = LINE_HEADERS, locale = "") {
  const lines = parse([row], header, locale).byOffer.get("a1") ?? [];
  expect(lines).toHaveLength(1);
  return lines[0];
}

describe("a valid line", () => {
  test.each([
    [["A1", "Website", "12.95", 21], { description: "Website", amountExclVat: "12.95", vatRate: 21 }],
    [["A1", "Hosting", 100, "9"], { description: "Hosting", amountExclVat: "100.00", vatRate: 9 }],
    [["A1", "Korting", -5, 0], { description: "Korting", amountExclVat: "-5.00", vatRate: 0 }],
    [
      ["A1", "Support", 1.5, { value: 0.21, display: "21%", format: "0%" }],
      { description: "Support", amountExclVat: "1.50", vatRate: 21 },
    ],
    [["A1", "Support", "€ 10", "21%"], { description: "Support", amountExclVat: "10.00", vatRate: 21 }],
    [["A1", "Support", 10, "9,0"], { description: "Support", amountExclVat: "10.00", vatRate: 9 }],
  ])("%j → %j", (row, line) => {
    const l = only(row);
    expect(l?.problems).toEqual([]);
    expect(l?.line).toEqual(line);
    expect(l?.offerNumber).toBe("A1");
    expect(l?.sheetRow).toBe(2);
  });

  test("an amount typed as Dutch text in a Dutch spreadsheet", () => {
    expect(only(["A1", "Werk", "1.234,50", 21], LINE_HEADERS, "nl_NL")?.line?.amountExclVat).toBe("1234.50");
  });
});

type Case = [string, CellLike[], (t: Texts, f: FieldNames) => string];

const BAD: Case[] = [
  ["description missing", ["A1", "", 10, 21], (t, f) => t.missing(f.description)],
  ["description only spaces", ["A1", "   ", 10, 21], (t, f) => t.missing(f.description)],
  [
    "description too long",
    ["A1", "x".repeat(MAX_DESCRIPTION_LENGTH + 1), 10, 21],
    (t, f) => t.tooLong(f.description, MAX_DESCRIPTION_LENGTH + 1, MAX_DESCRIPTION_LENGTH),
  ],
  ["description an error", ["A1", "#REF!", 10, 21], (t, f) => t.cellError(f.description, "#REF!")],
  ["amount missing", ["A1", "Work", "", 21], (t, f) => t.missing(f.amountExclVat)],
  ["amount an error", ["A1", "Work", "#N/A", 21], (t, f) => t.cellError(f.amountExclVat, "#N/A")],
  ["VAT rate missing", ["A1", "Work", 10, ""], (t, f) => t.missing(f.vatRate)],
  [
    "VAT rate not allowed",
    ["A1", "Work", 10, 20],
    (t, f) => t.fieldProblem(f.vatRate, t.notAllowedRate("20")),
  ],
  [
    "VAT rate a fraction",
    ["A1", "Work", 10, 21.5],
    (t, f) => t.fieldProblem(f.vatRate, t.notAllowedRate("21.5")),
  ],
  [
    "VAT rate not a number",
    ["A1", "Work", 10, "high"],
    (t, f) => t.fieldProblem(f.vatRate, t.notVatRate('"high"')),
  ],
  ["VAT rate an error", ["A1", "Work", 10, "#VALUE!"], (t, f) => t.cellError(f.vatRate, "#VALUE!")],
];

describe.each([
  ["en", LINE_HEADERS],
  ["nl", LINE_HEADERS_NL],
] as const)("a bad field in %s", (lang, header) => {
  test.each(BAD)("%s: the line is not sent and the problem names the field", (_, row, expected) => {
    useLanguage(lang);
    const l = only(row, header);
    expect(l?.line).toBeNull();
    expect(l?.problems).toEqual([expected({ en: TEXTS_EN, nl: TEXTS_NL }[lang], FIELD_NAMES[lang])]);
  });

  test("an amount that is not one is named with its field", () => {
    useLanguage(lang);
    const l = only(["A1", "Work", "ten euros", 21], header);
    expect(l?.line).toBeNull();
    expect(l?.problems).toHaveLength(1);
    expect(l?.problems[0]?.startsWith(`${FIELD_NAMES[lang].amountExclVat}: `)).toBe(true);
  });

  test("every bad field of a line is listed, in column order", () => {
    useLanguage(lang);
    const t = { en: TEXTS_EN, nl: TEXTS_NL }[lang];
    const f = FIELD_NAMES[lang];
    expect(only(["A1", "", "", 20], header)?.problems).toEqual([
      t.missing(f.description),
      t.missing(f.amountExclVat),
      t.fieldProblem(f.vatRate, t.notAllowedRate("20")),
    ]);
  });
});

test("fields are named as the sheet's headers are, the sentence in the execution's language", () => {
  // A Dutch user working in a sheet with English headers.
  useLanguage("nl");
  expect(only(["A1", "", 10, 21])?.problems).toEqual([TEXTS_NL.missing(FIELD_NAMES.en.description)]);
  useLanguage("en");
  expect(only(["A1", "", 10, 21], LINE_HEADERS_NL)?.problems).toEqual([
    TEXTS_EN.missing(FIELD_NAMES.nl.description),
  ]);
});

describe("grouping", () => {
  test("lines are grouped by offer key in sheet order; blank rows are skipped; rows are numbered as in the sheet", () => {
    const r = parse([
      ["A1", "One", 1, 21],
      ["", "", "", ""],
      [" a1 ", "Two", 2, 21],
      ["B2", "Three", 3, 9],
      ["", "Orphan", 4, 21],
    ]);
    expect([...r.byOffer.keys()]).toEqual(["a1", "b2"]);
    expect(r.byOffer.get("a1")?.map((l) => [l.sheetRow, l.line?.description])).toEqual([
      [2, "One"],
      [4, "Two"],
    ]);
    expect(r.withoutNumber.map((l) => l.sheetRow)).toEqual([6]);
    expect(r.withoutNumber[0]?.line?.description).toBe("Orphan");
  });

  test("a line whose offer number is an error cell has no number", () => {
    const r = parse([["#N/A", "Work", 1, 21]]);
    expect(r.byOffer.size).toBe(0);
    expect(r.withoutNumber[0]?.offerNumber).toBe("");
  });

  test("the sheet's own name is kept for messages", () => {
    const t = { ...table(LINE_HEADERS, [["A1", "W", 1, 21]]), name: "Regels 2026" };
    expect(parseLines(t, matchHeaders(t.header, LINE_COLUMNS).columns).sheetName).toBe("Regels 2026");
    expect(parse([]).sheetName).toBe("Offer lines");
  });
});

describe("vatRateOfCell", () => {
  test.each([
    [21, 21],
    [9, 9],
    [0, 0],
    ["21", 21],
    [" 9 % ", 9],
    ["0,0", 0],
    [{ value: 0.09, display: "9%", format: "0%" }, 9],
    // Formats are not read for lines: the shown text tells a percent format.
    [{ value: 0.21, display: "21,00 %", format: "" }, 21],
    [{ value: 0.09, display: "9.0%", format: "" }, 9],
    // A literal % in a custom format (0" %") shows the value itself.
    [{ value: 21, display: "21 %", format: '0" %"' }, 21],
    [{ value: 9, display: "9%", format: "" }, 9],
  ])("%j → %d", (v, rate) => {
    expect(vatRateOfCell(cell(v))).toEqual({ ok: true, value: rate });
  });

  test.each([
    [6],
    [-21],
    [0.21],
    ["21.0.0"],
    [true],
    [{ value: 0.21, display: "0.21", format: "" }],
    [{ value: 2100, display: "2100 %", format: '0" %"' }],
  ])("%j is refused", (v) => {
    expect(vatRateOfCell(cell(v)).ok).toBe(false);
  });
});
