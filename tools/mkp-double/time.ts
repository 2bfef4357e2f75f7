// Time helpers of the MKP double: virtual now, ATOM timestamps in Europe/Amsterdam, and date checks.

const ZONE = "Europe/Amsterdam";
const wallFormat = new Intl.DateTimeFormat("en-US", {
  timeZone: ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

/** "Now" of a request: the x-virtual-now header (epoch ms) when it is a number, else Date.now(). */
export function nowFrom(header: string | string[] | undefined): number {
  const text = Array.isArray(header) ? header[0] : header;
  if (text !== undefined && /^\s*-?\d+(\.\d+)?\s*$/.test(text)) return Math.floor(Number(text));
  return Date.now();
}

/** UTC instant of the last Sunday of a month at 01:00 UTC (the EU summer-time switch). */
function lastSunday0100(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month + 1, 0, 1));
  return last.getTime() - last.getUTCDay() * 86_400_000;
}

/**
 * Offset of Amsterdam from UTC at an instant, in minutes. From 1996 to 2099 the EU rule (summer time from
 * the last Sunday of March to that of October, at 01:00 UTC) is computed directly, as Intl is slow
 * (~25 µs a call) and seeding 10,000 offers formats 30,000 times; other years ask Intl.
 */
function offsetMinutes(ms: number): number {
  const year = new Date(ms).getUTCFullYear();
  if (year < 1996 || year > 2099) return intlOffsetMinutes(ms);
  return ms >= lastSunday0100(year, 2) && ms < lastSunday0100(year, 9) ? 120 : 60;
}

function intlOffsetMinutes(ms: number): number {
  const parts = wallFormat.formatToParts(new Date(ms));
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return Math.round((wall - Math.floor(ms / 1000) * 1000) / 60000);
}

/** PHP DATE_ATOM of an instant in Europe/Amsterdam, e.g. "2025-04-14T11:00:00+02:00". */
export function toAtom(ms: number): string {
  const seconds = Math.floor(ms / 1000) * 1000;
  const offset = offsetMinutes(seconds);
  const local = new Date(seconds + offset * 60000).toISOString().slice(0, 19);
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset);
  const hh = String(Math.floor(abs / 60)).padStart(2, "0");
  const mm = String(abs % 60).padStart(2, "0");
  return `${local}${sign}${hh}:${mm}`;
}

/** Today's date (YYYY-MM-DD) in Amsterdam. */
export function amsterdamDate(ms: number): string {
  return toAtom(ms).slice(0, 10);
}

function isValidYmd(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True for a real calendar date written YYYY-MM-DD ("2025-04-31" is false). */
export function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return m !== null && isValidYmd(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** YYYY-MM-DD plus a number of days. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + days)).toISOString().slice(0, 10);
}

/** Epoch ms of "YYYY-mm-dd HH:mm:ss" read as Amsterdam wall-clock time, or null when malformed. */
export function fromLocalDateTime(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text);
  if (m === null) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  if (!isValidYmd(y, mo, d) || h > 23 || mi > 59 || s > 59) return null;
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  let ms = wall - offsetMinutes(wall) * 60000;
  ms = wall - offsetMinutes(ms) * 60000;
  return ms;
}

/** A date-time given to the control interface (ATOM, local "YYYY-mm-dd HH:mm:ss" or epoch ms) as ATOM. */
export function normaliseDateTime(value: string | number | null): string | null {
  if (value === null) return null;
  if (typeof value === "number") return toAtom(value);
  const local = fromLocalDateTime(value);
  return local === null ? value : toAtom(local);
}
