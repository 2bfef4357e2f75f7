// The services a use case is given, as small interfaces: the shell implements them with Apps Script,
// tests fake them. Core code only names these types; nothing here does anything.

import type { HeaderMatch, LineKey, OfferKey } from "./columns";
import type { CustomerSheets } from "./customer-ports";
import type { LedgerEntry } from "./ledger";
import type { RunCounts } from "./plan-run";
import type { Exchange } from "./responses";
import type { SheetTable } from "./table";
import type { RowUpdate } from "./write-back";

export interface ApiRequest {
  readonly method: "get" | "post" | "patch";
  /** Path under the base URL, e.g. `/customer-offers/manual`. */
  readonly path: string;
  readonly body?: unknown;
}

/** One round trip: every request of the batch goes out in parallel; answers come in order. */
export interface HttpClient {
  send(requests: readonly ApiRequest[]): Exchange[];
}

export interface KeyValueStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
}

/** A cache: values may vanish at any time (never the only copy of anything that matters). */
export interface ExpiringStore {
  get(key: string): string | null;
  put(key: string, value: string, seconds: number): void;
}

export interface Stores {
  /** Shared by everyone using the spreadsheet. */
  readonly document: KeyValueStore;
  /** The current user's own (the API key lives here). */
  readonly user: KeyValueStore;
  /** Shared by every user of the script (MKP_BASE_URL). Read only. */
  readonly script: Pick<KeyValueStore, "get">;
  readonly userCache: ExpiringStore | null;
  readonly documentCache: ExpiringStore | null;
}

export interface Clock {
  now(): number;
  sleep(ms: number): void;
  /** In [0, 1): jitter and tokens. */
  random(): number;
}

export interface Notifier {
  progress(message: string): void;
  done(message: string): void;
  problem(message: string): void;
}

/** A sheet read in one go: the header match, the cells, and whether columns are plain text. */
export interface TableRead<K extends string> extends HeaderMatch<K> {
  readonly table: SheetTable;
  /** Every data cell in these columns is formatted as plain text. */
  readonly plainText: (keys: readonly K[]) => boolean;
}

/** A cell whose write Sheets refused: a data validation rule that rejects other values, or a protection. */
export interface RefusedWrite {
  readonly sheet: string;
  readonly row: number;
  /** The column's header as the sheet shows it. */
  readonly header: string;
  /** In Offers: the update of that row, not (or not wholly) written. */
  readonly update?: RowUpdate;
}

/** The product's own sheets, as the use cases see them: reads once, writes by offer number. */
export interface Workbook {
  /** Offers and Offer lines (one data-range read each), or the name of a sheet that is missing. */
  readOffersAndLines():
    | { readonly offers: TableRead<OfferKey>; readonly lines: TableRead<LineKey> }
    | { readonly missingSheet: string };
  timeZone(): string;
  /** The spreadsheet's locale (e.g. "nl_NL", "en_US"): how dates and amounts typed as text read. */
  locale(): string;
  /**
   * Writes updates into the rows that hold their offer numbers now (header row and offer-number
   * column read again first). Returns the updates whose row is gone. `known` are the columns as
   * read at the start, to skip formatting cells already plain text.
   */
  writeOfferUpdates(updates: readonly RowUpdate[], known: TableRead<OfferKey>): RowUpdate[];
  /** Rows 2.. of the lines' Message column. */
  writeLineMessages(column: number, texts: readonly string[]): void;
  /** Offers rows intersecting the selection, or null when the selection is on another sheet. */
  selectedOfferRows(): Set<number> | null;
  /** Of these Offers rows, those hidden by the sheet's filter or by hand (a call per row). */
  hiddenOfferRows(rows: readonly number[]): Set<number>;
  /** The merged cells of a sheet's data as first read (one call). */
  mergedCells(sheet: "offers" | "lines"): CellBlock[];
  /** The formulas of a sheet's data as first read, row 1 first ("" where a cell has none; one call). */
  formulas(sheet: "offers" | "lines"): string[][];
  /** Makes every pending write reach the sheet now (before requests go out). */
  flush(): void;
  appendRunLog(entry: RunLogEntry): void;
  /** Calendar dates and timestamps in the spreadsheet's time zone. */
  zonedTime(): ZonedTime;
  /** The hidden ledger's entries, oldest first ([] when there is none yet). */
  readLedger(): LedgerEntry[];
  /** Appends entries to the ledger (created, hidden, when missing). */
  appendLedger(entries: readonly LedgerEntry[]): void;
  /** The cells of Offers and Offer lines whose writes Sheets refused in this execution. */
  refusedWrites(): readonly RefusedWrite[];
}

/** A rectangle of cells, 1-based. */
export interface CellBlock {
  readonly row: number;
  readonly column: number;
  readonly numRows: number;
  readonly numColumns: number;
}

export interface ZonedTime {
  /** A date cell's calendar date, `YYYY-MM-DD`. */
  ymd(date: Date): string;
  /** An API timestamp (ATOM) as the user reads it: `YYYY-MM-DD HH:mm:ss`. */
  timestamp(iso: string): string;
  /** Today's date at `nowMs`. */
  today(nowMs: number): string;
}

export type RunAction = "create" | "validate" | "refresh" | "scheduled" | "customers";

export interface RunLogEntry {
  readonly startedAt: number;
  readonly action: RunAction;
  readonly startedBy: "menu" | "trigger";
  readonly counts: RunCounts;
  readonly durationSeconds: number;
  readonly message: string;
}

export type ContinuationKind = "create" | "refresh";

/** The time-driven triggers of this project (all on runScheduledBatch). */
export interface Triggers {
  /** Replaces any continuation with one at `atMs`; backs off when `progress` is false. */
  scheduleContinuation(atMs: number, nowMs: number, kind: ContinuationKind, progress: boolean): number;
  clearContinuations(): void;
  continuationKind(): ContinuationKind | null;
  /** True when this user's hourly trigger exists. */
  hourlyOn(): boolean;
  /** Installs this user's hourly trigger unless it exists. */
  installHourly(): "installed" | "already";
  /** Removes every trigger of ours for this user (hourly and continuations); returns how many. */
  removeAll(): number;
}

/** One run at a time: the document lock. */
export interface Lock {
  /** The lock, or null when another run holds it after `waitMs`. */
  tryLock(waitMs: number): { release(): void } | null;
}

export interface Mailer {
  /** Mails the user the run belongs to; false when there is no address. */
  send(subject: string, body: string): boolean;
  spreadsheetName(): string;
  spreadsheetUrl(): string;
}

export interface Dialogs {
  /** Opens a modal dialog from an HTML file of the project, placeholders filled (already escaped). */
  showHtmlDialog(file: string, fill: Readonly<Record<string, string>>, title: string): void;
  /** Opens the sidebar from an HTML file of the project, placeholders filled (already escaped). */
  showSidebar(file: string, fill: Readonly<Record<string, string>>, title: string): void;
  /** Asks a yes/no question; true when the user answered yes. */
  confirm(title: string, question: string): boolean;
}

/** Everything one run is given (CONTRACT: only the shell names Apps Script services). */
export interface RunContext {
  readonly startedBy: "menu" | "trigger";
  readonly startedAt: number;
  readonly clock: Clock;
  readonly notifier: Notifier;
  readonly stores: Stores;
  readonly workbook: Workbook;
  /** Customers and New customers (customer-ports.ts). */
  readonly customers: CustomerSheets;
  readonly triggers: Triggers;
  readonly lock: Lock;
  readonly mailer: Mailer;
  readonly dialogs: Dialogs;
  /** The user this execution runs as ("" when Apps Script does not say). */
  userEmail(): string;
  /** An HTTP client for the API at `baseUrl` with this key. */
  http(baseUrl: string, apiKey: string): HttpClient;
}
