// How values move between the script and cells: Sheets' parsing of strings written by setValue(s) and
// appendRow, formula literals, what getValues() returns for a cell, and CellInput -> Cell.
import { type Cell, type CellInput, type CellValue, CHECKBOX_RULE } from "./cell";
import { isDateFormat, isNumberFormat } from "./format";
import { epochOfSerial, hasTimeOfDay, serialOf, type WallTime, wallTime, zonedEpoch } from "./tz";

export type ScriptValue = string | number | boolean | Date;

/** The content a write gives a cell; `numberFormat` is set only when the write changes the format. */
export interface Written {
  value: CellValue;
  formula?: string;
  numberFormat?: string;
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const NUMBER_COMMA = /^[+-]?\d+,\d+$/;
const PERCENT = /^([+-]?(?:\d+\.?\d*|\.\d+))%$/;
const DATE_TEXT = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/** "YYYY-MM-DD", optionally with " HH:mm[:ss]" or "THH:mm[:ss]", when it is a real calendar date. */
export function parseDateText(text: string): WallTime | null {
  const m = DATE_TEXT.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map((x) => Number(x ?? 0)) as number[];
  const w = {
    year: year!,
    month: month!,
    day: day!,
    hour: hour!,
    minute: minute!,
    second: second!,
    millisecond: 0,
  };
  const check = new Date(Date.UTC(w.year, w.month - 1, w.day));
  if (check.getUTCMonth() !== w.month - 1 || check.getUTCDate() !== w.day) return null;
  if (w.hour > 23 || w.minute > 59 || w.second > 59) return null;
  return w;
}

/** The value of a formula Sheets would compute without any reference: a literal, else "#ERROR!". */
export function evalFormulaLiteral(formula: string): CellValue {
  const expr = formula.replace(/^=/, "").trim();
  if (NUMBER.test(expr)) return Number(expr);
  const str = /^"((?:[^"]|"")*)"$/.exec(expr);
  if (str) return str[1]!.replace(/""/g, '"');
  if (/^(true|false)$/i.test(expr)) return expr.toLowerCase() === "true";
  return "#ERROR!";
}

/** How Sheets stores a string written by the script into a cell with format `fmt`. */
export function parseWrittenString(
  s: string,
  fmt: string | undefined,
  locale: string,
  zone: string,
): Written {
  if (fmt === "@") return { value: s === "" ? null : s };
  if (s === "") return { value: null };
  if (s.startsWith("=")) return { value: evalFormulaLiteral(s), formula: s };
  if (s.startsWith("'")) return { value: s.slice(1) === "" ? null : s.slice(1) };
  if (NUMBER.test(s)) return { value: Number(s) };
  if (/^nl/i.test(locale) && NUMBER_COMMA.test(s)) return { value: Number(s.replace(",", ".")) };
  const pct = PERCENT.exec(s);
  if (pct) {
    const numberFormat = isNumberFormat(fmt) ? undefined : pct[1]!.includes(".") ? "0.00%" : "0%";
    return { value: Number(pct[1]) / 100, numberFormat };
  }
  if (/^(true|false)$/i.test(s)) return { value: s.toLowerCase() === "true" };
  const w = s.includes("T") ? null : parseDateText(s);
  if (w) {
    const numberFormat = isDateFormat(fmt)
      ? undefined
      : hasTimeOfDay(w)
        ? "yyyy-mm-dd hh:mm:ss"
        : "yyyy-mm-dd";
    return { value: { date: zonedEpoch(w, zone) }, numberFormat };
  }
  // Like typing it: a leading + or - starts a formula ("+31 6 1234" is a formula parse error).
  if (s.length > 1 && (s.startsWith("+") || s.startsWith("-"))) return { value: "#ERROR!", formula: `=${s}` };
  return { value: s };
}

export interface WriteOptions {
  locale: string;
  zone: string;
  dateMs(value: unknown): number | null;
}

/** How Sheets stores any value written by the script (setValue/setValues/appendRow). */
export function writtenFromScript(v: unknown, fmt: string | undefined, opts: WriteOptions): Written {
  if (v === null || v === undefined || v === "") return { value: null };
  const ms = opts.dateMs(v);
  if (ms !== null) {
    if (Number.isNaN(ms)) return { value: "#VALUE!" };
    const withTime = hasTimeOfDay(wallTime(ms, opts.zone));
    const numberFormat = isDateFormat(fmt) ? undefined : withTime ? "yyyy-mm-dd hh:mm:ss" : "yyyy-mm-dd";
    return { value: { date: ms }, numberFormat };
  }
  if (typeof v === "number") return { value: Number.isFinite(v) ? v : "#NUM!" };
  if (typeof v === "boolean") return { value: v };
  return parseWrittenString(typeof v === "string" ? v : String(v), fmt, opts.locale, opts.zone);
}

/** Applies a write to a cell: content and formula replaced, display override dropped. */
export function applyWritten(cell: Cell, w: Written): void {
  cell.value = w.value;
  if (w.formula !== undefined) cell.formula = w.formula;
  else delete cell.formula;
  if (w.numberFormat !== undefined) cell.numberFormat = w.numberFormat;
  delete cell.displayOverride;
}

/** What getValues() returns for a cell: Date for date cells and date-formatted numbers. */
export function scriptValueOf(
  cell: Cell | undefined,
  zone: string,
  makeDate: (ms: number) => Date,
): ScriptValue {
  if (!cell || cell.value === null) return "";
  const { value, numberFormat: fmt } = cell;
  if (typeof value === "object") {
    return isNumberFormat(fmt) ? serialOf(value.date, zone) : makeDate(value.date);
  }
  if (typeof value === "number" && isDateFormat(fmt) && Number.isFinite(value)) {
    return makeDate(epochOfSerial(value, zone));
  }
  return value;
}

/** A cell from its test/fixture description; undefined for an empty cell. */
export function cellFromInput(input: CellInput, zone: string): Cell | undefined {
  if (input === null || input === "") return undefined;
  if (typeof input !== "object") return { value: input };
  let value: CellValue = input.v ?? null;
  if (input.date !== undefined) {
    const w = parseDateText(input.date);
    if (!w) throw new Error(`Invalid date in cell input: ${JSON.stringify(input.date)}`);
    value = { date: zonedEpoch(w, zone) };
  } else if (input.checkbox !== undefined && input.v === undefined) value = input.checkbox;
  if (value === "") value = null;
  const cell: Cell = { value };
  if (input.formula !== undefined) cell.formula = input.formula;
  if (input.f !== undefined) cell.numberFormat = input.f;
  if (input.d !== undefined) cell.displayOverride = input.d;
  if (input.note !== undefined) cell.note = input.note;
  if (input.checkbox !== undefined) cell.validation = CHECKBOX_RULE;
  return cell;
}
