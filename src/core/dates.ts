// Calendar dates as `YYYY-MM-DD` strings: read from date cells in the spreadsheet's time zone
// (the shell passes the formatter in) or from text typed in the locale's forms, checked against the
// real calendar.

import { type Cell, isDateValue, quote, shownText } from "./cells";
import { pick } from "./language";
import { bad, ok, type Parsed } from "./result";
import { isDutchLocale, type SheetLocale } from "./text-locale";
import { type Day, LOCALE_EXAMPLES, VALUES_TEXTS } from "./texts-values";

/** Formats an instant as `YYYY-MM-DD` in the spreadsheet's time zone. */
export type ZonedYmd = (date: Date) => string;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

/** A real calendar day, or the plain reason it is not one ("April has 30 days"). */
function calendarDay(q: string, year: number, month: number, day: number): Parsed<string> {
  const t = pick(VALUES_TEXTS);
  if (year < 1000) return bad(t.notDateIso(q));
  if (month < 1 || month > 12) return bad(t.noMonth(q, month));
  if (day < 1) return bad(t.noDayZero(q));
  const days = daysInMonth(year, month);
  if (day > days) return bad(t.monthHasDays(q, year, month, days));
  return ok(`${pad(year, 4)}-${pad(month)}-${pad(day)}`);
}

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
/** Day and month in either order, the same separator twice, a year of 4 (or, refused, 2) digits. */
const LOCAL = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})$/;

/**
 * A typed date: ISO `2025-04-14` (and `2025-4-1`) always; with the spreadsheet's locale also the
 * forms people type there: day first in a Dutch locale (`14-4-2025`, `14/04/2025`, `14.4.2025`),
 * month first in an English one (`4/14/2025`). An English locale is the default of many sheets kept
 * by people who put the day first, so there a date whose day and month could swap (`5/4/2025`) is
 * refused with both readings, and `14/4/2025` (only one reading) is 14 April. Without a locale, only
 * ISO is read.
 */
export function ymdOfText(text: string, locale?: SheetLocale): Parsed<string> {
  const t = pick(VALUES_TEXTS);
  const q = quote(text);
  const iso = ISO.exec(text);
  if (iso) return calendarDay(q, Number(iso[1]), Number(iso[2]), Number(iso[3]));
  if (locale === undefined) return bad(t.notDateIso(q));
  const dutch = isDutchLocale(locale);
  const m = LOCAL.exec(text);
  if (!m) return bad(t.notDate(q, LOCALE_EXAMPLES[dutch ? "dutch" : "english"].date));
  const first = Number(m[1]);
  const second = Number(m[3]);
  const yearText = m[4] ?? "";
  if (yearText.length === 2) {
    return bad(t.yearInFull(q, `${m[1]}${m[2]}${m[3]}${m[2]}20${yearText}`));
  }
  const year = Number(yearText);
  if (dutch) {
    // Typed month first (`4/14/2025`): when that reading is a real day, say how to type it.
    if (second > 12 && first >= 1 && year >= 1000 && second <= daysInMonth(year, first)) {
      const typed = `${second}${m[2]}${first}${m[2]}${year}`;
      return bad(t.noMonthDayFirst(q, second, { year, month: first, day: second }, typed));
    }
    return calendarDay(q, year, second, first);
  }
  if (first <= 12 && second <= 12 && first !== second) {
    const asUs = { year, month: first, day: second };
    const asEu = { year, month: second, day: first };
    const ymd = (d: Day) => `${pad(year, 4)}-${pad(d.month)}-${pad(d.day)}`;
    return bad(t.ambiguousDate(q, asUs, asEu, ymd(asUs), ymd(asEu)));
  }
  // Only one order can be a month: that one, else the American reading (and its reason).
  return first > 12 && second <= 12
    ? calendarDay(q, year, second, first)
    : calendarDay(q, year, first, second);
}

/** A date cell's day in the spreadsheet's zone, or a typed date read as `ymdOfText` does. */
export function ymdOfCell(cell: Cell, zonedYmd: ZonedYmd, locale?: SheetLocale): Parsed<string> {
  const t = pick(VALUES_TEXTS);
  const v = cell.value;
  if (isDateValue(v)) {
    if (Number.isNaN(v.getTime())) return bad(t.invalidDateCell());
    return ymdOfText(zonedYmd(v));
  }
  if (typeof v === "number") return bad(t.numberNotDate(quote(cell.display || String(v))));
  if (typeof v === "boolean") return bad(t.notDateCell());
  return ymdOfText(shownText(cell), locale);
}

/** Days since 1970-01-01 of a valid `YYYY-MM-DD` (Howard Hinnant's days_from_civil). */
export function dayNumber(ymd: string): number {
  const y0 = Number(ymd.slice(0, 4));
  const m = Number(ymd.slice(5, 7));
  const d = Number(ymd.slice(8, 10));
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function ymdOfDayNumber(days: number): string {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

export function addDays(ymd: string, days: number): string {
  return ymdOfDayNumber(dayNumber(ymd) + days);
}

/** The same day `years` later (29 February becomes 28 February in a common year). */
export function addYears(ymd: string, years: number): string {
  const year = Number(ymd.slice(0, 4)) + years;
  const month = Number(ymd.slice(5, 7));
  const day = Math.min(Number(ymd.slice(8, 10)), daysInMonth(year, month));
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}
