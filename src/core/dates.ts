// Calendar dates as `YYYY-MM-DD` strings: read from date cells in the spreadsheet's time zone
// (the shell passes the formatter in) or from typed text, checked against the real calendar.

import { type Cell, isDateValue, quote, shownText } from "./cells";
import { bad, ok, type Parsed } from "./result";

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

/** `2025-04-31` is not a date; `2025-4-1` is `2025-04-01`. */
export function ymdOfText(text: string): Parsed<string> {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (!m) return bad(`${quote(text)} is not a date (use a date cell or YYYY-MM-DD)`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return bad(`${quote(text)} is not a real calendar date`);
  }
  return ok(`${pad(year, 4)}-${pad(month)}-${pad(day)}`);
}

export function ymdOfCell(cell: Cell, zonedYmd: ZonedYmd): Parsed<string> {
  const v = cell.value;
  if (isDateValue(v)) {
    if (Number.isNaN(v.getTime())) return bad("is not a valid date");
    return ymdOfText(zonedYmd(v));
  }
  if (typeof v === "number") return bad(`${quote(cell.display || String(v))} is a number, not a date`);
  if (typeof v === "boolean") return bad("is not a date");
  return ymdOfText(shownText(cell));
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
