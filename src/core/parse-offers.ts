// Rows of `Offers` (with their lines) → offer rows: status, the request body when everything is
// valid, otherwise every problem found, each naming its field (CONTRACT §5).

import { type Cell, errorText, isBlankCell, isErrorCell, quote, shownText } from "./cells";
import { type ColumnMap, OFFER_COLUMNS, type OfferKey } from "./columns";
import { addDays, dayNumber, ymdOfCell, type ZonedYmd } from "./dates";
import type { CreateOfferBody, LineRow, OfferRow, OfferStatus } from "./offer-types";
import type { ParsedLines } from "./parse-lines";
import { bad, ok, type Parsed } from "./result";
import { cellAt, FIRST_DATA_ROW, offerKey, type SheetTable } from "./table";

export const MAX_OFFER_NUMBER_LENGTH = 50;
export const MAX_CUSTOMER_ID_LENGTH = 100;
export const DEFAULT_VALIDITY_DAYS = 30;
const CUSTOMER_ID = /^cst_[A-Za-z0-9]+$/;

const INPUT_KEYS: readonly OfferKey[] = [
  "offerNumber",
  "customerId",
  "issuedAt",
  "expiresAt",
  "sendNotification",
];
const header = (key: OfferKey): string => OFFER_COLUMNS.find((c) => c.key === key)?.header ?? key;

const STATUSES: Readonly<Record<string, OfferStatus>> = {
  "": "pending",
  pending: "pending",
  invalid: "invalid",
  sending: "sending",
  created: "created",
  failed: "failed",
  accepted: "accepted",
  rejected: "rejected",
  expired: "expired",
  skip: "skip",
  warning: "warning",
  "send anyway": "sendAnyway",
};

export function statusOf(text: string): OfferStatus {
  return STATUSES[text.trim().toLowerCase().replace(/\s+/g, " ")] ?? "unknown";
}

const TRUE_WORDS = new Set(["true", "yes", "ja", "y", "j", "1", "waar", "x"]);
const FALSE_WORDS = new Set(["false", "no", "nee", "n", "0", "onwaar"]);

/** Checkbox / TRUE / FALSE / yes / no / ja / nee; blank means "do not send the field". */
export function notificationOfCell(cell: Cell): Parsed<boolean | null> {
  if (typeof cell.value === "boolean") return ok(cell.value);
  if (isBlankCell(cell)) return ok(null);
  const word = shownText(cell).toLowerCase();
  if (TRUE_WORDS.has(word)) return ok(true);
  if (FALSE_WORDS.has(word)) return ok(false);
  return bad(`${quote(shownText(cell))} is not yes or no (tick the box, or type yes/no, ja/nee)`);
}

function textField(cell: Cell, key: OfferKey): Parsed<string> {
  if (isErrorCell(cell)) return bad(`${header(key)}: the cell shows the error ${errorText(cell)}`);
  const text = shownText(cell);
  return text === "" ? bad(`${header(key)}: missing`) : ok(text);
}

function lineProblems(lines: readonly LineRow[]): string[] {
  return lines.flatMap((line, i) =>
    line.problems.map((p) => `Line ${i + 1} (row ${line.sheetRow} of Offer lines): ${p}`),
  );
}

interface ParseContext {
  readonly columns: ColumnMap<OfferKey>;
  readonly lines: ParsedLines;
  readonly zonedYmd: ZonedYmd;
  /** Offer key → sheet rows holding it, to report duplicates. */
  readonly rowsByKey: ReadonlyMap<string, readonly number[]>;
  /** A company name or e-mail → its customer ID, or why not (app/customer-step.ts). */
  readonly resolveCustomer?: ((text: string) => Parsed<string>) | undefined;
}

function parseOfferRow(row: readonly Cell[], sheetRow: number, ctx: ParseContext): OfferRow {
  const cell = (key: OfferKey) => cellAt(row, ctx.columns, key);
  const problems: string[] = [];
  const need = <T>(p: Parsed<T>): T | null => {
    if (p.ok) return p.value;
    problems.push(p.problem);
    return null;
  };

  let offerNumber = need(textField(cell("offerNumber"), "offerNumber"));
  if (offerNumber !== null && offerNumber.length > MAX_OFFER_NUMBER_LENGTH) {
    problems.push(
      `Offer number: is ${offerNumber.length} characters long, at most ${MAX_OFFER_NUMBER_LENGTH} are allowed`,
    );
  }
  const key = offerNumber === null ? "" : offerKey(offerNumber);
  const others = (ctx.rowsByKey.get(key) ?? []).filter((r) => r !== sheetRow);
  if (key !== "" && others.length > 0) {
    problems.push(`Offer number: ${offerNumber} is also used in row ${others.join(", ")} of Offers`);
  }

  // With a resolver, an error cell is explained there too (what to type, the header as the sheet names it).
  const customerCell = cell("customerId");
  let customerId =
    ctx.resolveCustomer && isErrorCell(customerCell)
      ? errorText(customerCell)
      : need(textField(customerCell, "customerId"));
  const resolved =
    customerId !== null && !CUSTOMER_ID.test(customerId) ? ctx.resolveCustomer?.(customerId) : undefined;
  if (resolved?.ok) customerId = resolved.value;
  else if (resolved) problems.push(resolved.problem);
  else if (
    customerId !== null &&
    (!CUSTOMER_ID.test(customerId) || customerId.length > MAX_CUSTOMER_ID_LENGTH)
  ) {
    problems.push(`Customer ID: ${quote(customerId)} is not a customer ID (it looks like cst_abc123)`);
  }

  const dateOf = (key: OfferKey): string | null => {
    const c = cell(key);
    if (isErrorCell(c)) return need(bad(`${header(key)}: the cell shows the error ${errorText(c)}`));
    const p = ymdOfCell(c, ctx.zonedYmd);
    return p.ok ? p.value : need(bad(`${header(key)}: ${p.problem}`));
  };
  const issuedAt = isBlankCell(cell("issuedAt")) ? need(bad("Issued at: missing")) : dateOf("issuedAt");
  let expiresAt = isBlankCell(cell("expiresAt"))
    ? issuedAt === null
      ? null
      : addDays(issuedAt, DEFAULT_VALIDITY_DAYS)
    : dateOf("expiresAt");
  if (issuedAt !== null && expiresAt !== null && dayNumber(expiresAt) < dayNumber(issuedAt)) {
    problems.push(`Expires at: ${expiresAt} is before Issued at ${issuedAt}`);
    expiresAt = null;
  }

  const notifyCell = cell("sendNotification");
  const notify = isErrorCell(notifyCell)
    ? need(bad(`Send notification: the cell shows the error ${errorText(notifyCell)}`))
    : need(mapProblem(notificationOfCell(notifyCell), "Send notification"));

  const lines = key === "" ? [] : (ctx.lines.byOffer.get(key) ?? []);
  if (offerNumber !== null && lines.length === 0) {
    problems.push(`Lines: no rows in Offer lines have offer number ${offerNumber}`);
  }
  problems.push(...lineProblems(lines));

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
  return p.ok ? p : bad(`${field}: ${p.problem}`);
}

export function isBlankOfferRow(row: readonly Cell[], columns: ColumnMap<OfferKey>): boolean {
  return INPUT_KEYS.every((key) => isBlankCell(cellAt(row, columns, key)));
}

/** Every non-blank row of Offers, parsed and validated. */
export function parseOffers(
  table: SheetTable,
  columns: ColumnMap<OfferKey>,
  lines: ParsedLines,
  zonedYmd: ZonedYmd,
  resolveCustomer?: (text: string) => Parsed<string>,
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
  const ctx: ParseContext = { columns, lines, zonedYmd, rowsByKey, resolveCustomer };
  return filled.map(({ row, sheetRow }) => parseOfferRow(row, sheetRow, ctx));
}

/** Lines whose offer number matches no row of Offers, or that have none. */
export function orphanLines(offers: readonly OfferRow[], lines: ParsedLines): LineRow[] {
  const known = new Set(offers.map((o) => o.key));
  const orphans: LineRow[] = [...lines.withoutNumber];
  for (const [key, rows] of lines.byOffer) if (!known.has(key)) orphans.push(...rows);
  return orphans.sort((a, b) => a.sheetRow - b.sheetRow);
}
