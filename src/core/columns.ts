// The sheets the product uses, their columns in English and Dutch (CONTRACT §4, §7a), and matching
// a header row or a sheet name to them by name, in either language.

import type { Language } from "./language";
import { FIELD_NAMES, type FieldNames } from "./texts-bundled";

/** Each sheet's name in both languages; either is recognised, new sheets get the locale's. */
export const SHEET_NAMES = {
  offers: { en: "Offers", nl: "Offertes" },
  lines: { en: "Offer lines", nl: "Offerteregels" },
  runLog: { en: "Run log", nl: "Logboek" },
  customers: { en: "Customers", nl: "Klanten" },
  newCustomers: { en: "New customers", nl: "Nieuwe klanten" },
} as const;
export type SheetId = keyof typeof SHEET_NAMES;

export const OFFERS_SHEET = SHEET_NAMES.offers.en;
export const LINES_SHEET = SHEET_NAMES.lines.en;
export const RUN_LOG_SHEET = SHEET_NAMES.runLog.en;

/** Whether a sheet's name is this sheet's, in either language (compared as headers are). */
export function isSheetNamed(name: string, id: SheetId): boolean {
  const n = normalizeHeader(name);
  return n !== "" && (n === normalizeHeader(SHEET_NAMES[id].en) || n === normalizeHeader(SHEET_NAMES[id].nl));
}

export interface ColumnSpec<K extends string> {
  readonly key: K;
  /** The English header (CONTRACT §4). */
  readonly header: string;
  /** The Dutch header (CONTRACT §7a). */
  readonly nl: string;
  /** Other names the column is recognised by (never written). */
  readonly aliases?: readonly string[];
  /** Number format setupSheets gives the column ("@" plain text, a date pattern, …). */
  readonly format?: string;
  /** Written by the product (never read as user input). */
  readonly output?: boolean;
  /** Hidden by setupSheets (the product's own bookkeeping). */
  readonly hidden?: boolean;
}

export type OfferKey =
  | "offerNumber"
  | "customerId"
  | "issuedAt"
  | "expiresAt"
  | "sendNotification"
  | "status"
  | "offerId"
  | "amount"
  | "message"
  | "createdAt"
  | "acceptedAt"
  | "rejectedAt"
  | "ref";

export const OFFER_COLUMNS: readonly ColumnSpec<OfferKey>[] = [
  { key: "offerNumber", header: "Offer number", nl: "Offertenummer", format: "@" },
  // A customer ID, or a company name or e-mail found in Customers (CONTRACT §4a).
  { key: "customerId", header: "Customer ID", nl: "Klant-ID", format: "@", aliases: ["Customer", "Klant"] },
  { key: "issuedAt", header: "Issued at", nl: "Offertedatum", format: "yyyy-mm-dd" },
  { key: "expiresAt", header: "Expires at", nl: "Vervaldatum", format: "yyyy-mm-dd" },
  { key: "sendNotification", header: "Send notification", nl: "Notificatie versturen" },
  { key: "status", header: "Status", nl: "Status", format: "@", output: true },
  { key: "offerId", header: "Offer ID", nl: "Offerte-ID", format: "@", output: true },
  { key: "amount", header: "Amount", nl: "Bedrag", format: "@", output: true },
  { key: "message", header: "Message", nl: "Melding", format: "@", output: true },
  { key: "createdAt", header: "Created at", nl: "Aangemaakt op", format: "@", output: true },
  { key: "acceptedAt", header: "Accepted at", nl: "Geaccepteerd op", format: "@", output: true },
  { key: "rejectedAt", header: "Rejected at", nl: "Afgewezen op", format: "@", output: true },
  // The row's ref in the ledger (hidden): it follows the row when people sort or edit it.
  { key: "ref", header: "MKP ref", nl: "MKP ref", format: "@", output: true, hidden: true },
];

export type LineKey = "offerNumber" | "description" | "amountExclVat" | "vatRate" | "message";

export const LINE_COLUMNS: readonly ColumnSpec<LineKey>[] = [
  { key: "offerNumber", header: "Offer number", nl: "Offertenummer", format: "@" },
  { key: "description", header: "Description", nl: "Omschrijving" },
  { key: "amountExclVat", header: "Amount excl. VAT", nl: "Bedrag excl. btw", format: "0.00" },
  { key: "vatRate", header: "VAT rate", nl: "Btw-tarief" },
  { key: "message", header: "Message", nl: "Melding", format: "@", output: true },
];

export type RunLogKey =
  | "startedAt"
  | "action"
  | "startedBy"
  | "created"
  | "failed"
  | "invalid"
  | "skipped"
  | "pending"
  | "duration"
  | "message";

export const RUN_LOG_COLUMNS: readonly ColumnSpec<RunLogKey>[] = [
  { key: "startedAt", header: "Started at", nl: "Gestart op", format: "yyyy-mm-dd hh:mm:ss" },
  { key: "action", header: "Action", nl: "Actie", format: "@" },
  { key: "startedBy", header: "Started by", nl: "Gestart door", format: "@" },
  { key: "created", header: "Created", nl: "Aangemaakt", format: "0" },
  { key: "failed", header: "Failed", nl: "Mislukt", format: "0" },
  { key: "invalid", header: "Invalid", nl: "Ongeldig", format: "0" },
  { key: "skipped", header: "Skipped", nl: "Overgeslagen", format: "0" },
  { key: "pending", header: "Still pending", nl: "Nog open", format: "0" },
  { key: "duration", header: "Duration (s)", nl: "Duur (s)", format: "0.0" },
  { key: "message", header: "Message", nl: "Melding", format: "@" },
];

/** `Amount excl. VAT`, `amountExclVat` and `amount_excl_vat` all become `amountexclvat`. */
export function normalizeHeader(text: unknown): string {
  return String(text ?? "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

/** 0-based column index of each known key in a header row; keys not found are absent. */
export type ColumnMap<K extends string> = Partial<Record<K, number>>;

export interface HeaderMatch<K extends string> {
  readonly columns: ColumnMap<K>;
  readonly missing: readonly ColumnSpec<K>[];
  /** Specs found in more than one column (e.g. `Customer ID` twice, or `Offer number` and
   * `Offertenummer`), with every 0-based column that names them. */
  readonly duplicates: readonly { readonly spec: ColumnSpec<K>; readonly indexes: readonly number[] }[];
}

/** Every name a column is recognised by, normalised: English, Dutch and any aliases. */
function namesOf(spec: ColumnSpec<string>): string[] {
  return [spec.header, spec.nl, ...(spec.aliases ?? [])].map(normalizeHeader);
}

/** The header a new column gets in a sheet of this language. */
export const headerIn = (spec: ColumnSpec<string>, lang: Language): string =>
  lang === "nl" ? spec.nl : spec.header;

/** Matches a header row to the specs by name, in either language; the first column with a name wins. */
export function matchHeaders<K extends string>(
  headerRow: readonly unknown[],
  specs: readonly ColumnSpec<K>[],
): HeaderMatch<K> {
  const byName = new Map<string, number[]>();
  headerRow.forEach((cell, index) => {
    const name = normalizeHeader(cell);
    if (name !== "") byName.set(name, [...(byName.get(name) ?? []), index]);
  });
  const columns: ColumnMap<K> = {};
  const missing: ColumnSpec<K>[] = [];
  const duplicates: { spec: ColumnSpec<K>; indexes: number[] }[] = [];
  for (const spec of specs) {
    const found = [...new Set(namesOf(spec).flatMap((name) => byName.get(name) ?? []))].sort((a, b) => a - b);
    if (found.length === 0) missing.push(spec);
    else columns[spec.key] = Math.min(...found);
    if (found.length > 1) duplicates.push({ spec, indexes: found });
  }
  return { columns, missing, duplicates };
}

/**
 * The language a sheet's headers are written in: the one more of its known headers are in (headers
 * the same in both, like Status, do not count); null when it cannot tell (no known headers, a tie).
 */
export function headerLanguage(
  headerRow: readonly unknown[],
  specs: readonly ColumnSpec<string>[],
): Language | null {
  const names = new Set(headerRow.map(normalizeHeader));
  let en = 0;
  let nl = 0;
  for (const spec of specs) {
    const e = normalizeHeader(spec.header);
    const n = normalizeHeader(spec.nl);
    if (e === n) continue;
    if (names.has(e)) en++;
    if (names.has(n)) nl++;
  }
  if (en === nl) return null;
  return nl > en ? "nl" : "en";
}

/**
 * Field names as messages use them: each field named in the language its column's header is
 * written in (a sheet may mix them), else in the sheet's language, else in `fallback`.
 */
export function fieldNames(
  headerRow: readonly unknown[],
  specs: readonly ColumnSpec<string>[],
  fallback: Language,
): FieldNames {
  const names = new Set(headerRow.map(normalizeHeader));
  const fields: { -readonly [K in keyof FieldNames]: string } = {
    ...FIELD_NAMES[headerLanguage(headerRow, specs) ?? fallback],
  };
  for (const spec of specs) {
    const key = spec.key as keyof FieldNames;
    const en = names.has(normalizeHeader(spec.header));
    if (key in fields && en !== names.has(normalizeHeader(spec.nl)))
      fields[key] = FIELD_NAMES[en ? "en" : "nl"][key];
  }
  return fields;
}

/** Rows looked at for a header row typed below row 1 (under a title or a blank row). */
export const HEADER_SEARCH_ROWS = 5;

/**
 * The row (2…) holding a sheet's headers when row 1 holds none of them; null otherwise. `rows`: the
 * sheet's first rows as values, row 1 first.
 */
export function headersBelowRow1(
  rows: readonly (readonly unknown[])[],
  specs: readonly ColumnSpec<string>[],
): number | null {
  const known = (row: readonly unknown[]) => specs.length - matchHeaders(row, specs).missing.length;
  if (rows.length < 2 || known(rows[0] ?? []) > 0) return null;
  // Two known headers in one row: a header row, not a data row that happens to hold a word like Status.
  const below = rows.findIndex((row, i) => i > 0 && i < HEADER_SEARCH_ROWS && known(row) >= 2);
  return below < 0 ? null : below + 1;
}
