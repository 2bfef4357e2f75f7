// Display values as Sheets computes them (getDisplayValues): number formats, percent, currency, zero
// padding, dates in the spreadsheet time zone, en_US / nl_NL separators. Unsupported formats fall back
// to General. getNumberFormats() choice: the cell's own format, else "General" — except a date cell
// without a format, which reports its locale's default date format ("M/d/yyyy" / "d-M-yyyy").

import { formatSheetsDate, isDateFormat } from "../date-format";
import { type Cell, isDateValue } from "./cell";
import { type LocaleInfo, localeInfo } from "./locale";
import { hasTimeOfDay, serialOf, wallOfSerial, wallTime } from "./tz";

export { isDateFormat };

type NumToken =
  | { t: "lit"; s: string }
  | { t: "ph"; c: string }
  | { t: "dot" }
  | { t: "comma" }
  | { t: "pct" }
  | { t: "general" };

/** A format that formats numbers (not General, plain text or a date format). */
export function isNumberFormat(fmt: string | undefined): fmt is string {
  return !!fmt && fmt !== "@" && !/^general$/i.test(fmt) && !isDateFormat(fmt);
}

export function formatGeneral(n: number, info: LocaleInfo): string {
  if (!Number.isFinite(n)) return "#NUM!";
  if (n === 0) return "0";
  const abs = Math.abs(n);
  let s: string;
  if (abs >= 1e15 || abs < 1e-9) s = scientific(n);
  else if (Number.isInteger(n)) s = String(n);
  else {
    s = String(Number(n.toFixed(10)));
    if (s.includes("e")) s = scientific(n);
  }
  return s.replace(".", info.decimal);
}

function scientific(n: number): string {
  const [mantissa = "0", exp = "0"] = n.toExponential(5).split("e");
  const e = Number(exp);
  const m = mantissa.includes(".") ? mantissa.replace(/\.?0+$/, "") : mantissa;
  return `${m}E${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
}

function splitSections(fmt: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i]!;
    if (ch === '"') quoted = !quoted;
    if (ch === "\\" && !quoted) {
      cur += ch + (fmt[i + 1] ?? "");
      i++;
    } else if (ch === ";" && !quoted) {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

function tokenize(sec: string): NumToken[] | null {
  const out: NumToken[] = [];
  let seenDot = false;
  for (let i = 0; i < sec.length; i++) {
    const ch = sec[i]!;
    if (ch === '"') {
      const end = sec.indexOf('"', i + 1);
      const stop = end < 0 ? sec.length : end;
      out.push({ t: "lit", s: sec.slice(i + 1, stop) });
      i = stop;
    } else if (ch === "\\") out.push({ t: "lit", s: sec[++i] ?? "" });
    else if (ch === "[") {
      const end = sec.indexOf("]", i);
      const inner = sec.slice(i + 1, end < 0 ? sec.length : end);
      if (inner.startsWith("$")) out.push({ t: "lit", s: inner.slice(1).split("-")[0] ?? "" });
      i = end < 0 ? sec.length : end;
    } else if (ch === "_") out.push({ t: "lit", s: sec[++i] === undefined ? "" : " " });
    else if (ch === "*") i++;
    else if (/^general/i.test(sec.slice(i, i + 7))) {
      out.push({ t: "general" });
      i += 6;
    } else if (ch === "0" || ch === "#" || ch === "?") out.push({ t: "ph", c: ch });
    else if (ch === "." && !seenDot) {
      seenDot = true;
      out.push({ t: "dot" });
    } else if (ch === ",") out.push({ t: "comma" });
    else if (ch === "%") out.push({ t: "pct" });
    else if (ch === "E" || ch === "e") return null;
    else out.push({ t: "lit", s: ch });
  }
  return out;
}

/** x (>= 0) rounded half-up to d decimals on its shortest decimal form; null when too large. */
function roundFixed(x: number, d: number): string | null {
  if (x >= 1e21) return null;
  const s = String(x);
  if (s.includes("e")) return x.toFixed(Math.min(d, 100));
  const [int = "0", frac = ""] = s.split(".");
  if (frac.length <= d) return d > 0 ? `${int}.${frac.padEnd(d, "0")}` : int;
  const digits = (int + frac.slice(0, d)).split("").map(Number);
  if (Number(frac[d]) >= 5) {
    let i = digits.length - 1;
    while (i >= 0 && digits[i] === 9) digits[i--] = 0;
    if (i >= 0) digits[i] = (digits[i] ?? 0) + 1;
    else digits.unshift(1);
  }
  const all = digits.join("");
  const cut = all.length - d;
  return d > 0 ? `${all.slice(0, cut)}.${all.slice(cut)}` : all;
}

function group(int: string, sep: string): string {
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

/** Formats |n| with one section; the caller adds the sign. Null when unsupported. */
function formatSection(abs: number, tokens: NumToken[], info: LocaleInfo): string | null {
  const isPh = (tok: NumToken) => tok.t === "ph" || tok.t === "general";
  const start = tokens.findIndex((tok) => isPh(tok) || tok.t === "dot");
  let end = -1;
  tokens.forEach((tok, i) => {
    if (isPh(tok)) end = i;
  });
  const lit = (tok: NumToken) => (tok.t === "lit" ? tok.s : tok.t === "pct" ? "%" : "");
  const pct = tokens.filter((tok) => tok.t === "pct").length;
  const value = abs * 100 ** pct;
  if (end < 0) return tokens.map(lit).join("");
  const span = tokens.slice(start, end + 1);
  const before = tokens.slice(0, start).map(lit).join("");
  const after = tokens
    .slice(end + 1)
    .map(lit)
    .join("");
  if (span.some((tok) => tok.t === "general")) return before + formatGeneral(value, info) + after;
  const dot = span.findIndex((tok) => tok.t === "dot");
  const intPart = dot < 0 ? span : span.slice(0, dot);
  const fracPh = dot < 0 ? [] : span.slice(dot + 1).filter((tok) => tok.t === "ph");
  const intPh = intPart.filter((tok) => tok.t === "ph");
  const firstPh = intPart.findIndex((tok) => tok.t === "ph");
  const grouping = firstPh >= 0 && intPart.slice(firstPh).some((tok) => tok.t === "comma");
  const fixed = roundFixed(value, fracPh.length);
  if (fixed === null) return null;
  const [rawInt = "0", rawFrac = ""] = fixed.split(".");
  let minFrac = 0;
  fracPh.forEach((tok, i) => {
    if (tok.t === "ph" && tok.c !== "#") minFrac = i + 1;
  });
  let frac = rawFrac;
  while (frac.length > minFrac && frac.endsWith("0")) frac = frac.slice(0, -1);
  const minInt = intPh.filter((tok) => tok.t === "ph" && tok.c !== "#").length;
  let int = rawInt === "0" && minInt === 0 ? "" : rawInt.padStart(minInt, "0");
  if (grouping) int = group(int, info.group);
  const num = dot < 0 ? int : `${int}${info.decimal}${frac}`;
  return before + num + after;
}

/** Formats a number with a (non-date) number format. */
export function formatNumber(n: number, fmt: string | undefined, info: LocaleInfo): string {
  if (!isNumberFormat(fmt) || !Number.isFinite(n)) return formatGeneral(n, info);
  const sections = splitSections(fmt);
  let section = sections[0] ?? "";
  let signed = n < 0;
  if (n < 0 && sections.length >= 2) {
    section = sections[1] ?? "";
    signed = false;
  } else if (n === 0 && sections.length >= 3) section = sections[2] ?? "";
  const tokens = tokenize(section);
  const out = tokens ? formatSection(Math.abs(n), tokens, info) : null;
  if (out === null) return formatGeneral(n, info);
  const shownZero = !/[1-9]/.test(out);
  return signed && !shownZero ? `-${out}` : out;
}

/** What getDisplayValue() shows for a cell. */
export function displayValue(cell: Cell | undefined, locale: string, zone: string): string {
  if (!cell) return "";
  if (cell.displayOverride !== undefined) return cell.displayOverride;
  const { value, numberFormat: fmt } = cell;
  const info = localeInfo(locale);
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  if (typeof value === "number") {
    if (fmt && isDateFormat(fmt) && Number.isFinite(value))
      return formatSheetsDate(wallOfSerial(value), fmt, info);
    return formatNumber(value, fmt, info);
  }
  const w = wallTime(value.date, zone);
  if (fmt && isDateFormat(fmt)) return formatSheetsDate(w, fmt, info);
  if (isNumberFormat(fmt)) return formatNumber(serialOf(value.date, zone), fmt, info);
  return formatSheetsDate(w, hasTimeOfDay(w) ? info.dateTime : info.date, info);
}

/** What getNumberFormat() returns for a cell (see the header). */
export function effectiveFormat(cell: Cell | undefined, locale: string, zone: string): string {
  if (cell?.numberFormat) return cell.numberFormat;
  if (cell && isDateValue(cell.value)) {
    const info = localeInfo(locale);
    return hasTimeOfDay(wallTime(cell.value.date, zone)) ? info.dateTime : info.date;
  }
  return "General";
}
