// Money as an integer number of cents: parsed from number cells and from text the way people type
// it in the Netherlands and elsewhere (12.95, 12,95, € 1.234,56, -5), formatted with 2 decimals.

import { type Cell, isDateValue, quote, shownText } from "./cells";
import { bad, ok, type Parsed } from "./result";

/** Largest amount we accept (in cents): a typo guard, far above any offer line. */
const MAX_CENTS = 100_000_000_000;

export function formatCents(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  const euros = Math.floor(abs / 100);
  const rest = abs % 100;
  return `${sign}${euros}.${rest < 10 ? "0" : ""}${rest}`;
}

/** Cents of a number cell, refusing more than 2 decimals rather than rounding them away. */
export function centsOfNumber(value: number): Parsed<number> {
  if (!Number.isFinite(value)) return bad("is not a number");
  const scaled = value * 100;
  const cents = Math.round(scaled);
  // 12.95 * 100 is 1294.9999999999998: allow float noise, not a third decimal.
  if (Math.abs(scaled - cents) > 1e-6 * Math.max(1, Math.abs(scaled))) {
    return bad(`has more than 2 decimals (${value})`);
  }
  if (Math.abs(cents) > MAX_CENTS) return bad("is too large");
  return ok(cents === 0 ? 0 : cents);
}

/** Cents of a typed amount such as `12,95`, `€ 1.234,56`, `-5`, `1,234.50`, `(5.00)`. */
export function centsOfText(text: string): Parsed<number> {
  // Spaces may stand around the sign and the currency, or group thousands (`1 234,56`), nowhere else.
  let s = text
    .replace(/[\s\u00a0\u202f]+/g, " ")
    .replace(/\u2212/g, "-")
    .trim()
    .replace(/\s*(€|EUR)\s*/gi, "$1")
    .replace(/([-+(])\s+/g, "$1")
    .replace(/\s+([-)])/g, "$1");
  if (/\s/.test(s)) {
    if (
      !/(^|[^0-9])[0-9]{1,3}( [0-9]{3})+([.,][0-9]*)?([^0-9]|$)/.test(s) ||
      /[0-9] [0-9]{1,2}([^0-9]|$)/.test(s)
    ) {
      return bad("is not an amount");
    }
    s = s.replace(/ /g, "");
  }
  s = s.replace(/^(€|EUR)/i, "").replace(/(€|EUR)$/i, "");
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1);
  }
  // `12,-` and `€ 1.250,-` are Dutch for whole euros, not a minus sign: the separator before the
  // dash is the decimal one, so the other one (if any) groups thousands.
  const whole = /([.,])-+$/.exec(s);
  if (whole) s = `${s.slice(0, whole.index)}${whole[1]}00`;
  if (s.startsWith("-")) {
    negative = !negative;
    s = s.slice(1);
  } else if (s.startsWith("+")) {
    s = s.slice(1);
  }
  s = s.replace(/^(€|EUR)/i, "");
  if (!/^[0-9.,]+$/.test(s) || !/[0-9]/.test(s)) return bad("is not an amount");

  const lastDot = s.lastIndexOf(".");
  const lastComma = s.lastIndexOf(",");
  const dots = s.split(".").length - 1;
  const commas = s.split(",").length - 1;
  let decimalSep: "." | "," | null;
  if (dots > 0 && commas > 0) decimalSep = lastDot > lastComma ? "." : ",";
  else if (dots === 1) decimalSep = ".";
  else if (commas === 1) decimalSep = ",";
  else decimalSep = null; // none, or several of one kind: thousands separators only

  let intPart = s;
  let fraction = "";
  if (decimalSep !== null) {
    const at = s.lastIndexOf(decimalSep);
    intPart = s.slice(0, at);
    fraction = s.slice(at + 1);
    if (/[.,]/.test(fraction)) return bad("is not an amount");
  }
  const thousandsSep = decimalSep === "." ? "," : ".";
  if (intPart.includes(thousandsSep) || (decimalSep === null && /[.,]/.test(intPart))) {
    const sep = decimalSep === null ? (dots > 0 ? "." : ",") : thousandsSep;
    const grouped = new RegExp(`^[0-9]{1,3}(\\${sep}[0-9]{3})+$`);
    if (!grouped.test(intPart)) return bad("is not an amount");
    intPart = intPart.split(sep).join("");
  }
  if (intPart === "") intPart = "0";
  if (!/^[0-9]+$/.test(intPart) || !/^[0-9]*$/.test(fraction)) return bad("is not an amount");
  if (fraction.length > 2) return bad(`has more than 2 decimals (${quote(text.trim())})`);
  if (intPart.replace(/^0+/, "").length > 10) return bad("is too large");
  const cents = Number(intPart) * 100 + Number(fraction.padEnd(2, "0") || "0");
  if (cents > MAX_CENTS) return bad("is too large");
  return ok(negative && cents !== 0 ? -cents : cents);
}

/** Cents of an amount cell: a number, or text as above. */
export function centsOfCell(cell: Cell): Parsed<number> {
  if (typeof cell.value === "number") return centsOfNumber(cell.value);
  if (typeof cell.value === "boolean" || isDateValue(cell.value)) return bad("is not an amount");
  return centsOfText(shownText(cell));
}
