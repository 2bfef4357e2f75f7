// Before offers are planned: do any of them name their customer by company name or e-mail? Only
// then is the customers feature (customer-step.ts, loaded on demand: core/features.ts) read and run;
// offers naming only `cst_…` IDs cost nothing here.

import { isBlankCell, shownText } from "../core/cells";
import { CUSTOMER_ID } from "../core/customer-id";
import { feature } from "../core/features";
import type { RunContext } from "../core/ports";
import { isOpen } from "../core/statuses";
import { cellAt } from "../core/table";
import type { RowUpdate } from "../core/write-back";
import type { OffersBook } from "./offers-book";

/** A spreadsheet error (`#N/A`), shown by the cell or typed; and formula-like text (`=cst`). */
export const ERROR_TEXT = /^#(N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|ERROR!?)$/i;
export const NOT_A_NAME = (text: string): boolean => text.startsWith("=") || ERROR_TEXT.test(text);

export interface CustomerStep {
  readonly book: OffersBook;
  /** A sync pass or new customers are left for a later execution. */
  readonly moreWork: boolean;
  /** Writes showing the resolved IDs on the rows (create runs only). */
  readonly updates: RowUpdate[];
}

/** What open rows typed in their customer cell other than a `cst_…` ID. */
export interface NamedCustomers {
  /** A name or an e-mail, by sheet row. */
  readonly texts: ReadonlyMap<number, string>;
  /** Cells that cannot name a customer (a checkbox, an error, a formula-like text). */
  readonly notNames: ReadonlySet<string>;
}

type CustomersFeature = typeof import("./customers-feature");

export function resolveOfferCustomers(
  ctx: RunContext,
  book: OffersBook,
  mode: "create" | "validate",
): CustomerStep {
  const columns = book.offersSheet.columns;
  const texts = new Map<number, string>();
  const notNames = new Set<string>();
  for (const row of book.offers) {
    if (!isOpen(row.status) || row.offerId !== "") continue;
    const cell = cellAt(book.offersSheet.table.rows[row.sheetRow - 2] ?? [], columns, "customerId");
    const text = isBlankCell(cell) ? "" : shownText(cell);
    if (text === "" || CUSTOMER_ID.test(text)) continue;
    if (typeof cell.value === "boolean" || NOT_A_NAME(text)) notNames.add(text);
    else texts.set(row.sheetRow, text);
  }
  if (texts.size === 0 && notNames.size === 0) return { book, moreWork: false, updates: [] };
  return feature<CustomersFeature>("customers").resolveNamedCustomers(ctx, book, mode, { texts, notNames });
}
