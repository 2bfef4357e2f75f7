// What users read about the values they typed: dates and amounts as text, and the warnings that hold
// an implausible offer back until it is confirmed. English and Dutch; read with `pick(VALUES_TEXTS)`.

import { catalogue } from "./language";

const EN_MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;
const NL_MONTHS = [
  "januari",
  "februari",
  "maart",
  "april",
  "mei",
  "juni",
  "juli",
  "augustus",
  "september",
  "oktober",
  "november",
  "december",
] as const;

/** A calendar day as numbers (month 1–12). */
export interface Day {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const enMonth = (month: number): string => EN_MONTHS[month - 1] ?? String(month);
const nlMonth = (month: number): string => NL_MONTHS[month - 1] ?? String(month);

export const VALUES_EN = {
  // Dates
  notDateIso: (q: string) => `${q} is not a date (use a date cell or YYYY-MM-DD)`,
  notDate: (q: string, example: string) =>
    `${q} is not a date (type it like ${example} or 2025-04-14, or use a date cell)`,
  yearInFull: (q: string, example: string) => `${q} is not a date: write the year in full, like ${example}`,
  noMonth: (q: string, month: number) => `${q} is not a real calendar date: there is no month ${month}`,
  /** `4/14/2025` in a spreadsheet that puts the day first: the day it most likely is, typed day first. */
  noMonthDayFirst: (q: string, month: number, meant: Day, typed: string) =>
    `${q} is not a real calendar date: there is no month ${month}; for ${enMonth(meant.month)} ${meant.day}, ${meant.year} type ${typed} (day first)`,
  noDayZero: (q: string) => `${q} is not a real calendar date: there is no day 0`,
  monthHasDays: (q: string, year: number, month: number, days: number) =>
    `${q} is not a real calendar date: ${enMonth(month)}${month === 2 ? ` ${year}` : ""} has ${days} days`,
  ambiguousDate: (q: string, a: Day, b: Day, isoA: string, isoB: string) =>
    `${q} can be read as ${enMonth(a.month)} ${a.day} or as ${enMonth(b.month)} ${b.day}, ${a.year}; type ${isoA} or ${isoB} (or use a date cell)`,
  numberNotDate: (q: string) =>
    `${q} is a number, not a date (format the cell as a date, or type the date like 2025-04-14)`,
  invalidDateCell: () => "is not a valid date",
  notDateCell: () => "is not a date",

  // Amounts
  notAmount: (q: string, example: string, other: string) =>
    `${q} is not an amount (type it like ${example} or ${other})`,
  moreDecimals: (shown: string) => `has more than 2 decimals (${shown})`,
  ambiguousAmount: (q: string, grouped: string, decimal: string, separator: "." | ",") =>
    `has more than 2 decimals if ${q} means ${decimal}; if it means ${grouped}, type it without the ${separator === "." ? "dot" : "comma"}`,
  tooLarge: () => "is too large",
  notNumber: () => "is not a number",

  // Warnings (CONTRACT §5): an offer held back until the user confirms it
  // `field`, `expiresField`, `issuedField`: the columns as the sheet's headers name them.
  issuedFuture: (field: string, ymd: string) => `${field} ${ymd} is more than a year in the future`,
  issuedPast: (field: string, ymd: string) => `${field} ${ymd} is more than a year in the past`,
  expiresLate: (expiresField: string, expires: string, issuedField: string, issued: string) =>
    `${expiresField} ${expires} is more than a year after ${issuedField} (${issued})`,
  totalNotPositive: (total: string) => `the total excl. VAT is ${total}, zero or less`,
  numberLikeFormula: (field: string, q: string) => `${field} ${q} starts with "=" (a formula typed as text?)`,
  heldBack: (reasons: readonly string[]) =>
    `Not sent: ${reasons.join("; ")}. Fix the row, or type "send anyway" in Status if it is right as it is.`,

  // A created offer whose amount in MijnKlantportaal is not what its lines add up to
  amountDiffers: (amount: string, excl: string, incl: string) =>
    `Created, but in MijnKlantportaal this offer's amount is ${amount}, while its lines add up to ${excl} excl. VAT (${incl} incl. VAT). Check the offer in MijnKlantportaal before the customer sees it.`,
};

export type ValueTexts = typeof VALUES_EN;

export const VALUES_NL: ValueTexts = {
  notDateIso: (q) => `${q} is geen datum (gebruik een datumcel of JJJJ-MM-DD)`,
  notDate: (q, example) =>
    `${q} is geen datum (typ bijvoorbeeld ${example} of 2025-04-14, of gebruik een datumcel)`,
  yearInFull: (q, example) => `${q} is geen datum: schrijf het jaar voluit, bijvoorbeeld ${example}`,
  noMonth: (q, month) => `${q} is geen datum: maand ${month} bestaat niet`,
  noMonthDayFirst: (q, month, meant, typed) =>
    `${q} is geen datum: maand ${month} bestaat niet; bedoel je ${meant.day} ${nlMonth(meant.month)} ${meant.year}, typ dan ${typed} (dag eerst)`,
  noDayZero: (q) => `${q} is geen datum: dag 0 bestaat niet`,
  monthHasDays: (q, year, month, days) =>
    `${q} bestaat niet: ${nlMonth(month)}${month === 2 ? ` ${year}` : ""} heeft ${days} dagen`,
  ambiguousDate: (q, a, b, isoA, isoB) =>
    `${q} kan ${a.day} ${nlMonth(a.month)} of ${b.day} ${nlMonth(b.month)} ${a.year} zijn; typ ${isoA} of ${isoB} (of gebruik een datumcel)`,
  numberNotDate: (q) =>
    `${q} is een getal, geen datum (maak er een datumcel van, of typ de datum als 2025-04-14)`,
  invalidDateCell: () => "is geen geldige datum",
  notDateCell: () => "is geen datum",

  notAmount: (q, example, other) => `${q} is geen bedrag (typ bijvoorbeeld ${example} of ${other})`,
  moreDecimals: (shown) => `heeft meer dan 2 decimalen (${shown})`,
  ambiguousAmount: (q, grouped, decimal, separator) =>
    `heeft meer dan 2 decimalen als ${q} ${decimal} betekent; bedoel je ${grouped}, typ het dan zonder ${separator === "." ? "punt" : "komma"}`,
  tooLarge: () => "is te groot",
  notNumber: () => "is geen getal",

  issuedFuture: (field, ymd) => `${field} ${ymd} ligt meer dan een jaar in de toekomst`,
  issuedPast: (field, ymd) => `${field} ${ymd} ligt meer dan een jaar in het verleden`,
  expiresLate: (expiresField, expires, issuedField, issued) =>
    `${expiresField} ${expires} ligt meer dan een jaar na ${issuedField} (${issued})`,
  totalNotPositive: (total) => `het totaal excl. btw is ${total}, nul of minder`,
  numberLikeFormula: (field, q) => `${field} ${q} begint met "=" (een formule die als tekst is getypt?)`,
  heldBack: (reasons) =>
    `Niet verstuurd: ${reasons.join("; ")}. Pas de rij aan, of typ "toch versturen" in Status als de offerte zo klopt.`,

  amountDiffers: (amount, excl, incl) =>
    `Aangemaakt, maar in MijnKlantportaal is het bedrag van deze offerte ${amount}, terwijl de regels samen uitkomen op ${excl} excl. btw (${incl} incl. btw). Controleer de offerte in MijnKlantportaal voordat de klant hem ziet.`,
};

export const VALUES_TEXTS = catalogue<ValueTexts>("values");

/** Good values as each kind of locale writes them, for the message about one that is not. */
export const LOCALE_EXAMPLES = {
  dutch: { date: "14-4-2025", amounts: ["12,95", "1.234,50"] },
  english: { date: "4/14/2025", amounts: ["12.95", "1,234.50"] },
} as const;

/** An amount in cents as the reader's language writes it, without grouping: `1234.50` / `1234,50`. */
export function amountInLanguage(formatted: string, language: "en" | "nl"): string {
  return language === "nl" ? formatted.replace(".", ",") : formatted;
}
