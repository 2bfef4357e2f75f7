// Rows of `Offers` (with their lines) → offer rows: status, the request body when everything is
// valid, otherwise every problem found, each naming its field (CONTRACT §5).

import { type Cell, errorText, isBlankCell, isErrorCell, quote, shownText } from "./cells";
import { type ColumnMap, fieldNames, OFFER_COLUMNS, type OfferKey } from "./columns";
import { addDays, dayNumber, ymdOfCell, type ZonedYmd } from "./dates";
import { language, pick } from "./language";
import type { CreateOfferBody, LineRow, OfferRow } from "./offer-types";
import type { ParsedLines } from "./parse-lines";
import { bad, ok, type Parsed } from "./result";
import { statusOf } from "./statuses";
import { cellAt, FIRST_DATA_ROW, offerKey, type SheetTable, sheetLabel } from "./table";
import type { SheetLocale } from "./text-locale";
import { texts } from "./texts";
import type { FieldNames } from "./texts-bundled";
import { SHAPES_TEXTS } from "./texts-shapes";

export const MAX_OFFER_NUMBER_LENGTH = 50;
export const MAX_CUSTOMER_ID_LENGTH = 100;
export const DEFAULT_VALIDITY_DAYS = 30;
const CUSTOMER_ID = /^cst_[A-Za-z0-9]+$/;

type InputKey = "offerNumber" | "customerId" | "issuedAt" | "expiresAt" | "sendNotification";
const INPUT_KEYS: readonly InputKey[] = [
  "offerNumber",
  "customerId",
  "issuedAt",
  "expiresAt",
  "sendNotification",
];

export { statusOf };

const TRUE_WORDS = new Set(["true", "yes", "ja", "y", "j", "1", "waar", "x"]);
const FALSE_WORDS = new Set(["false", "no", "nee", "n", "0", "onwaar"]);

/** Checkbox / TRUE / FALSE / yes / no / ja / nee; blank means "do not send the field". */
export function notificationOfCell(cell: Cell): Parsed<boolean | null> {
  if (typeof cell.value === "boolean") return ok(cell.value);
  if (isBlankCell(cell)) return ok(null);
  const word = shownText(cell).toLowerCase();
  if (TRUE_WORDS.has(word)) return ok(true);
  if (FALSE_WORDS.has(word)) return ok(false);
  return bad(texts().notYesNo(quote(shownText(cell))));
}

function textField(cell: Cell, field: string): Parsed<string> {
  if (isErrorCell(cell)) return bad(texts().cellError(field, errorText(cell)));
  const text = shownText(cell);
  return text === "" ? bad(texts().missing(field)) : ok(text);
}

/** How many lines' problems an offer's Message lists; the rest are counted (each line has its own Message). */
export const MAX_LISTED_LINES = 10;

/** One entry per line with problems: "Line 2 (row 19 of Offer lines): Description missing, …". */
function lineProblems(lines: readonly LineRow[], parsed: ParsedLines): string[] {
  const sheet = parsed.sheetName;
  const listed = lines.flatMap((line, i) =>
    line.problems.length === 0 ? [] : [texts().lineProblems(i + 1, line.sheetRow, sheet, line.problems)],
  );
  if (listed.length <= MAX_LISTED_LINES) return listed;
  const more = pick(SHAPES_TEXTS).moreLines(listed.length - MAX_LISTED_LINES, sheet, parsed.messageHeader);
  return [...listed.slice(0, MAX_LISTED_LINES), more];
}

interface ParseContext {
  readonly columns: ColumnMap<OfferKey>;
  readonly lines: ParsedLines;
  readonly zonedYmd: ZonedYmd;
  readonly locale: SheetLocale | undefined;
  /** The Offers sheet's name, for messages. */
  readonly offersSheet: string;
  /** Field names as messages use them: those of the language the sheet's headers are in. */
  readonly fields: FieldNames;
  /** Offer key → sheet rows holding it, to report duplicates. */
  readonly rowsByKey: ReadonlyMap<string, readonly number[]>;
  /** A company name or e-mail → its customer ID, or why not (app/customer-step.ts). */
  readonly resolveCustomer?: ((text: string) => Parsed<string>) | undefined;
}

function parseOfferRow(row: readonly Cell[], sheetRow: number, ctx: ParseContext): OfferRow {
  const cell = (key: OfferKey) => cellAt(row, ctx.columns, key);
  const field = (key: InputKey): string => ctx.fields[key];
  const problems: string[] = [];
  const need = <T>(p: Parsed<T>): T | null => {
    if (p.ok) return p.value;
    problems.push(p.problem);
    return null;
  };

  let offerNumber = need(textField(cell("offerNumber"), field("offerNumber")));
  if (offerNumber !== null && offerNumber.length > MAX_OFFER_NUMBER_LENGTH) {
    problems.push(texts().tooLong(field("offerNumber"), offerNumber.length, MAX_OFFER_NUMBER_LENGTH));
  }
  const key = offerNumber === null ? "" : offerKey(offerNumber);
  const others = (ctx.rowsByKey.get(key) ?? []).filter((r) => r !== sheetRow);
  if (key !== "" && others.length > 0) {
    problems.push(texts().duplicateNumber(field("offerNumber"), offerNumber ?? "", others, ctx.offersSheet));
  }

  // With a resolver, an error cell is explained there too (what to type, the header as the sheet names it).
  const customerCell = cell("customerId");
  let customerId =
    ctx.resolveCustomer && isErrorCell(customerCell)
      ? errorText(customerCell)
      : need(textField(customerCell, field("customerId")));
  const resolved =
    customerId !== null && !CUSTOMER_ID.test(customerId) ? ctx.resolveCustomer?.(customerId) : undefined;
  if (resolved?.ok) customerId = resolved.value;
  else if (resolved) problems.push(resolved.problem);
  else if (
    customerId !== null &&
    (!CUSTOMER_ID.test(customerId) || customerId.length > MAX_CUSTOMER_ID_LENGTH)
  ) {
    problems.push(texts().badCustomerId(field("customerId"), quote(customerId)));
  }

  const dateOf = (key: "issuedAt" | "expiresAt"): string | null => {
    const c = cell(key);
    if (isErrorCell(c)) return need(bad(texts().cellError(field(key), errorText(c))));
    const p = ymdOfCell(c, ctx.zonedYmd, ctx.locale);
    return p.ok ? p.value : need(bad(texts().fieldProblem(field(key), p.problem)));
  };
  const issuedAt = isBlankCell(cell("issuedAt"))
    ? need(bad(texts().missing(field("issuedAt"))))
    : dateOf("issuedAt");
  let expiresAt = isBlankCell(cell("expiresAt"))
    ? issuedAt === null
      ? null
      : addDays(issuedAt, DEFAULT_VALIDITY_DAYS)
    : dateOf("expiresAt");
  if (issuedAt !== null && expiresAt !== null && dayNumber(expiresAt) < dayNumber(issuedAt)) {
    problems.push(texts().expiresBeforeIssued(field("expiresAt"), expiresAt, field("issuedAt"), issuedAt));
    expiresAt = null;
  }

  const notifyCell = cell("sendNotification");
  const notify = isErrorCell(notifyCell)
    ? need(bad(texts().cellError(field("sendNotification"), errorText(notifyCell))))
    : need(mapProblem(notificationOfCell(notifyCell), field("sendNotification")));

  const lines = key === "" ? [] : (ctx.lines.byOffer.get(key) ?? []);
  if (offerNumber !== null && lines.length === 0) {
    problems.push(texts().noLines(offerNumber, ctx.lines.sheetName));
  }
  problems.push(...lineProblems(lines, ctx.lines));

  let body: CreateOfferBody | null = null;
  if (
    problems.length === 0 &&
    offerNumber !== null &&
    customerId !== null &&
    issuedAt !== null &&
    expiresAt
  ) {
    const lineBodies = lines.flatMap((l) => (l.line ? [l.line] : []));
    body = {
      customerId,
      offerNumber,
      issuedAt,
      expiresAt,
      lines: lineBodies,
      ...(typeof notify === "boolean" ? { sendNotification: notify } : {}),
    };
  }
  offerNumber ??= shownText(cell("offerNumber"));
  const statusText = shownText(cell("status"));
  return {
    sheetRow,
    key,
    offerNumber,
    customerId: customerId ?? "",
    status: statusOf(statusText),
    statusText,
    offerId: shownText(cell("offerId")),
    message: shownText(cell("message")),
    expiresAt,
    ref: shownText(cell("ref")),
    body,
    problems,
  };
}

function mapProblem<T>(p: Parsed<T>, field: string): Parsed<T> {
  return p.ok ? p : bad(texts().fieldProblem(field, p.problem));
}

/**
 * Nothing a person typed in an Offers input cell: blank, or Send notification saying no (an
 * unticked checkbox with its own values, such as Ja / Nee, holds "Nee").
 */
export function isBlankOfferCell(cell: Cell, key: OfferKey): boolean {
  if (isBlankCell(cell)) return true;
  const notify = key === "sendNotification" ? notificationOfCell(cell) : null;
  return notify?.ok === true && notify.value === false;
}

export function isBlankOfferRow(row: readonly Cell[], columns: ColumnMap<OfferKey>): boolean {
  return INPUT_KEYS.every((key) => isBlankOfferCell(cellAt(row, columns, key), key));
}

/**
 * Every non-blank row of Offers, parsed and validated. `locale`: the spreadsheet's, for dates typed
 * as text (omitted: only ISO dates).
 */
export function parseOffers(
  table: SheetTable,
  columns: ColumnMap<OfferKey>,
  lines: ParsedLines,
  zonedYmd: ZonedYmd,
  options: {
    /** How text dates and amounts read (the spreadsheet's locale); none: ISO dates, English amounts. */
    readonly locale?: SheetLocale;
    /** A company name or e-mail → its customer ID, or why not (app/customer-step.ts). */
    readonly resolveCustomer?: (text: string) => Parsed<string>;
  } = {},
): OfferRow[] {
  const rowsByKey = new Map<string, number[]>();
  const filled: { row: readonly Cell[]; sheetRow: number }[] = [];
  table.rows.forEach((row, i) => {
    if (isBlankOfferRow(row, columns)) return;
    const sheetRow = i + FIRST_DATA_ROW;
    filled.push({ row, sheetRow });
    const numberCell = cellAt(row, columns, "offerNumber");
    if (isErrorCell(numberCell)) return;
    const key = offerKey(shownText(numberCell));
    if (key === "") return;
    const list = rowsByKey.get(key);
    if (list) list.push(sheetRow);
    else rowsByKey.set(key, [sheetRow]);
  });
  const fields = fieldNames(table.header, OFFER_COLUMNS, language());
  const ctx: ParseContext = {
    columns,
    lines,
    zonedYmd,
    locale: options.locale,
    rowsByKey,
    resolveCustomer: options.resolveCustomer,
    offersSheet: sheetLabel(table, "offers"),
    fields,
  };
  return filled.map(({ row, sheetRow }) => parseOfferRow(row, sheetRow, ctx));
}

/** Lines whose offer number matches no row of Offers, or that have none. */
export function orphanLines(offers: readonly OfferRow[], lines: ParsedLines): LineRow[] {
  const known = new Set(offers.map((o) => o.key));
  const orphans: LineRow[] = [...lines.withoutNumber];
  for (const [key, rows] of lines.byOffer) if (!known.has(key)) orphans.push(...rows);
  return orphans.sort((a, b) => a.sheetRow - b.sheetRow);
}
