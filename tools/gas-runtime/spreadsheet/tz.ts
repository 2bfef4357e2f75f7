// Wall-clock time in an IANA time zone, with Intl only: epoch ms <-> local date/time parts, and the
// serial day numbers Sheets uses for dates (days since 1899-12-30, local wall-clock time).

export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const DAY_MS = 86_400_000;
const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(zone, f);
  }
  return f;
}

/** Throws a RangeError for a time zone Intl does not know. */
export function assertTimeZone(zone: string): void {
  formatter(zone);
}

/** Epoch ms of `w` read as UTC wall-clock time (works for years below 100 too). */
export function utcOf(w: WallTime): number {
  const d = new Date(0);
  d.setUTCFullYear(w.year, w.month - 1, w.day);
  d.setUTCHours(w.hour, w.minute, w.second, w.millisecond);
  return d.getTime();
}

export function wallOfUtc(ms: number): WallTime {
  const d = new Date(ms);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
  };
}

/** The wall-clock time in `zone` at instant `ms`. */
export function wallTime(ms: number, zone: string): WallTime {
  const p: Record<string, number> = {};
  for (const part of formatter(zone).formatToParts(new Date(ms))) {
    if (part.type !== "literal") p[part.type] = Number(part.value);
  }
  return {
    year: p.year ?? 1970,
    month: p.month ?? 1,
    day: p.day ?? 1,
    hour: (p.hour ?? 0) % 24,
    minute: p.minute ?? 0,
    second: p.second ?? 0,
    millisecond: ((ms % 1000) + 1000) % 1000,
  };
}

/** The instant at which the wall clock in `zone` shows `w` (the later offset in a DST gap). */
export function zonedEpoch(w: WallTime, zone: string): number {
  const guess = utcOf(w);
  const offset1 = utcOf(wallTime(guess, zone)) - guess;
  let t = guess - offset1;
  const offset2 = utcOf(wallTime(t, zone)) - t;
  if (offset2 !== offset1) t = guess - offset2;
  return t;
}

export function hasTimeOfDay(w: WallTime): boolean {
  return w.hour !== 0 || w.minute !== 0 || w.second !== 0 || w.millisecond !== 0;
}

/** Sheets' serial number of an instant: local days since 1899-12-30 in `zone`. */
export function serialOf(ms: number, zone: string): number {
  return (utcOf(wallTime(ms, zone)) - SERIAL_EPOCH_MS) / DAY_MS;
}

/** Wall-clock time of a serial number (no zone involved). */
export function wallOfSerial(serial: number): WallTime {
  return wallOfUtc(SERIAL_EPOCH_MS + Math.round(serial * DAY_MS));
}

/** The instant of a serial number read in `zone`. */
export function epochOfSerial(serial: number, zone: string): number {
  return zonedEpoch(wallOfSerial(serial), zone);
}
