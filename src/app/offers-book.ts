// Reads Offers and Offer lines for a run through the workbook, parses them, and writes offer rows
// back where they are now.

import { LINES_SHEET, type LineKey, OFFERS_SHEET, type OfferKey } from "../core/columns";
import type { LineRow, OfferRow } from "../core/offer-types";
import { type ParsedLines, parseLines } from "../core/parse-lines";
import { orphanLines, parseOffers } from "../core/parse-offers";
import type { TableRead, Workbook, ZonedTime } from "../core/ports";
import { TEXTS } from "../core/texts";
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
): string | null {
  const missing = read.missing.filter((spec) => required.includes(spec.key)).map((spec) => spec.header);
  return missing.length === 0 ? null : TEXTS.missingColumns(sheet, missing);
}

export function openOffersBook(workbook: Workbook): Opened {
  const read = workbook.readOffersAndLines();
  if ("missingSheet" in read) return { ok: false, problem: TEXTS.noSheet(read.missingSheet) };
  const problem =
    missingColumns(read.offers, REQUIRED_OFFER_COLUMNS, OFFERS_SHEET) ??
    missingColumns(read.lines, REQUIRED_LINE_COLUMNS, LINES_SHEET);
  if (problem) return { ok: false, problem };
  const time = workbook.zonedTime();
  const locale = workbook.locale();
  const lines = parseLines(read.lines.table, read.lines.columns, locale);
  const offers = parseOffers(read.offers.table, read.offers.columns, lines, (d) => time.ymd(d), { locale });
  return {
    ok: true,
    book: { workbook, offersSheet: read.offers, linesSheet: read.lines, offers, lines, time },
  };
}

/** Writes updates into the rows that hold them now; returns the updates whose row is gone. */
export function writeOfferUpdates(book: OffersBook, updates: readonly RowUpdate[]): RowUpdate[] {
  return book.workbook.writeOfferUpdates(updates, book.offersSheet);
}

/** Messages for the lines' own Message column: orphans and line problems; "" clears old ones. */
const OUR_LINE_MESSAGE =
  /^(No row in Offers has offer number |Offer number: missing|Description: |Amount excl\. VAT: |VAT rate: )/;

/** Writes the lines' Message column where it changed; returns the lines that match no offer. */
export function writeLineMessages(book: OffersBook): LineRow[] {
  const column = book.linesSheet.columns.message;
  const orphans = orphanLines(book.offers, book.lines);
  if (column === undefined) return orphans;
  const byRow = new Map<number, string>();
  for (const rows of book.lines.byOffer.values())
    for (const l of rows) byRow.set(l.sheetRow, l.problems.join("; "));
  for (const l of orphans)
    byRow.set(l.sheetRow, l.offerNumber === "" ? TEXTS.lineNoNumber() : TEXTS.lineNoOffer(l.offerNumber));
  const current = book.linesSheet.table.rows.map((r) => String(r[column]?.display ?? ""));
  // Our message where a line has a problem; elsewhere our old messages are cleared, and whatever
  // else the team keeps in a column of that name stays.
  const texts = current.map((text, i) => byRow.get(i + 2) || (OUR_LINE_MESSAGE.test(text) ? "" : text));
  if (!texts.every((t, i) => t === current[i])) book.workbook.writeLineMessages(column, texts);
  return orphans;
}
