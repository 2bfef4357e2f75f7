// An in-memory Workbook (src/core/ports.ts) for the app tests: Offers and Offer lines as a header
// row and rows of cells, written back the way the shell does (rows found again by ref, then offer
// number, through core/write-back), every call counted by name, and a shared event log so a test can
// see that marks were flushed before a request went out.

import type { Cell } from "../../src/core/cells";
import {
  type ColumnSpec,
  headerIn,
  headerLanguage,
  LINE_COLUMNS,
  matchHeaders,
  OFFER_COLUMNS,
  type OfferKey,
} from "../../src/core/columns";
import type { LedgerEntry } from "../../src/core/ledger";
import type { RefusedWrite, RunLogEntry, TableRead, Workbook, ZonedTime } from "../../src/core/ports";
import { SheetChanged } from "../../src/core/sheet-changed";
import { statusIn } from "../../src/core/statuses";
import { locateRows, planBlocks, type RowUpdate } from "../../src/core/write-back";
import { type CellLike, cell } from "../core/helpers";

/** A sheet: row 1 as values, rows 2.. as cells. */
export interface FakeSheet {
  name: string;
  header: unknown[];
  rows: Cell[][];
}

export function sheet(name: string, header: readonly string[], rows: readonly CellLike[][] = []): FakeSheet {
  return { name, header: [...header], rows: rows.map((r) => header.map((_, i) => cell(r[i] ?? ""))) };
}

/** The spreadsheet's fixed zone in these tests: UTC+1 all year (no daylight saving). */
export const ZONE_OFFSET_MS = 3_600_000;
const iso19 = (ms: number): string => new Date(ms + ZONE_OFFSET_MS).toISOString().slice(0, 19);

export const fixedZone: ZonedTime = {
  ymd: (date) => iso19(date.getTime()).slice(0, 10),
  timestamp: (iso) => {
    const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/.exec(
      iso.trim(),
    );
    if (!m) return iso;
    if (!m[4]) return `${m[1]} ${m[2]?.length === 5 ? `${m[2]}:00` : m[2]}`;
    const ms = Date.parse(iso.trim());
    return Number.isNaN(ms) ? iso : iso19(ms).replace("T", " ");
  },
  today: (nowMs) => iso19(nowMs).slice(0, 10),
};

function readTable<K extends string>(s: FakeSheet, specs: readonly ColumnSpec<K>[]): TableRead<K> {
  // A copy: what the run read stays as read while the sheet changes under it.
  const rows = s.rows.map((r) => [...r]);
  const header = [...s.header];
  const match = matchHeaders(header, specs);
  const plainText = (keys: readonly K[]): boolean =>
    keys.every((key) => {
      const c = match.columns[key];
      return c === undefined || rows.every((row) => row[c]?.format === "@");
    });
  return { ...match, table: { header, rows, name: s.name }, plainText };
}

const textCell = (text: string): Cell => ({ value: text, display: text, format: "@" });

export class FakeWorkbook implements Workbook {
  /** Calls by method name. */
  readonly calls = new Map<string, number>();
  readonly runLog: RunLogEntry[] = [];
  readonly ledger: LedgerEntry[] = [];
  /** Rectangles written into Offers (as the shell would, one setValues each). */
  blocksWritten = 0;
  /** Selected Offers rows, or null when the selection is on another sheet. */
  selection: Set<number> | null = null;
  localeName = "en_US";

  constructor(
    public offers: FakeSheet | null,
    public lines: FakeSheet | null,
    /** Shared with the fake API: "flush", "write", "ledger", then its requests. */
    readonly events: string[] = [],
  ) {}

  count(name: string): number {
    return this.calls.get(name) ?? 0;
  }

  private called(name: string): void {
    this.calls.set(name, this.count(name) + 1);
  }

  /** The cell of Offers at a sheet row (2..) under a header, as shown. */
  offerCell(sheetRow: number, header: string): string {
    const s = this.offers;
    const c = s ? s.header.indexOf(header) : -1;
    return s?.rows[sheetRow - 2]?.[c]?.display ?? "";
  }

  /** One column of Offers, by header, as shown. */
  offerColumn(header: string): string[] {
    const s = this.offers;
    const c = s ? s.header.indexOf(header) : -1;
    return s ? s.rows.map((r) => r[c]?.display ?? "") : [];
  }

  readOffersAndLines() {
    this.called("readOffersAndLines");
    if (!this.offers) return { missingSheet: "Offers" };
    if (!this.lines) return { missingSheet: "Offer lines" };
    return { offers: readTable(this.offers, OFFER_COLUMNS), lines: readTable(this.lines, LINE_COLUMNS) };
  }

  timeZone(): string {
    this.called("timeZone");
    return "Etc/GMT-1";
  }

  locale(): string {
    this.called("locale");
    return this.localeName;
  }

  writeOfferUpdates(updates: readonly RowUpdate[], _known: TableRead<OfferKey>): RowUpdate[] {
    this.called("writeOfferUpdates");
    if (updates.length === 0) return [];
    const s = this.offers;
    if (!s) throw new SheetChanged("Offers");
    this.events.push("write");
    let { columns } = matchHeaders(s.header, OFFER_COLUMNS);
    if (columns.ref === undefined && updates.some((u) => u.values.ref)) {
      // The shell adds the hidden ref column after the last header the first time a row is marked.
      const spec = OFFER_COLUMNS.find((c) => c.key === "ref");
      if (spec) s.header.push(headerIn(spec, "en"));
      columns = matchHeaders(s.header, OFFER_COLUMNS).columns;
    }
    if (columns.offerNumber === undefined || columns.status === undefined) throw new SheetChanged("Offers");
    const lang = headerLanguage(s.header, OFFER_COLUMNS) ?? "en";
    const shown = (c: number | undefined) =>
      s.rows.map((r) => (c === undefined ? "" : (r[c]?.display ?? "")));
    const { placed, lost } = locateRows(updates, shown(columns.offerNumber), shown(columns.ref));
    for (const block of planBlocks(placed, columns)) {
      this.blocksWritten++;
      block.cells.forEach((cells, i) => {
        const row = s.rows[block.row - 2 + i];
        if (!row) return;
        cells.forEach((text, j) => {
          if (text === undefined) return;
          const c = block.column - 1 + j;
          while (row.length <= c) row.push(cell(""));
          row[c] = textCell(c === columns.status ? statusIn(text, lang) : text);
        });
      });
    }
    return lost;
  }

  writeLineMessages(column: number, texts: readonly string[]): void {
    this.called("writeLineMessages");
    const s = this.lines;
    if (!s || texts.length === 0) return;
    texts.forEach((text, i) => {
      const row = s.rows[i];
      if (!row) return;
      while (row.length <= column) row.push(cell(""));
      row[column] = textCell(text);
    });
  }

  selectedOfferRows(): Set<number> | null {
    this.called("selectedOfferRows");
    return this.selection;
  }

  hiddenOfferRows(): Set<number> {
    this.called("hiddenOfferRows");
    return new Set();
  }

  mergedCells(): [] {
    this.called("mergedCells");
    return [];
  }

  formulas(): string[][] {
    this.called("formulas");
    return [];
  }

  flush(): void {
    this.called("flush");
    this.events.push("flush");
  }

  appendRunLog(entry: RunLogEntry): void {
    this.called("appendRunLog");
    this.runLog.push(entry);
  }

  zonedTime(): ZonedTime {
    this.called("zonedTime");
    return fixedZone;
  }

  readLedger(): LedgerEntry[] {
    this.called("readLedger");
    return [...this.ledger];
  }

  appendLedger(entries: readonly LedgerEntry[]): void {
    this.called("appendLedger");
    if (entries.length === 0) return;
    this.events.push("ledger");
    this.ledger.push(...entries);
  }

  /** The fake's cells take any value. */
  refusedWrites(): readonly RefusedWrite[] {
    return [];
  }
}
