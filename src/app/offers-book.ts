// Reads Offers and Offer lines for a run, and writes offer rows back where they are now.

import {
  LINE_COLUMNS,
  LINES_SHEET,
  type LineKey,
  matchHeaders,
  OFFER_COLUMNS,
  OFFERS_SHEET,
  type OfferKey,
} from "../core/columns";
import type { ZonedYmd } from "../core/dates";
import type { OfferRow } from "../core/offer-types";
import { type ParsedLines, parseLines } from "../core/parse-lines";
import { parseOffers } from "../core/parse-offers";
import { locateRows, OUT_KEYS, planBlocks, type RowUpdate } from "../core/write-back";
import { type ReadSheet, readKeyColumn, readSheet, writeBlocks } from "../shell/sheets";
import { type ZonedTime, zonedTime } from "../shell/time";

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
  readonly offersSheet: ReadSheet<OfferKey>;
  readonly linesSheet: ReadSheet<LineKey>;
  readonly offers: OfferRow[];
  readonly lines: ParsedLines;
  readonly timeZone: string;
  readonly time: ZonedTime;
}

export type Opened = { ok: true; book: OffersBook } | { ok: false; problem: string };

function missingColumns<K extends string>(
  read: ReadSheet<K>,
  required: readonly K[],
  sheetName: string,
): string | null {
  const missing = read.missing
    .filter((spec) => required.includes(spec.key))
    .map((spec) => `"${spec.header}"`);
  if (missing.length === 0) return null;
  return `The sheet ${sheetName} has no column ${missing.join(", ")} in row 1. Use MijnKlantportaal › Set up sheets to add it.`;
}

export function openOffersBook(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Opened {
  const offersSheet = ss.getSheetByName(OFFERS_SHEET);
  const linesSheet = ss.getSheetByName(LINES_SHEET);
  if (!offersSheet || !linesSheet) {
    const name = offersSheet ? LINES_SHEET : OFFERS_SHEET;
    return {
      ok: false,
      problem: `There is no sheet named "${name}". Use MijnKlantportaal › Set up sheets first.`,
    };
  }
  const offersRead = readSheet(offersSheet, OFFER_COLUMNS);
  const linesRead = readSheet(linesSheet, LINE_COLUMNS);
  const problem =
    missingColumns(offersRead, REQUIRED_OFFER_COLUMNS, OFFERS_SHEET) ??
    missingColumns(linesRead, REQUIRED_LINE_COLUMNS, LINES_SHEET);
  if (problem) return { ok: false, problem };
  const timeZone = ss.getSpreadsheetTimeZone();
  const time = zonedTime(timeZone);
  const zonedYmd: ZonedYmd = (d) => time.ymd(d);
  const lines = parseLines(linesRead.table, linesRead.columns);
  const offers = parseOffers(offersRead.table, offersRead.columns, lines, zonedYmd);
  return {
    ok: true,
    book: { offersSheet: offersRead, linesSheet: linesRead, offers, lines, timeZone, time },
  };
}

/**
 * Writes updates into the rows that hold their offer numbers now: the Offer number column is read
 * again first, since people may sort, insert or delete rows at any moment during a run.
 * Returns the updates whose row could not be found.
 */
export function writeOfferUpdates(book: OffersBook, updates: readonly RowUpdate[]): RowUpdate[] {
  if (updates.length === 0) return [];
  const { sheet } = book.offersSheet;
  // Columns may have been inserted or moved too: match the header row again.
  const { columns } = matchHeaders(sheet.getRange("1:1").getValues()[0] ?? [], OFFER_COLUMNS);
  if (columns.offerNumber === undefined || columns.status === undefined) throw new Error(COLUMNS_CHANGED);
  const keys = readKeyColumn(sheet, columns.offerNumber);
  const { placed, lost } = locateRows(updates, keys);
  const same = OUT_KEYS.every((k) => columns[k] === book.offersSheet.columns[k]);
  writeBlocks(sheet, planBlocks(placed, columns), same && book.offersSheet.plainText(OUT_KEYS));
  return lost;
}

const COLUMNS_CHANGED =
  "The columns Offer number or Status of the sheet Offers disappeared during the run, so the run stopped before sending anything more. Rows marked sending are checked on the next run.";

/** The Offers rows that intersect the current selection, or null when the selection is elsewhere. */
export function selectedOfferRows(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Set<number> | null {
  const list = ss.getActiveRangeList();
  const ranges = list ? list.getRanges() : [];
  const rows = new Set<number>();
  let onOffers = false;
  for (const range of ranges) {
    if (range.getSheet().getName() !== OFFERS_SHEET) continue;
    onOffers = true;
    const first = range.getRow();
    for (let r = first; r < first + range.getNumRows(); r++) rows.add(r);
  }
  return onOffers ? rows : null;
}
