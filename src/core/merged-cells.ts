// Cells merged over several rows keep their value in the top row only: the rows below read blank.
// A blank required field under a merge is explained as such, and lines left without an offer number
// by a merge make their offer invalid (it would go out without them). Nothing is ever filled in.

import {
  type ColumnMap,
  fieldNames,
  LINE_COLUMNS,
  type LineKey,
  OFFER_COLUMNS,
  type OfferKey,
} from "./columns";
import { language, pick } from "./language";
import type { OfferRow } from "./offer-types";
import type { ParsedLines } from "./parse-lines";
import type { CellBlock } from "./ports";
import { isOpen } from "./statuses";
import type { SheetTable } from "./table";
import { texts } from "./texts";
import type { FieldNames } from "./texts-bundled";
import { SHAPES_TEXTS } from "./texts-shapes";

const REQUIRED: readonly ("offerNumber" | "customerId" | "issuedAt")[] = [
  "offerNumber",
  "customerId",
  "issuedAt",
];

const fieldsOf = (table: SheetTable, specs: typeof OFFER_COLUMNS | typeof LINE_COLUMNS): FieldNames =>
  fieldNames(table.header, specs, language());

/** The merge holding a cell below its top row (1-based), if any. */
const mergeBelowTop = (merges: readonly CellBlock[], row: number, column: number): CellBlock | undefined =>
  merges.find(
    (m) => m.row < row && row < m.row + m.numRows && m.column <= column && column < m.column + m.numColumns,
  );

/** Whether an open row misses a required field: only then is it worth asking Sheets for merges. */
export function offersNeedMergeCheck(offers: readonly OfferRow[], table: SheetTable): boolean {
  const fields = fieldsOf(table, OFFER_COLUMNS);
  const missing = REQUIRED.map((k) => texts().missing(fields[k]));
  return offers.some((o) => isOpen(o.status) && o.problems.some((p) => missing.includes(p)));
}

/** Whether some line has no offer number while some offer is still to be sent. */
export function linesNeedMergeCheck(offers: readonly OfferRow[], lines: ParsedLines): boolean {
  return lines.withoutNumber.length > 0 && offers.some((o) => isOpen(o.status));
}

/** Offers' "X missing" problems of cells under a merge, said as such. */
export function explainMergedOffers(
  offers: readonly OfferRow[],
  merges: readonly CellBlock[],
  table: SheetTable,
  columns: ColumnMap<OfferKey>,
): OfferRow[] {
  if (merges.length === 0) return [...offers];
  const fields = fieldsOf(table, OFFER_COLUMNS);
  return offers.map((o) => {
    let problems = o.problems;
    for (const key of REQUIRED) {
      const c = columns[key];
      const m = c === undefined ? undefined : mergeBelowTop(merges, o.sheetRow, c + 1);
      if (!m) continue;
      const missing = texts().missing(fields[key]);
      const told = pick(SHAPES_TEXTS).mergedField(fields[key], m.row, m.row + m.numRows - 1);
      problems = problems.map((p) => (p === missing ? told : p));
    }
    return problems === o.problems ? o : { ...o, problems };
  });
}

/** Offers whose lines continue below a merged offer-number cell: invalid, saying which rows. */
export function explainMergedLines(
  offers: readonly OfferRow[],
  lines: ParsedLines,
  merges: readonly CellBlock[],
  table: SheetTable,
  columns: ColumnMap<LineKey>,
): OfferRow[] {
  const c = columns.offerNumber;
  if (merges.length === 0 || c === undefined) return [...offers];
  const keyOfRow = new Map<number, string>();
  for (const [key, rows] of lines.byOffer) for (const l of rows) keyOfRow.set(l.sheetRow, key);
  const cut = new Map<string, number[]>();
  for (const line of lines.withoutNumber) {
    const m = mergeBelowTop(merges, line.sheetRow, c + 1);
    const key = m ? keyOfRow.get(m.row) : undefined;
    if (key !== undefined) cut.set(key, [...(cut.get(key) ?? []), line.sheetRow]);
  }
  if (cut.size === 0) return [...offers];
  const field = fieldsOf(table, LINE_COLUMNS).offerNumber;
  return offers.map((o) => {
    const rows = cut.get(o.key);
    if (!rows) return o;
    const problem = pick(SHAPES_TEXTS).mergedLines(field, rows, lines.sheetName);
    return { ...o, body: null, problems: [...o.problems, problem] };
  });
}
