// Money as an integer number of cents: parsed from number cells and from text the way people type
// it in the spreadsheet's locale (12.95, 12,95, € 1.234,56, -5), formatted with 2 decimals.

import { type Cell, isDateValue, quote, shownText } from "./cells";
import { language, pick } from "./language";
import { bad, ok, type Parsed } from "./result";
import { isDutchLocale, type SheetLocale } from "./text-locale";
import { amountInLanguage, LOCALE_EXAMPLES, VALUES_TEXTS } from "./texts-values";

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
  const t = pick(VALUES_TEXTS);
  if (!Number.isFinite(value)) return bad(t.notNumber());
  const scaled = value * 100;
  const cents = Math.round(scaled);
  // 12.95 * 100 is 1294.9999999999998: allow float noise, not a third decimal.
  if (Math.abs(scaled - cents) > 1e-6 * Math.max(1, Math.abs(scaled))) {
    return bad(t.moreDecimals(amountInLanguage(String(value), language())));
  }
  if (Math.abs(cents) > MAX_CENTS) return bad(t.tooLarge());
  return ok(cents === 0 ? 0 : cents);
}

/** Good amounts as this sheet's locale reads them, for a message about one that is not. */
const amountExamples = (dutch: boolean): readonly [string, string] =>
  LOCALE_EXAMPLES[dutch ? "dutch" : "english"].amounts;

/** Digits, dots and commas split into a whole part and a fraction, or why they are no amount. */
type Split =
  | { readonly kind: "split"; readonly whole: string; readonly fraction: string }
  | { readonly kind: "bad" }
  | { readonly kind: "ambiguous"; readonly whole: string; readonly three: string; readonly sep: "." | "," };

/** Whole euros grouped by thousands: `1.234.567` / `1,234,567`. */
const GROUPED = { ".": /^[1-9][0-9]{0,2}(\.[0-9]{3})+$/, ",": /^[1-9][0-9]{0,2}(,[0-9]{3})+$/ } as const;

/** `1.234` and `12,345`: one separator before three digits groups thousands or starts 3 decimals. */
function splitAmount(s: string, dutch: boolean): Split {
  const dots = s.split(".").length - 1;
  const commas = s.split(",").length - 1;
  const grouped = (part: string, sep: "." | ",") =>
    GROUPED[sep].test(part) ? part.split(sep).join("") : null;
  if (dots > 0 && commas > 0) {
    // Both: the last one is the decimal separator, the other groups thousands.
    const decimal = s.lastIndexOf(".") > s.lastIndexOf(",") ? "." : ",";
    const at = s.lastIndexOf(decimal);
    const whole = grouped(s.slice(0, at), decimal === "." ? "," : ".");
    const fraction = s.slice(at + 1);
    return whole === null || /[.,]/.test(fraction) ? { kind: "bad" } : { kind: "split", whole, fraction };
  }
  if (dots + commas === 0) return { kind: "split", whole: s, fraction: "" };
  const sep = dots > 0 ? "." : ",";
  if (dots + commas > 1) {
    // Several of one kind (`1.000.000`): thousands separators only.
    const whole = grouped(s, sep);
    return whole === null ? { kind: "bad" } : { kind: "split", whole, fraction: "" };
  }
  const at = s.indexOf(sep);
  const whole = s.slice(0, at);
  const fraction = s.slice(at + 1);
  if (fraction.length === 3 && /^[1-9][0-9]{0,2}$/.test(whole)) {
    // A Dutch sheet writes one thousand as 1.000; elsewhere, and for 1,234 in a Dutch sheet, the
    // other reading (a decimal comma or point) is as likely.
    if (dutch && sep === ".") return { kind: "split", whole: whole + fraction, fraction: "" };
    return { kind: "ambiguous", whole, three: fraction, sep };
  }
  return { kind: "split", whole, fraction };
}

/**
 * Cents of a typed amount such as `12,95`, `€ 1.234,56`, `-5`, `1,234.50`, `(5.00)`, read in the
 * spreadsheet's locale: in a Dutch one `1.234` is 1234; a separator before three digits that can
 * be read two ways (`1,234`, or `1.234` in an English sheet) is refused with both readings. Without
 * a locale, text is read as in an English sheet.
 */
export function centsOfText(text: string, locale: SheetLocale = ""): Parsed<number> {
  const t = pick(VALUES_TEXTS);
  const dutch = isDutchLocale(locale);
  const q = quote(text.trim());
  const notAmount = () => bad<number>(t.notAmount(q, ...amountExamples(dutch)));
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
      return notAmount();
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
  const wholeEuros = /([.,])-+$/.exec(s);
  if (wholeEuros) s = `${s.slice(0, wholeEuros.index)}${wholeEuros[1]}00`;
  if (s.startsWith("-")) {
    negative = !negative;
    s = s.slice(1);
  } else if (s.startsWith("+")) {
    s = s.slice(1);
  }
  s = s.replace(/^(€|EUR)/i, "");
  if (!/^[0-9.,]+$/.test(s) || !/[0-9]/.test(s)) return notAmount();

  const split = splitAmount(s, dutch);
  if (split.kind === "bad") return notAmount();
  const lang = language();
  const sign = negative ? "-" : "";
  if (split.kind === "ambiguous") {
    const asGrouped = amountInLanguage(`${sign}${split.whole}${split.three}.00`, lang);
    const asDecimal = amountInLanguage(`${sign}${split.whole}.${split.three}`, lang);
    return bad(t.ambiguousAmount(q, asGrouped, asDecimal, split.sep));
  }
  const whole = split.whole === "" ? "0" : split.whole;
  const { fraction } = split;
  if (!/^[0-9]+$/.test(whole) || !/^[0-9]*$/.test(fraction)) return notAmount();
  if (fraction.length > 2) return bad(t.moreDecimals(q));
  if (whole.replace(/^0+/, "").length > 10) return bad(t.tooLarge());
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, "0") || "0");
  if (cents > MAX_CENTS) return bad(t.tooLarge());
  return ok(negative && cents !== 0 ? -cents : cents);
}

/** Cents of an amount cell: a number (whatever its format), or text read in the sheet's locale. */
export function centsOfCell(cell: Cell, locale: SheetLocale = ""): Parsed<number> {
  if (typeof cell.value === "number") return centsOfNumber(cell.value);
  if (typeof cell.value === "boolean" || isDateValue(cell.value)) {
    return bad(
      pick(VALUES_TEXTS).notAmount(quote(shownText(cell)), ...amountExamples(isDutchLocale(locale))),
    );
  }
  return centsOfText(shownText(cell), locale);
}
