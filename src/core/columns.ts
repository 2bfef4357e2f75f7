// The three sheets the product uses, their columns, and matching a header row to them by name.

export const OFFERS_SHEET = "Offers";
export const LINES_SHEET = "Offer lines";
export const RUN_LOG_SHEET = "Run log";

export interface ColumnSpec<K extends string> {
  readonly key: K;
  readonly header: string;
  /** Number format setupSheets gives the column ("@" plain text, a date pattern, …). */
  readonly format?: string;
  /** Written by the product (never read as user input). */
  readonly output?: boolean;
  /** Hidden by setupSheets (the product's own bookkeeping). */
  readonly hidden?: boolean;
  /** Other headers that name the same column (another language, a shorter name). */
  readonly aliases?: readonly string[];
}

export type OfferKey =
  | "offerNumber"
  | "customerId"
  | "issuedAt"
  | "expiresAt"
  | "sendNotification"
  | "status"
  | "offerId"
  | "amount"
  | "message"
  | "createdAt"
  | "acceptedAt"
  | "rejectedAt"
  | "ref";

export const OFFER_COLUMNS: readonly ColumnSpec<OfferKey>[] = [
  { key: "offerNumber", header: "Offer number", format: "@" },
  // A customer ID, or a company name or e-mail found in Customers (CONTRACT §4a).
  { key: "customerId", header: "Customer ID", format: "@", aliases: ["Customer", "Klant", "Klant-ID"] },
  { key: "issuedAt", header: "Issued at", format: "yyyy-mm-dd" },
  { key: "expiresAt", header: "Expires at", format: "yyyy-mm-dd" },
  { key: "sendNotification", header: "Send notification" },
  { key: "status", header: "Status", format: "@", output: true },
  { key: "offerId", header: "Offer ID", format: "@", output: true },
  { key: "amount", header: "Amount", format: "@", output: true },
  { key: "message", header: "Message", format: "@", output: true },
  { key: "createdAt", header: "Created at", format: "@", output: true },
  { key: "acceptedAt", header: "Accepted at", format: "@", output: true },
  { key: "rejectedAt", header: "Rejected at", format: "@", output: true },
  // The row's ref in the ledger (hidden): it follows the row when people sort or edit it.
  { key: "ref", header: "MKP ref", format: "@", output: true, hidden: true },
];

export type LineKey = "offerNumber" | "description" | "amountExclVat" | "vatRate" | "message";

export const LINE_COLUMNS: readonly ColumnSpec<LineKey>[] = [
  { key: "offerNumber", header: "Offer number", format: "@" },
  { key: "description", header: "Description" },
  { key: "amountExclVat", header: "Amount excl. VAT", format: "0.00" },
  { key: "vatRate", header: "VAT rate" },
  { key: "message", header: "Message", format: "@", output: true },
];

export type RunLogKey =
  | "startedAt"
  | "action"
  | "startedBy"
  | "created"
  | "failed"
  | "invalid"
  | "skipped"
  | "pending"
  | "duration"
  | "message";

export const RUN_LOG_COLUMNS: readonly ColumnSpec<RunLogKey>[] = [
  { key: "startedAt", header: "Started at", format: "yyyy-mm-dd hh:mm:ss" },
  { key: "action", header: "Action", format: "@" },
  { key: "startedBy", header: "Started by", format: "@" },
  { key: "created", header: "Created", format: "0" },
  { key: "failed", header: "Failed", format: "0" },
  { key: "invalid", header: "Invalid", format: "0" },
  { key: "skipped", header: "Skipped", format: "0" },
  { key: "pending", header: "Still pending", format: "0" },
  { key: "duration", header: "Duration (s)", format: "0.0" },
  { key: "message", header: "Message", format: "@" },
];

/** `Amount excl. VAT`, `amountExclVat` and `amount_excl_vat` all become `amountexclvat`. */
export function normalizeHeader(text: unknown): string {
  return String(text ?? "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

/** 0-based column index of each known key in a header row; keys not found are absent. */
export type ColumnMap<K extends string> = Partial<Record<K, number>>;

export interface HeaderMatch<K extends string> {
  readonly columns: ColumnMap<K>;
  readonly missing: readonly ColumnSpec<K>[];
}

/** Matches a header row to the specs by name; the first column with a given name wins. */
export function matchHeaders<K extends string>(
  headerRow: readonly unknown[],
  specs: readonly ColumnSpec<K>[],
): HeaderMatch<K> {
  const byName = new Map<string, number>();
  headerRow.forEach((cell, index) => {
    const name = normalizeHeader(cell);
    if (name !== "" && !byName.has(name)) byName.set(name, index);
  });
  const columns: ColumnMap<K> = {};
  const missing: ColumnSpec<K>[] = [];
  for (const spec of specs) {
    const names = [spec.header, ...(spec.aliases ?? [])].map(normalizeHeader);
    const index = names.map((n) => byName.get(n)).find((i) => i !== undefined);
    if (index === undefined) missing.push(spec);
    else columns[spec.key] = index;
  }
  return { columns, missing };
}
