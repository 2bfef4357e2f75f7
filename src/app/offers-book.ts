// Reads Offers and Offer lines for a run through the workbook, parses them, and writes offer rows
// back where they are now.

import { type Cell, shownText } from "../core/cells";
import {
  type ColumnSpec,
  fieldNames,
  HEADER_SEARCH_ROWS,
  headerIn,
  headerLanguage,
  headersBelowRow1,
  LINE_COLUMNS,
  type LineKey,
  OFFER_COLUMNS,
  type OfferKey,
} from "../core/columns";
import { type RowFields, rowsToAskFormulas, withoutFormulaRows } from "../core/filled-down";
import { language, pick } from "../core/language";
import type { LineRow, OfferRow } from "../core/offer-types";
import { type ParsedLines, parseLines } from "../core/parse-lines";
import { isBlankOfferCell, orphanLines, parseOffers } from "../core/parse-offers";
import type { TableRead, Workbook, ZonedTime } from "../core/ports";
import { cellAt, columnLabel, columnLetters, offerKey, sheetLabel } from "../core/table";
import { texts } from "../core/texts";
import { FIELD_NAMES, type FieldNames, LINE_MESSAGE_STARTS } from "../core/texts-bundled";
import { COLUMN_TEXTS } from "../core/texts-columns";
import type { RowUpdate } from "../core/write-back";

const REQUIRED_OFFER_COLUMNS: readonly OfferKey[] = [
  "offerNumber",
  "customerId",
  "issuedAt",
  "status",
  "offerId",
  "message",
];
const REQUIRED_LINE_COLUMNS: readonly LineKey[] = ["offerNumber", "description", "amountExclVat", "vatRate"];

export interface OffersBook {
  readonly workbook: Workbook;
  readonly offersSheet: TableRead<OfferKey>;
  readonly linesSheet: TableRead<LineKey>;
  readonly offers: OfferRow[];
  readonly lines: ParsedLines;
  readonly time: ZonedTime;
}

export type Opened = { ok: true; book: OffersBook } | { ok: false; problem: string };

function missingColumns<K extends string>(
  read: TableRead<K>,
  required: readonly K[],
  sheet: string,
  specs: readonly ColumnSpec<K>[],
): string | null {
  // A title above the headers: said so, rather than asking for columns the sheet shows below it.
  const top = read.table.rows.slice(0, HEADER_SEARCH_ROWS - 1).map((row) => row.map((c) => c.value));
  const below = read.missing.length > 0 ? headersBelowRow1([read.table.header, ...top], specs) : null;
  if (below !== null) return texts().headersBelowRow1(sheet, below);
  const lang = headerLanguage(read.table.header, specs) ?? language();
  const missing = read.missing
    .filter((spec) => required.includes(spec.key))
    .map((spec) => headerIn(spec, lang));
  return missing.length === 0 ? null : texts().missingColumns(sheet, missing);
}

/** Fields the product reads to decide what it sends: two columns for one of them is refused rather
 * than one of the two silently used (a second Customer ID, or Offer number beside Offertenummer). */
const READ_OFFER_COLUMNS: readonly OfferKey[] = [
  "offerNumber",
  "customerId",
  "issuedAt",
  "expiresAt",
  "sendNotification",
  "status",
  "offerId",
];

function duplicateColumns<K extends string>(
  read: TableRead<K>,
  keys: readonly K[],
  sheet: string,
): string | null {
  const columns = read.duplicates
    .filter((d) => keys.includes(d.spec.key))
    .flatMap((d) => d.indexes)
    .map((i) => ({ header: String(read.table.header[i] ?? "").trim(), letter: columnLetters(i + 1) }));
  return columns.length === 0 ? null : pick(COLUMN_TEXTS).duplicateColumns(sheet, columns);
}

const OFFER_FIELDS: RowFields<OfferKey> = {
  inputs: ["offerNumber", "customerId", "issuedAt", "expiresAt", "sendNotification"],
  keys: ["offerNumber", "customerId", "issuedAt"],
  blank: isBlankOfferCell,
};
const LINE_FIELDS: RowFields<LineKey> = {
  inputs: ["offerNumber", "description", "amountExclVat", "vatRate"],
  keys: ["offerNumber", "description"],
};

/** The sheet as read, with rows that hold only what formulas filled down put there emptied. */
function typedRows<K extends string>(
  workbook: Workbook,
  id: "offers" | "lines",
  read: TableRead<K>,
  fields: RowFields<K>,
  keep?: (row: readonly Cell[]) => boolean,
): TableRead<K> {
  const rows = rowsToAskFormulas(read.table, read.columns, fields);
  if (rows.length === 0) return read;
  const table = withoutFormulaRows(read.table, read.columns, fields, rows, workbook.formulas(id), keep);
  return table === read.table ? read : { ...read, table };
}

export function openOffersBook(workbook: Workbook): Opened {
  const read = workbook.readOffersAndLines();
  if ("missingSheet" in read) return { ok: false, problem: texts().noSheet(read.missingSheet) };
  const problem =
    missingColumns(
      read.offers,
      REQUIRED_OFFER_COLUMNS,
      sheetLabel(read.offers.table, "offers"),
      OFFER_COLUMNS,
    ) ??
    missingColumns(read.lines, REQUIRED_LINE_COLUMNS, sheetLabel(read.lines.table, "lines"), LINE_COLUMNS) ??
    duplicateColumns(read.offers, READ_OFFER_COLUMNS, sheetLabel(read.offers.table, "offers")) ??
    duplicateColumns(read.lines, REQUIRED_LINE_COLUMNS, sheetLabel(read.lines.table, "lines"));
  if (problem) return { ok: false, problem };
  const time = workbook.zonedTime();
  const locale = workbook.locale();
  const linesSheet = typedRows(workbook, "lines", read.lines, LINE_FIELDS);
  const lines = parseLines(linesSheet.table, linesSheet.columns, locale);
  // An offer number made by a formula that has lines is an offer, however little else is filled in.
  const hasLines = (row: readonly Cell[]) =>
    lines.byOffer.has(offerKey(shownText(cellAt(row, read.offers.columns, "offerNumber"))));
  const offersSheet = typedRows(workbook, "offers", read.offers, OFFER_FIELDS, hasLines);
  const offers = parseOffers(offersSheet.table, offersSheet.columns, lines, (d) => time.ymd(d), { locale });
  return { ok: true, book: { workbook, offersSheet, linesSheet, offers, lines, time } };
}

/** The Offers columns as messages name them: as the sheet's headers do. */
export const offerFields = (book: OffersBook): FieldNames =>
  fieldNames(book.offersSheet.table.header, OFFER_COLUMNS, language());

/** Writes updates into the rows that hold them now; returns the updates whose row is gone. */
export function writeOfferUpdates(book: OffersBook, updates: readonly RowUpdate[]): RowUpdate[] {
  return book.workbook.writeOfferUpdates(updates, book.offersSheet);
}

/**
 * Whether a line's Message is one of ours (in either language, or as earlier versions wrote it), so
 * that it may be cleared once the line is fixed: it starts with a line field's name or the text for
 * a line without an offer.
 */
export function isOurLineMessage(text: string): boolean {
  const t = text.trim().toLowerCase();
  if (t === "") return false;
  const fields = [FIELD_NAMES.en, FIELD_NAMES.nl].flatMap((f) => [
    f.offerNumber,
    f.description,
    f.amountExclVat,
    f.vatRate,
  ]);
  const after = [":", " missing", " ontbreekt", " shows ", " toont ", " is "];
  return (
    fields.some((f) => after.some((a) => t.startsWith(`${f}${a}`.toLowerCase()))) ||
    LINE_MESSAGE_STARTS.some((w) => t.startsWith(w.toLowerCase())) ||
    t.startsWith("no row in offers has offer number")
  );
}

/** The Offers column Message as the sheet heads it, for the summaries that point to it. */
export const messageLabel = (book: OffersBook): string =>
  columnLabel(
    book.offersSheet.table,
    book.offersSheet.columns,
    OFFER_COLUMNS.find((c) => c.key === "message"),
  );

/** Writes the lines' Message column where it changed; returns the lines that match no offer. */
export function writeLineMessages(book: OffersBook): LineRow[] {
  const column = book.linesSheet.columns.message;
  const orphans = orphanLines(book.offers, book.lines);
  if (column === undefined) return orphans;
  const byRow = new Map<number, string>();
  for (const rows of book.lines.byOffer.values())
    for (const l of rows) byRow.set(l.sheetRow, l.problems.join(", "));
  const offersName = sheetLabel(book.offersSheet.table, "offers");
  for (const l of orphans)
    byRow.set(
      l.sheetRow,
      l.offerNumber !== ""
        ? texts().lineNoOffer(l.offerNumber, offersName)
        : (l.numberError ?? texts().lineNoNumber()),
    );
  const current = book.linesSheet.table.rows.map((r) => String(r[column]?.display ?? ""));
  // Our message where a line has a problem; elsewhere our old messages are cleared, and whatever
  // else the team keeps in a column of that name stays.
  const next = current.map((text, i) => byRow.get(i + 2) || (isOurLineMessage(text) ? "" : text));
  if (!next.every((t, i) => t === current[i])) book.workbook.writeLineMessages(column, next);
  return orphans;
}
