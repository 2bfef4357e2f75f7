// Dates as text, one renderer for both pattern languages of Apps Script: Utilities.formatDate's Java
// SimpleDateFormat patterns (`yyyy-MM-dd'T'HH:mm:ssXXX`, in a real time zone) and the date/time
// number formats of Sheets (`d-m-yyyy h:mm`, case-insensitive, "m" is minutes next to h or s).

import { type LocaleInfo, localeInfo } from "./spreadsheet/locale";
import { assertTimeZone, utcOf, type WallTime, wallTime } from "./spreadsheet/tz";

/** One piece of a pattern; `w` is the minimum number of digits. */
type Token =
  | { k: "lit"; s: string }
  | { k: "year"; w: number }
  | { k: "year2" }
  | { k: "month"; w: number }
  | { k: "monthName"; style: "short" | "long" | "initial" }
  | { k: "day"; w: number }
  | { k: "dayName"; long: boolean }
  | { k: "dayOfYear"; w: number }
  | { k: "isoWeekday"; w: number }
  | { k: "era" }
  | { k: "hour"; w: number; cycle: "0-23" | "1-24" | "0-11" | "1-12" }
  | { k: "minute"; w: number }
  | { k: "second"; w: number }
  | { k: "millis"; w: number }
  | { k: "ampm"; short: boolean }
  | { k: "zoneName"; long: boolean }
  | { k: "offset"; style: "Z" | "X" | "XX" | "XXX" };

/** The moment being formatted, as wall-clock fields in its zone. */
interface Moment {
  wall: WallTime;
  /** 0 = Sunday */
  weekday: number;
  dayOfYear: number;
  /** Minutes east of UTC (0 for a Sheets serial, which has no zone). */
  offsetMin: number;
  /** For zone names: the epoch ms and zone, when known. */
  zone?: { ms: number; timeZone: string };
}

const pad = (n: number, width: number) => String(Math.abs(n)).padStart(width, "0");

function offsetText(offsetMin: number, colon: boolean, withMinutes = true): string {
  const sign = offsetMin < 0 ? "-" : "+";
  const hh = pad(Math.trunc(Math.abs(offsetMin) / 60), 2);
  const mm = pad(Math.abs(offsetMin) % 60, 2);
  return withMinutes ? `${sign}${hh}${colon ? ":" : ""}${mm}` : `${sign}${hh}`;
}

/** "GMT+2", "UTC-05:30", "GMT" → minutes east of UTC; null for a zone name. */
function fixedOffset(timeZone: string): number | null {
  const m = /^(?:GMT|UTC)(?:([+-])(\d{1,2})(?::?(\d{2}))?)?$/.exec(timeZone);
  if (!m) return null;
  const minutes = Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
  return m[1] === "-" ? -minutes : minutes;
}

/** Java's `z`/`zzzz`: a name where one exists ("CEST", "EDT"), else "GMT+02:00". */
function zoneName(m: Moment, long: boolean): string {
  if (m.zone && fixedOffset(m.zone.timeZone) === null) {
    for (const locale of long ? ["en-US"] : ["en-US", "en-GB"]) {
      const name = new Intl.DateTimeFormat(locale, {
        timeZone: m.zone.timeZone,
        timeZoneName: long ? "long" : "short",
      })
        .formatToParts(m.zone.ms)
        .find((p) => p.type === "timeZoneName")?.value;
      if (name && !/^GMT[+-]/.test(name)) return name;
    }
  }
  return m.offsetMin === 0 ? "GMT" : `GMT${offsetText(m.offsetMin, true)}`;
}

function hourOf(hour: number, cycle: "0-23" | "1-24" | "0-11" | "1-12"): number {
  if (cycle === "1-24") return hour === 0 ? 24 : hour;
  if (cycle === "0-11") return hour % 12;
  if (cycle === "1-12") return hour % 12 || 12;
  return hour;
}

function render(tokens: readonly Token[], m: Moment, names: LocaleInfo): string {
  const w = m.wall;
  let out = "";
  for (const t of tokens) {
    switch (t.k) {
      case "lit":
        out += t.s;
        break;
      case "year":
        out += pad(w.year, t.w);
        break;
      case "year2":
        out += pad(w.year % 100, 2);
        break;
      case "month":
        out += pad(w.month, t.w);
        break;
      case "monthName": {
        const long = names.months[w.month - 1] ?? "";
        if (t.style === "long") out += long;
        else if (t.style === "short") out += names.monthsShort[w.month - 1] ?? "";
        else out += long[0]?.toUpperCase() ?? "";
        break;
      }
      case "day":
        out += pad(w.day, t.w);
        break;
      case "dayName":
        out += (t.long ? names.days : names.daysShort)[m.weekday] ?? "";
        break;
      case "dayOfYear":
        out += pad(m.dayOfYear, t.w);
        break;
      case "isoWeekday":
        out += pad(m.weekday === 0 ? 7 : m.weekday, t.w);
        break;
      case "era":
        out += w.year > 0 ? "AD" : "BC";
        break;
      case "hour":
        out += pad(hourOf(w.hour, t.cycle), t.w);
        break;
      case "minute":
        out += pad(w.minute, t.w);
        break;
      case "second":
        out += pad(w.second, t.w);
        break;
      case "millis":
        out += pad(w.millisecond, t.w);
        break;
      case "ampm":
        out += (w.hour < 12 ? "AM" : "PM").slice(0, t.short ? 1 : 2);
        break;
      case "zoneName":
        out += zoneName(m, t.long);
        break;
      case "offset":
        if (t.style === "Z") out += offsetText(m.offsetMin, false);
        else if (m.offsetMin === 0) out += "Z";
        else out += offsetText(m.offsetMin, t.style === "XXX", t.style !== "X");
        break;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Java SimpleDateFormat (Utilities.formatDate)

function javaToken(letter: string, count: number): Token {
  switch (letter) {
    case "G":
      return { k: "era" };
    case "y":
    case "Y":
      return count === 2 ? { k: "year2" } : { k: "year", w: count };
    case "M":
    case "L":
      if (count >= 4) return { k: "monthName", style: "long" };
      if (count === 3) return { k: "monthName", style: "short" };
      return { k: "month", w: count };
    case "d":
      return { k: "day", w: count };
    case "D":
      return { k: "dayOfYear", w: count };
    case "E":
      return { k: "dayName", long: count >= 4 };
    case "u":
      return { k: "isoWeekday", w: count };
    case "a":
      return { k: "ampm", short: false };
    case "H":
      return { k: "hour", w: count, cycle: "0-23" };
    case "k":
      return { k: "hour", w: count, cycle: "1-24" };
    case "K":
      return { k: "hour", w: count, cycle: "0-11" };
    case "h":
      return { k: "hour", w: count, cycle: "1-12" };
    case "m":
      return { k: "minute", w: count };
    case "s":
      return { k: "second", w: count };
    case "S":
      return { k: "millis", w: count };
    case "z":
      return { k: "zoneName", long: count >= 4 };
    case "Z":
      return { k: "offset", style: "Z" };
    case "X":
      return { k: "offset", style: count >= 3 ? "XXX" : count === 2 ? "XX" : "X" };
    default:
      throw new Error(`Illegal pattern character '${letter}'`);
  }
}

function javaTokens(pattern: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i]!;
    if (c === "'") {
      // '' is a quote; '...' is literal text, in which '' is a quote too.
      if (pattern[i + 1] === "'") {
        out.push({ k: "lit", s: "'" });
        i += 2;
        continue;
      }
      i++;
      let s = "";
      while (i < pattern.length) {
        if (pattern[i] === "'") {
          if (pattern[i + 1] !== "'") break;
          i++;
        }
        s += pattern[i];
        i++;
      }
      if (i >= pattern.length) throw new Error("Unterminated quote in pattern");
      out.push({ k: "lit", s });
      i++;
      continue;
    }
    if (/[A-Za-z]/.test(c)) {
      let j = i;
      while (pattern[j] === c) j++;
      out.push(javaToken(c, j - i));
      i = j;
      continue;
    }
    out.push({ k: "lit", s: c });
    i++;
  }
  return out;
}

const EN_US = localeInfo("en_US");

/** Utilities.formatDate: epoch ms in `timeZone` with a Java pattern. Throws on a bad zone/pattern. */
export function formatDate(ms: number, timeZone: string, pattern: string): string {
  const fixed = fixedOffset(timeZone);
  if (fixed === null) assertTimeZone(timeZone); // throws RangeError on an unknown zone
  const tokens = javaTokens(pattern);
  const offsetMin = fixed ?? Math.round((utcOf(wallTime(ms, timeZone)) - ms) / 60_000);
  const local = new Date(ms + offsetMin * 60_000);
  const year = local.getUTCFullYear();
  const moment: Moment = {
    wall: {
      year,
      month: local.getUTCMonth() + 1,
      day: local.getUTCDate(),
      hour: local.getUTCHours(),
      minute: local.getUTCMinutes(),
      second: local.getUTCSeconds(),
      millisecond: local.getUTCMilliseconds(),
    },
    weekday: local.getUTCDay(),
    dayOfYear: Math.floor((local.getTime() - Date.UTC(year, 0, 1)) / 86_400_000) + 1,
    offsetMin,
    zone: { ms, timeZone },
  };
  return render(tokens, moment, EN_US);
}

// ---------------------------------------------------------------------------------------------
// Sheets date/time number formats

/** The format with literals and [color]/[$€] parts removed, for sniffing what kind of format it is. */
export function bareFormat(fmt: string): string {
  return fmt
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, "")
    .replace(/[_*]./g, "");
}

export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt || fmt === "@" || /^general$/i.test(fmt)) return false;
  const bare = bareFormat(fmt.split(";")[0] ?? "");
  if (/[ydhs]/i.test(bare)) return true;
  return /m/i.test(bare) && !/[0#?]/.test(bare);
}

/** A Sheets letter run before "m" is resolved: month (or minutes, see sheetsTokens). */
type SheetsLetter = { k: "letter"; letter: string; n: number };

function sheetsLetters(fmt: string): (Token | SheetsLetter)[] {
  const out: (Token | SheetsLetter)[] = [];
  let i = 0;
  while (i < fmt.length) {
    const ch = fmt[i]!;
    const lower = ch.toLowerCase();
    if (ch === '"') {
      const end = fmt.indexOf('"', i + 1);
      const stop = end < 0 ? fmt.length : end;
      out.push({ k: "lit", s: fmt.slice(i + 1, stop) });
      i = stop + 1;
    } else if (ch === "\\") {
      out.push({ k: "lit", s: fmt[i + 1] ?? "" });
      i += 2;
    } else if (ch === "[") {
      const end = fmt.indexOf("]", i);
      const inner = fmt.slice(i + 1, end < 0 ? fmt.length : end);
      if (/^(h+|m+|s+)$/i.test(inner))
        out.push({ k: "letter", letter: inner[0]!.toLowerCase(), n: inner.length });
      i = end < 0 ? fmt.length : end + 1;
    } else if (/^am\/pm/i.test(fmt.slice(i, i + 5))) {
      out.push({ k: "ampm", short: false });
      i += 5;
    } else if (/^a\/p/i.test(fmt.slice(i, i + 3))) {
      out.push({ k: "ampm", short: true });
      i += 3;
    } else if ("ymdhs".includes(lower)) {
      let n = 1;
      while (fmt[i + n]?.toLowerCase() === lower) n++;
      out.push({ k: "letter", letter: lower, n });
      i += n;
    } else {
      out.push({ k: "lit", s: ch });
      i++;
    }
  }
  return out;
}

/** Sheets tokens: "m"/"mm" right after an hour or right before a second is minutes, else month. */
function sheetsTokens(fmt: string): Token[] {
  const raw = sheetsLetters(fmt.split(";")[0] ?? "");
  const twelveHour = raw.some((t) => t.k === "ampm");
  const fields = raw.flatMap((t, i) => (t.k === "lit" ? [] : [i]));
  const letterAt = (i: number | undefined) => {
    const t = i === undefined ? undefined : raw[i];
    return t?.k === "letter" ? t.letter : undefined;
  };
  return raw.map((t, i): Token => {
    if (t.k !== "letter") return t;
    const w = Math.min(t.n, 2);
    switch (t.letter) {
      case "y":
        return t.n <= 2 ? { k: "year2" } : { k: "year", w: 4 };
      case "d":
        return t.n <= 2 ? { k: "day", w: t.n } : { k: "dayName", long: t.n > 3 };
      case "h":
        return { k: "hour", w, cycle: twelveHour ? "1-12" : "0-23" };
      case "s":
        return { k: "second", w };
      default: {
        if (t.n > 2) return { k: "monthName", style: t.n === 3 ? "short" : t.n === 4 ? "long" : "initial" };
        const pos = fields.indexOf(i);
        const minutes = letterAt(fields[pos - 1]) === "h" || letterAt(fields[pos + 1]) === "s";
        return minutes ? { k: "minute", w } : { k: "month", w };
      }
    }
  });
}

/** A wall time (a Sheets date cell shown in its spreadsheet's zone) in a Sheets number format. */
export function formatSheetsDate(w: WallTime, fmt: string, info: LocaleInfo): string {
  const weekday = new Date(utcOf({ ...w, hour: 0, minute: 0, second: 0, millisecond: 0 })).getUTCDay();
  return render(sheetsTokens(fmt), { wall: w, weekday, dayOfYear: 0, offsetMin: 0 }, info);
}
