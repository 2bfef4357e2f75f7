import { addDays, addYears, dayNumber, ymdOfCell, ymdOfText } from "../../src/core/dates";
import { useLanguage } from "../../src/core/language";
import { utcYmd } from "./helpers";

describe("dates", () => {
  test.each([
    ["2025-04-14", "2025-04-14"],
    ["2025-4-1", "2025-04-01"],
    ["2024-02-29", "2024-02-29"],
    ["2000-02-29", "2000-02-29"],
  ])("%j is %j", (text, ymd) => {
    expect(ymdOfText(text)).toEqual({ ok: true, value: ymd });
  });

  test.each([
    "2025-04-31",
    "2025-02-29",
    "1900-02-29",
    "2025-13-01",
    "2025-00-10",
    "14-04-2025",
    "2025/04/14",
    "tomorrow",
  ])("%j is refused", (text) => {
    expect(ymdOfText(text).ok).toBe(false);
  });

  test("date cells are formatted by the zone-aware formatter the shell passes in", () => {
    const instant = new Date(Date.UTC(2025, 3, 13, 22, 0));
    const amsterdam = (d: Date) =>
      new Intl.DateTimeFormat("en-CA", {
        timeZone: "Europe/Amsterdam",
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
      }).format(d);
    expect(ymdOfCell({ value: instant, display: "14-4-2025", format: "d-m-yyyy" }, amsterdam)).toEqual({
      ok: true,
      value: "2025-04-14",
    });
    expect(ymdOfCell({ value: 45761, display: "45761", format: "0" }, amsterdam).ok).toBe(false);
    expect(ymdOfCell({ value: new Date(Number.NaN), display: "", format: "" }, amsterdam).ok).toBe(false);
  });

  test("day arithmetic crosses months, leap days and years", () => {
    expect(addDays("2025-04-14", 30)).toBe("2025-05-14");
    expect(addDays("2024-02-10", 30)).toBe("2024-03-11");
    expect(addDays("2025-12-15", 30)).toBe("2026-01-14");
    expect(dayNumber("1970-01-01")).toBe(0);
    for (let d = -1000; d < 30000; d += 37) expect(dayNumber(addDays("1970-01-01", d))).toBe(d);
  });
});

describe("dates typed in the locale's forms", () => {
  afterEach(() => useLanguage("en"));

  // [locale, typed, YYYY-MM-DD]
  test.each([
    ["nl_NL", "14-4-2025", "2025-04-14"],
    ["nl_NL", "14-04-2025", "2025-04-14"],
    ["nl_NL", "14/4/2025", "2025-04-14"],
    ["nl_NL", "14.4.2025", "2025-04-14"],
    ["nl_NL", "5-4-2025", "2025-04-05"],
    ["nl_BE", "1/12/2025", "2025-12-01"],
    ["nl_NL", "29-2-2024", "2024-02-29"],
    ["nl_NL", "2025-04-14", "2025-04-14"],
    ["en_US", "4/14/2025", "2025-04-14"],
    ["en_US", "04/14/2025", "2025-04-14"],
    ["en_US", "4-14-2025", "2025-04-14"],
    ["en_US", "14/4/2025", "2025-04-14"],
    ["en_US", "5/5/2025", "2025-05-05"],
    ["en_US", "2025-4-5", "2025-04-05"],
    ["en_GB", "12/31/2025", "2025-12-31"],
  ])("%s: %j is %s", (locale, text, ymd) => {
    expect(ymdOfText(text, locale)).toEqual({ ok: true, value: ymd });
  });

  // [locale, typed, English message, Dutch message]
  const REFUSED: [string, string, string, string][] = [
    [
      "nl_NL",
      "31-04-2025",
      '"31-04-2025" is not a real calendar date: April has 30 days',
      '"31-04-2025" bestaat niet: april heeft 30 dagen',
    ],
    [
      "nl_NL",
      "29-2-2025",
      '"29-2-2025" is not a real calendar date: February 2025 has 28 days',
      '"29-2-2025" bestaat niet: februari 2025 heeft 28 dagen',
    ],
    [
      "nl_NL",
      "4/14/2025",
      '"4/14/2025" is not a real calendar date: there is no month 14; for April 14, 2025 type 14/4/2025 (day first)',
      '"4/14/2025" is geen datum: maand 14 bestaat niet; bedoel je 14 april 2025, typ dan 14/4/2025 (dag eerst)',
    ],
    // Read month first it is no day either (30 February): no suggestion.
    [
      "nl_NL",
      "2/30/2025",
      '"2/30/2025" is not a real calendar date: there is no month 30',
      '"2/30/2025" is geen datum: maand 30 bestaat niet',
    ],
    [
      "nl_NL",
      "0-4-2025",
      '"0-4-2025" is not a real calendar date: there is no day 0',
      '"0-4-2025" is geen datum: dag 0 bestaat niet',
    ],
    [
      "nl_NL",
      "14-4-25",
      '"14-4-25" is not a date: write the year in full, like 14-4-2025',
      '"14-4-25" is geen datum: schrijf het jaar voluit, bijvoorbeeld 14-4-2025',
    ],
    [
      "nl_NL",
      "14 april",
      '"14 april" is not a date (type it like 14-4-2025 or 2025-04-14, or use a date cell)',
      '"14 april" is geen datum (typ bijvoorbeeld 14-4-2025 of 2025-04-14, of gebruik een datumcel)',
    ],
    [
      "nl_NL",
      "14-4/2025",
      '"14-4/2025" is not a date (type it like 14-4-2025 or 2025-04-14, or use a date cell)',
      '"14-4/2025" is geen datum (typ bijvoorbeeld 14-4-2025 of 2025-04-14, of gebruik een datumcel)',
    ],
    [
      "nl_NL",
      "2025-04-31",
      '"2025-04-31" is not a real calendar date: April has 30 days',
      '"2025-04-31" bestaat niet: april heeft 30 dagen',
    ],
    [
      "en_US",
      "5/4/2025",
      '"5/4/2025" can be read as May 4 or as April 5, 2025; type 2025-05-04 or 2025-04-05 (or use a date cell)',
      '"5/4/2025" kan 4 mei of 5 april 2025 zijn; typ 2025-05-04 of 2025-04-05 (of gebruik een datumcel)',
    ],
    [
      "en_US",
      "4/31/2025",
      '"4/31/2025" is not a real calendar date: April has 30 days',
      '"4/31/2025" bestaat niet: april heeft 30 dagen',
    ],
    [
      "en_US",
      "31/4/2025",
      '"31/4/2025" is not a real calendar date: April has 30 days',
      '"31/4/2025" bestaat niet: april heeft 30 dagen',
    ],
    [
      "en_US",
      "13/13/2025",
      '"13/13/2025" is not a real calendar date: there is no month 13',
      '"13/13/2025" is geen datum: maand 13 bestaat niet',
    ],
    [
      "en_US",
      "tomorrow",
      '"tomorrow" is not a date (type it like 4/14/2025 or 2025-04-14, or use a date cell)',
      '"tomorrow" is geen datum (typ bijvoorbeeld 4/14/2025 of 2025-04-14, of gebruik een datumcel)',
    ],
    [
      "en_US",
      "2025-04-05 13:45",
      '"2025-04-05 13:45" is not a date (type it like 4/14/2025 or 2025-04-14, or use a date cell)',
      '"2025-04-05 13:45" is geen datum (typ bijvoorbeeld 4/14/2025 of 2025-04-14, of gebruik een datumcel)',
    ],
  ];
  test.each(REFUSED)("%s: %j is refused, saying why (en, nl)", (locale, text, english, dutch) => {
    useLanguage("en");
    expect(ymdOfText(text, locale)).toEqual({ ok: false, problem: english });
    useLanguage("nl");
    expect(ymdOfText(text, locale)).toEqual({ ok: false, problem: dutch });
  });

  test("without a locale only ISO is read; a text cell is read in the locale, a date cell never", () => {
    useLanguage("nl");
    expect(ymdOfText("14-4-2025")).toEqual({
      ok: false,
      problem: '"14-4-2025" is geen datum (gebruik een datumcel of JJJJ-MM-DD)',
    });
    const text = { value: "14-4-2025", display: "14-4-2025", format: "@" };
    expect(ymdOfCell(text, utcYmd, "nl_NL")).toEqual({ ok: true, value: "2025-04-14" });
    expect(ymdOfCell(text, utcYmd, "en_US")).toEqual({ ok: true, value: "2025-04-14" });
    const cell = { value: new Date(Date.UTC(2025, 4, 4)), display: "4-5-2025", format: "d-m-yyyy" };
    expect(ymdOfCell(cell, utcYmd, "en_US")).toEqual({ ok: true, value: "2025-05-04" });
    expect(ymdOfCell({ value: 45761, display: "45761", format: "0" }, utcYmd, "nl_NL")).toEqual({
      ok: false,
      problem: '"45761" is een getal, geen datum (maak er een datumcel van, of typ de datum als 2025-04-14)',
    });
  });

  test("a year later is the same day, 29 February a day earlier", () => {
    expect(addYears("2025-04-14", 1)).toBe("2026-04-14");
    expect(addYears("2024-02-29", 1)).toBe("2025-02-28");
    expect(addYears("2024-02-29", -1)).toBe("2023-02-28");
    expect(addYears("2024-02-29", 4)).toBe("2028-02-29");
  });
});
