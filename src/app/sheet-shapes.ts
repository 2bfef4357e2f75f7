// Two ways a team's sheet differs from what the script reads: rows of a selection hidden by a
// filter or by hand (Sheets' selections include them), and cells merged over several rows (blank
// to the script below their top row). Each asks Sheets only when the run needs to know.

import { pick } from "../core/language";
import {
  explainMergedLines,
  explainMergedOffers,
  linesNeedMergeCheck,
  offersNeedMergeCheck,
} from "../core/merged-cells";
import type { OfferRow } from "../core/offer-types";
import type { Workbook } from "../core/ports";
import { SHAPES_TEXTS } from "../core/texts-shapes";
import type { OffersBook } from "./offers-book";

/** Statuses a create run writes or sends (the others it only counts as skipped). */
const ACTED_ON = new Set(["pending", "invalid", "warning", "sendAnyway", "sending", "unknown"]);

/**
 * Takes the hidden rows out of `selected`: the user never saw them selected. Only the selected rows
 * this run would act on are asked about (one call each, and one for the filter). Returns what to
 * tell the user ("" when none was hidden).
 */
export function leaveHiddenAlone(
  workbook: Workbook,
  offers: readonly OfferRow[],
  selected: Set<number>,
): string {
  const asked = offers
    .filter((o) => selected.has(o.sheetRow) && ACTED_ON.has(o.status))
    .map((o) => o.sheetRow);
  if (asked.length === 0) return "";
  const hidden = workbook.hiddenOfferRows(asked);
  for (const row of hidden) selected.delete(row);
  return hidden.size === 0 ? "" : pick(SHAPES_TEXTS).hiddenLeftAlone(hidden.size);
}

/** The book with blank required cells under merges explained (a call per sheet, only when one is blank). */
export function explainMerges(book: OffersBook): OffersBook {
  let offers = book.offers;
  const { offersSheet, linesSheet } = book;
  if (offersNeedMergeCheck(offers, offersSheet.table))
    offers = explainMergedOffers(
      offers,
      book.workbook.mergedCells("offers"),
      offersSheet.table,
      offersSheet.columns,
    );
  if (linesNeedMergeCheck(offers, book.lines))
    offers = explainMergedLines(
      offers,
      book.lines,
      book.workbook.mergedCells("lines"),
      linesSheet.table,
      linesSheet.columns,
    );
  return offers === book.offers ? book : { ...book, offers };
}
