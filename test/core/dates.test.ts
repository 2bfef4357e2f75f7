import { addDays, dayNumber, ymdOfCell, ymdOfText } from "../../src/core/dates";

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
