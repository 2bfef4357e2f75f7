// Date/time number formats as Sheets renders them: tokens y, m (month, or minutes next to h/s), d, h, s,
// AM/PM, quoted literals; "m" vs "M" and other letters are case-insensitive like in Sheets.
import type { LocaleInfo } from "./locale";
import { utcOf, type WallTime } from "./tz";

type DateToken =
  | { k: "lit"; s: string }
  | { k: "y" | "m" | "d" | "h" | "s" | "min"; n: number }
  | { k: "ampm"; short: boolean };

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

function tokenize(fmt: string): DateToken[] {
  const out: DateToken[] = [];
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
      if (/^(h+|m+|s+)$/i.test(inner)) out.push(letterToken(inner[0]!.toLowerCase(), inner.length));
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
      out.push(letterToken(lower, n));
      i += n;
    } else {
      out.push({ k: "lit", s: ch });
      i++;
    }
  }
  return out;
}

function letterToken(letter: string, n: number): DateToken {
  return { k: letter as "y" | "m" | "d" | "h" | "s", n };
}

/** "m"/"mm" right after an hour or right before a second is minutes. */
function resolveMinutes(tokens: DateToken[]): DateToken[] {
  const fields = tokens.flatMap((t, i) => (t.k === "lit" ? [] : [i]));
  return tokens.map((t, i) => {
    if (t.k !== "m" || t.n > 2) return t;
    const pos = fields.indexOf(i);
    const prev = tokens[fields[pos - 1] ?? -1];
    const next = tokens[fields[pos + 1] ?? -1];
    return prev?.k === "h" || next?.k === "s" ? { k: "min", n: t.n } : t;
  });
}

const pad2 = (n: number): string => String(n).padStart(2, "0");

export function formatDate(w: WallTime, fmt: string, info: LocaleInfo): string {
  const tokens = resolveMinutes(tokenize(fmt.split(";")[0] ?? ""));
  const twelveHour = tokens.some((t) => t.k === "ampm");
  const weekday = new Date(utcOf({ ...w, hour: 0, minute: 0, second: 0, millisecond: 0 })).getUTCDay();
  let out = "";
  for (const t of tokens) {
    switch (t.k) {
      case "lit":
        out += t.s;
        break;
      case "y":
        out += t.n <= 2 ? pad2(w.year % 100) : String(w.year).padStart(4, "0");
        break;
      case "m":
        if (t.n === 1) out += String(w.month);
        else if (t.n === 2) out += pad2(w.month);
        else if (t.n === 3) out += info.monthsShort[w.month - 1];
        else if (t.n === 4) out += info.months[w.month - 1];
        else out += info.months[w.month - 1]?.[0]?.toUpperCase() ?? "";
        break;
      case "d":
        if (t.n <= 2) out += t.n === 1 ? String(w.day) : pad2(w.day);
        else out += (t.n === 3 ? info.daysShort : info.days)[weekday];
        break;
      case "h": {
        const h = twelveHour ? w.hour % 12 || 12 : w.hour;
        out += t.n >= 2 ? pad2(h) : String(h);
        break;
      }
      case "min":
        out += t.n >= 2 ? pad2(w.minute) : String(w.minute);
        break;
      case "s":
        out += t.n >= 2 ? pad2(w.second) : String(w.second);
        break;
      case "ampm":
        out += (w.hour < 12 ? "AM" : "PM").slice(0, t.short ? 1 : 2);
        break;
    }
  }
  return out;
}
