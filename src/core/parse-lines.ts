// Rows of `Offer lines` → line rows: description, amount in cents (sent as a 2-decimal string) and
// VAT rate, each with the problems found, grouped by the offer they belong to.

import { type Cell, errorText, isBlankCell, isErrorCell, quote, shownText } from "./cells";
import { type ColumnMap, LINE_COLUMNS, type LineKey } from "./columns";
import { centsOfCell, formatCents } from "./money";
import type { LineRow } from "./offer-types";
import { bad, ok, type Parsed } from "./result";
import { cellAt, FIRST_DATA_ROW, offerKey, type SheetTable } from "./table";
import type { SheetLocale } from "./text-locale";

export const MAX_DESCRIPTION_LENGTH = 2000;
export const VAT_RATES: readonly number[] = [21, 9, 0];

const INPUT_KEYS: readonly LineKey[] = ["offerNumber", "description", "amountExclVat", "vatRate"];
const header = (key: LineKey): string => LINE_COLUMNS.find((c) => c.key === key)?.header ?? key;

/** A field's problem, named as the user sees the column: `VAT rate: 20 is not 21, 9 or 0`. */
function fieldProblem(key: LineKey, cell: Cell, parse: (cell: Cell) => Parsed<unknown>): string | null {
  if (isErrorCell(cell)) return `${header(key)}: the cell shows the error ${errorText(cell)}`;
  if (isBlankCell(cell) && cell.value !== false) return `${header(key)}: missing`;
  const parsed = parse(cell);
  return parsed.ok ? null : `${header(key)}: ${parsed.problem}`;
}

export function vatRateOfCell(cell: Cell): Parsed<number> {
  let rate: number;
  const v = cell.value;
  if (typeof v === "number") {
    // A percent-formatted cell holding 0.21 shows 21%.
    rate = cell.format.includes("%") ? v * 100 : v;
  } else if (typeof v === "string") {
    const text = shownText(cell).replace(/\s/g, "").replace(",", ".");
    const m = /^(-?\d+(?:\.\d+)?)(%?)$/.exec(text);
    if (!m) return bad(`${quote(shownText(cell))} is not a VAT rate (use 21, 9 or 0)`);
    rate = Number(m[1]);
  } else {
    return bad("is not a VAT rate (use 21, 9 or 0)");
  }
  const rounded = Math.round(rate);
  if (Math.abs(rate - rounded) > 1e-9 || !VAT_RATES.includes(rounded)) {
    const shown = shownText(cell) || String(v);
    return bad(`${shown} is not an allowed rate (use 21, 9 or 0)`);
  }
  return ok(rounded);
}

function descriptionOfCell(cell: Cell): Parsed<string> {
  const text = shownText(cell);
  if (text === "") return bad("missing");
  if (text.length > MAX_DESCRIPTION_LENGTH) {
    return bad(`is ${text.length} characters long, at most ${MAX_DESCRIPTION_LENGTH} are allowed`);
  }
  return ok(text);
}

/** `locale`: the spreadsheet's, for amounts typed as text (omitted: read as in an English sheet). */
export function parseLineRow(
  row: readonly Cell[],
  columns: ColumnMap<LineKey>,
  sheetRow: number,
  locale: SheetLocale = "",
): LineRow | null {
  if (INPUT_KEYS.every((key) => isBlankCell(cellAt(row, columns, key)))) return null;
  const numberCell = cellAt(row, columns, "offerNumber");
  const offerNumber = isErrorCell(numberCell) ? "" : shownText(numberCell);
  const problems: string[] = [];
  const description = cellAt(row, columns, "description");
  const amount = cellAt(row, columns, "amountExclVat");
  const vat = cellAt(row, columns, "vatRate");
  const p1 = fieldProblem("description", description, descriptionOfCell);
  const amountOf = (c: Cell) => centsOfCell(c, locale);
  const p2 = fieldProblem("amountExclVat", amount, amountOf);
  const p3 = fieldProblem("vatRate", vat, vatRateOfCell);
  for (const p of [p1, p2, p3]) if (p !== null) problems.push(p);
  const d = descriptionOfCell(description);
  const a = amountOf(amount);
  const r = vatRateOfCell(vat);
  const line =
    problems.length === 0 && d.ok && a.ok && r.ok
      ? { description: d.value, amountExclVat: formatCents(a.value), vatRate: r.value }
      : null;
  return { sheetRow, key: offerKey(offerNumber), offerNumber, line, problems };
}

export interface ParsedLines {
  readonly byOffer: ReadonlyMap<string, readonly LineRow[]>;
  /** Lines with no offer number at all. */
  readonly withoutNumber: readonly LineRow[];
}

export function parseLines(
  table: SheetTable,
  columns: ColumnMap<LineKey>,
  locale: SheetLocale = "",
): ParsedLines {
  const byOffer = new Map<string, LineRow[]>();
  const withoutNumber: LineRow[] = [];
  table.rows.forEach((row, i) => {
    const line = parseLineRow(row, columns, i + FIRST_DATA_ROW, locale);
    if (line === null) return;
    if (line.key === "") {
      withoutNumber.push(line);
      return;
    }
    const list = byOffer.get(line.key);
    if (list) list.push(line);
    else byOffer.set(line.key, [line]);
  });
  return { byOffer, withoutNumber };
}
