// Rows of `Offer lines` → line rows: description, amount in cents (sent as a 2-decimal string) and
// VAT rate, each with the problems found, grouped by the offer they belong to.

import { type Cell, errorText, isBlankCell, isErrorCell, quote, shownText } from "./cells";
import { type ColumnMap, fieldNames, LINE_COLUMNS, type LineKey } from "./columns";
import { language } from "./language";
import { centsOfCell, formatCents } from "./money";
import type { LineRow } from "./offer-types";
import { bad, ok, type Parsed } from "./result";
import { cellAt, FIRST_DATA_ROW, offerKey, type SheetTable, sheetLabel } from "./table";
import type { SheetLocale } from "./text-locale";
import { texts } from "./texts";
import { FIELD_NAMES, type FieldNames } from "./texts-bundled";

export const MAX_DESCRIPTION_LENGTH = 2000;
export const VAT_RATES: readonly number[] = [21, 9, 0];

const INPUT_KEYS: readonly LineKey[] = ["offerNumber", "description", "amountExclVat", "vatRate"];
/** Field names as messages use them: those of the language the sheet's headers are in. */
type Fields = FieldNames;

/** A field's problem, named as the user reads the column: `VAT rate: 20 is not an allowed rate …`. */
function fieldProblem(field: string, cell: Cell, parse: (cell: Cell) => Parsed<unknown>): string | null {
  if (isErrorCell(cell)) return texts().cellError(field, errorText(cell));
  if (isBlankCell(cell) && cell.value !== false) return texts().missing(field);
  const parsed = parse(cell);
  return parsed.ok ? null : texts().fieldProblem(field, parsed.problem);
}

/**
 * A percent-formatted cell holding 0.21 shows 21%. Told from the shown text (the sheet's formats are
 * not read for lines): a % there is a percent format when the shown number is the value × 100, not
 * a literal % in a custom format such as `0" %"`.
 */
function percentFormatted(v: number, cell: Cell): boolean {
  const shown = /(-?\d+(?:[.,]\d+)?)%/.exec(cell.display.replace(/\s/g, ""));
  if (!shown?.[1]) return cell.display === "" && cell.format.includes("%");
  const s = Number(shown[1].replace(",", "."));
  return Math.abs(v * 100 - s) < Math.abs(v - s);
}

export function vatRateOfCell(cell: Cell): Parsed<number> {
  let rate: number;
  const v = cell.value;
  if (typeof v === "number") {
    rate = percentFormatted(v, cell) ? v * 100 : v;
  } else if (typeof v === "string") {
    const text = shownText(cell).replace(/\s/g, "").replace(",", ".");
    const m = /^(-?\d+(?:\.\d+)?)(%?)$/.exec(text);
    if (!m) return bad(texts().notVatRate(quote(shownText(cell))));
    rate = Number(m[1]);
  } else {
    return bad(texts().notVatRate(quote(cell.display || String(v))));
  }
  const rounded = Math.round(rate);
  if (Math.abs(rate - rounded) > 1e-9 || !VAT_RATES.includes(rounded)) {
    const shown = shownText(cell) || String(v);
    return bad(texts().notAllowedRate(shown));
  }
  return ok(rounded);
}

/** The description, or its problem named with the field (missing, an error cell, too long). */
function descriptionProblem(cell: Cell, field: string): string | null {
  if (isErrorCell(cell)) return texts().cellError(field, errorText(cell));
  const text = shownText(cell);
  if (text === "") return texts().missing(field);
  if (text.length > MAX_DESCRIPTION_LENGTH) {
    return texts().tooLong(field, text.length, MAX_DESCRIPTION_LENGTH);
  }
  return null;
}

/** `locale`: the spreadsheet's, for amounts typed as text (omitted: read as in an English sheet). */
export function parseLineRow(
  row: readonly Cell[],
  columns: ColumnMap<LineKey>,
  sheetRow: number,
  fields: Fields = FIELD_NAMES[language()],
  locale: SheetLocale = "",
): LineRow | null {
  if (INPUT_KEYS.every((key) => isBlankCell(cellAt(row, columns, key)))) return null;
  const numberCell = cellAt(row, columns, "offerNumber");
  const offerNumber = isErrorCell(numberCell) ? "" : shownText(numberCell);
  const problems: string[] = [];
  const description = cellAt(row, columns, "description");
  const amount = cellAt(row, columns, "amountExclVat");
  const vat = cellAt(row, columns, "vatRate");
  const p1 = descriptionProblem(description, fields.description);
  const amountOf = (c: Cell) => centsOfCell(c, locale);
  const p2 = fieldProblem(fields.amountExclVat, amount, amountOf);
  const p3 = fieldProblem(fields.vatRate, vat, vatRateOfCell);
  for (const p of [p1, p2, p3]) if (p !== null) problems.push(p);
  const a = amountOf(amount);
  const r = vatRateOfCell(vat);
  const line =
    problems.length === 0 && a.ok && r.ok
      ? { description: shownText(description), amountExclVat: formatCents(a.value), vatRate: r.value }
      : null;
  const numberError = isErrorCell(numberCell)
    ? { numberError: texts().cellError(fields.offerNumber, errorText(numberCell)) }
    : {};
  return { sheetRow, key: offerKey(offerNumber), offerNumber, line, problems, ...numberError };
}

export interface ParsedLines {
  readonly byOffer: ReadonlyMap<string, readonly LineRow[]>;
  /** Lines with no offer number at all. */
  readonly withoutNumber: readonly LineRow[];
  /** The Offer lines sheet's name, for messages. */
  readonly sheetName: string;
  /** The header of the lines' Message column, when there is one (each line's problems are there). */
  readonly messageHeader?: string;
}

export function parseLines(
  table: SheetTable,
  columns: ColumnMap<LineKey>,
  locale: SheetLocale = "",
): ParsedLines {
  const fields = fieldNames(table.header, LINE_COLUMNS, language());
  const byOffer = new Map<string, LineRow[]>();
  const withoutNumber: LineRow[] = [];
  table.rows.forEach((row, i) => {
    const line = parseLineRow(row, columns, i + FIRST_DATA_ROW, fields, locale);
    if (line === null) return;
    if (line.key === "") {
      withoutNumber.push(line);
      return;
    }
    const list = byOffer.get(line.key);
    if (list) list.push(line);
    else byOffer.set(line.key, [line]);
  });
  const message = columns.message === undefined ? "" : String(table.header[columns.message] ?? "").trim();
  return {
    byOffer,
    withoutNumber,
    sheetName: sheetLabel(table, "lines"),
    ...(message ? { messageHeader: message } : {}),
  };
}
