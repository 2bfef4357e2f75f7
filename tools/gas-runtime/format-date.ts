// Utilities.formatDate: Java SimpleDateFormat patterns rendered in a real time zone (via Intl), as
// Apps Script does: `formatDate(d, "Europe/Amsterdam", "yyyy-MM-dd'T'HH:mm:ssXXX")`.

import { localeInfo } from "./spreadsheet/locale";
import { assertTimeZone, utcOf, wallTime } from "./spreadsheet/tz";

const { months: MONTHS, days: DAYS } = localeInfo("en_US");

interface Fields {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number; // 0-23
  minute: number;
  second: number;
  ms: number;
  weekday: number; // 0 = Sunday
  dayOfYear: number;
  offsetMin: number;
}

/** "GMT+2", "UTC-05:30", "GMT" → minutes east of UTC; null for a zone name. */
function fixedOffset(timeZone: string): number | null {
  const m = /^(?:GMT|UTC)(?:([+-])(\d{1,2})(?::?(\d{2}))?)?$/.exec(timeZone);
  if (!m) return null;
  const minutes = Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
  return m[1] === "-" ? -minutes : minutes;
}

function fieldsAt(ms: number, timeZone: string): Fields {
  const fixed = fixedOffset(timeZone);
  let offsetMin: number;
  if (fixed !== null) {
    offsetMin = fixed;
  } else {
    const wall = utcOf(wallTime(ms, timeZone));
    offsetMin = Math.round((wall - ms) / 60_000);
  }
  const local = new Date(ms + offsetMin * 60_000);
  const year = local.getUTCFullYear();
  return {
    year,
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
    ms: local.getUTCMilliseconds(),
    weekday: local.getUTCDay(),
    dayOfYear: Math.floor((local.getTime() - Date.UTC(year, 0, 1)) / 86_400_000) + 1,
    offsetMin,
  };
}

const pad = (n: number, width: number) => String(Math.abs(n)).padStart(width, "0");

function offsetText(offsetMin: number, colon: boolean, withMinutes = true): string {
  const sign = offsetMin < 0 ? "-" : "+";
  const hh = pad(Math.trunc(Math.abs(offsetMin) / 60), 2);
  const mm = pad(Math.abs(offsetMin) % 60, 2);
  return withMinutes ? `${sign}${hh}${colon ? ":" : ""}${mm}` : `${sign}${hh}`;
}

/** Java's `z`/`zzzz`: a name where one exists ("CEST", "EDT"), else "GMT+02:00". */
function zoneName(ms: number, timeZone: string, offsetMin: number, long: boolean): string {
  if (fixedOffset(timeZone) === null) {
    for (const locale of long ? ["en-US"] : ["en-US", "en-GB"]) {
      const name = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: long ? "long" : "short" })
        .formatToParts(ms)
        .find((p) => p.type === "timeZoneName")?.value;
      if (name && !/^GMT[+-]/.test(name)) return name;
    }
  }
  return offsetMin === 0 ? "GMT" : `GMT${offsetText(offsetMin, true)}`;
}

function field(letter: string, count: number, f: Fields, ms: number, timeZone: string): string {
  switch (letter) {
    case "G":
      return f.year > 0 ? "AD" : "BC";
    case "y":
    case "Y":
      return count === 2 ? pad(f.year % 100, 2) : pad(f.year, count);
    case "M":
    case "L":
      if (count >= 4) return MONTHS[f.month - 1]!;
      if (count === 3) return MONTHS[f.month - 1]!.slice(0, 3);
      return pad(f.month, count);
    case "d":
      return pad(f.day, count);
    case "D":
      return pad(f.dayOfYear, count);
    case "E":
      return count >= 4 ? DAYS[f.weekday]! : DAYS[f.weekday]!.slice(0, 3);
    case "u":
      return pad(f.weekday === 0 ? 7 : f.weekday, count);
    case "a":
      return f.hour < 12 ? "AM" : "PM";
    case "H":
      return pad(f.hour, count);
    case "k":
      return pad(f.hour === 0 ? 24 : f.hour, count);
    case "K":
      return pad(f.hour % 12, count);
    case "h":
      return pad(f.hour % 12 === 0 ? 12 : f.hour % 12, count);
    case "m":
      return pad(f.minute, count);
    case "s":
      return pad(f.second, count);
    case "S":
      return pad(f.ms, count);
    case "z":
      return zoneName(ms, timeZone, f.offsetMin, count >= 4);
    case "Z":
      return offsetText(f.offsetMin, false);
    case "X":
      if (f.offsetMin === 0) return "Z";
      return offsetText(f.offsetMin, count >= 3, count >= 2);
    default:
      throw new Error(`Illegal pattern character '${letter}'`);
  }
}

/** Formats epoch ms in `timeZone` with a Java SimpleDateFormat `pattern`. Throws on a bad zone/pattern. */
export function formatDate(ms: number, timeZone: string, pattern: string): string {
  if (fixedOffset(timeZone) === null) assertTimeZone(timeZone); // throws RangeError on an unknown zone
  const f = fieldsAt(ms, timeZone);
  let out = "";
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i]!;
    if (c === "'") {
      // '' is a quote; '...' is literal text, in which '' is a quote too.
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      i++;
      while (i < pattern.length) {
        if (pattern[i] === "'") {
          if (pattern[i + 1] !== "'") break;
          i++;
        }
        out += pattern[i];
        i++;
      }
      if (i >= pattern.length) throw new Error("Unterminated quote in pattern");
      i++;
      continue;
    }
    if (/[A-Za-z]/.test(c)) {
      let j = i;
      while (pattern[j] === c) j++;
      out += field(c, j - i, f, ms, timeZone);
      i = j;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}
