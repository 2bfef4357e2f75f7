// The sheet gateway: the only code that reads and writes cells. One read per sheet (values, display
// values and formats of the data range), writes as a few rectangular blocks, and the hidden ledger.

import type { Cell } from "../core/cells";
import {
  type ColumnSpec,
  headerIn,
  headerLanguage,
  isSheetNamed,
  LINE_COLUMNS,
  matchHeaders,
  OFFER_COLUMNS,
  type OfferKey,
  SHEET_NAMES,
} from "../core/columns";
import { language } from "../core/language";
import type { LedgerEntry } from "../core/ledger";
import type { RefusedWrite, TableRead, Workbook } from "../core/ports";
import { SheetChanged } from "../core/sheet-changed";
import { statusIn } from "../core/statuses";
import { locateRows, OUT_KEYS, planBlocks, type RowUpdate } from "../core/write-back";
import { LedgerSheet } from "./ledger-sheet";
import { outText } from "./outbound";
import { PlainCells } from "./plain-cells";
import { appendRunLog } from "./run-log";
import { type RangeCache, writeCells, writeColumn } from "./safe-write";
import { findNamedSheet } from "./sheets";
import { zonedTime } from "./time";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

function readTable<K extends string>(
  sheet: Sheet,
  name: string,
  specs: readonly ColumnSpec<K>[],
  withFormats: boolean,
): TableRead<K> & { range: GoogleAppsScript.Spreadsheet.Range } {
  const range = sheet.getDataRange();
  const values = range.getValues();
  const displays = range.getDisplayValues();
  // Offers' formats tell which cells are plain text already (no format call before a write); lines
  // are never written but for their Message column, whose format is set as it is written.
  const formats = withFormats ? range.getNumberFormats() : [];
  const header = values[0] ?? [];
  const rows: Cell[][] = [];
  for (let r = 1; r < values.length; r++) {
    const v = values[r] ?? [];
    const d = displays[r] ?? [];
    const f = formats[r] ?? [];
    rows.push(v.map((value, c) => ({ value, display: d[c] ?? "", format: f[c] ?? "" })));
  }
  const match = matchHeaders(header, specs);
  const plainText = (keys: readonly K[]): boolean =>
    keys.every((key) => {
      const c = match.columns[key];
      return c === undefined || rows.every((row) => row[c]?.format === "@");
    });
  return { ...match, table: { header, rows, name }, plainText, range };
}

/**
 * Adds the hidden ref column past the data of Offers, the first time a row is marked, so that rows
 * can carry their ledger ref. `header` is the first row of the data range, so it is as wide as the
 * data: a column of notes without a header is not written over. Returns the header row as it is now.
 */
function addRefColumn(sheet: Sheet, header: readonly string[]): string[] {
  // The ref column is the product's own: the same name in both languages.
  const spec = OFFER_COLUMNS.find((c) => c.key === "ref");
  if (!spec) return [...header];
  const column = header.length + 1;
  let cell: GoogleAppsScript.Spreadsheet.Range;
  try {
    cell = sheet.getRange(1, column, 1, 1);
  } catch {
    // Past the sheet's last column (asking first would cost a call every time).
    const max = sheet.getMaxColumns();
    sheet.insertColumnsAfter(max, column - max);
    cell = sheet.getRange(1, column, 1, 1);
  }
  // A plain word: no format needed for it to stay text. Its cells below are formatted as they are written.
  cell.setValues([[headerIn(spec, "en")]]);
  sheet.hideColumns(column);
  const next = [...header];
  next[column - 1] = headerIn(spec, "en");
  return next;
}

/** The offer rows of `updates` in the cells `shown` (header row first), by offer number and ref. */
function locate(shown: string[][], updates: readonly RowUpdate[]) {
  const { columns } = matchHeaders(shown[0] ?? [], OFFER_COLUMNS);
  const keyColumn = shown.slice(1).map((r) => String(r[columns.offerNumber ?? 0] ?? ""));
  const refIndex = columns.ref;
  const refColumn = refIndex === undefined ? [] : shown.slice(1).map((r) => String(r[refIndex] ?? ""));
  return { shown, columns, ...locateRows(updates, keyColumn, refColumn) };
}

/** The rows in the cells first read, or null when those cells are gone (rows deleted at the end). */
function boxed(box: GoogleAppsScript.Spreadsheet.Range, updates: readonly RowUpdate[]) {
  try {
    return locate(box.getDisplayValues(), updates);
  } catch {
    return null;
  }
}

const inPlace = (found: ReturnType<typeof locate>): boolean =>
  found.lost.length === 0 && found.placed.every((p) => p.row === p.update.sheetRow);

/** The key and OUT columns where they were when the sheet was read. */
function sameKeyColumns(now: TableRead<OfferKey>["columns"], then: TableRead<OfferKey>["columns"]): boolean {
  return (
    now.offerNumber !== undefined &&
    now.offerNumber === then.offerNumber &&
    OUT_KEYS.every((k) => now[k] === then[k])
  );
}

/**
 * Cells of an OUT column group that may be made plain text ahead of the rows written now: blank, or
 * already text (a number or a date would show differently as text), in every row as read.
 */
function safeAhead(known: TableRead<OfferKey>, left: number, right: number): boolean {
  return known.table.rows.every((row) => {
    for (let c = left - 1; c < right; c++) {
      const cell = row[c];
      if (
        cell &&
        cell.format !== "@" &&
        cell.value !== "" &&
        cell.value !== null &&
        typeof cell.value !== "string"
      )
        return false;
    }
    return true;
  });
}

export function spreadsheetWorkbook(ss: Spreadsheet, options: { addRefColumn: boolean }): Workbook {
  // Each sheet is looked up once an execution (by its English, then its Dutch name).
  const found: Partial<Record<"offers" | "lines", { sheet: Sheet; name: string }>> = {};
  const sheetOf = (id: "offers" | "lines"): { sheet: Sheet; name: string } | null => {
    const hit = found[id] ?? findNamedSheet(ss, id);
    if (hit) found[id] = hit;
    return hit;
  };
  let timeZone: string | null = null;
  const tz = (): string => {
    timeZone ??= ss.getSpreadsheetTimeZone();
    return timeZone;
  };
  let locale: string | null = null;
  const offers = (): Sheet => {
    const hit = sheetOf("offers");
    if (!hit) throw new SheetChanged(SHEET_NAMES.offers[language()]);
    return hit.sheet;
  };
  const ledger = new LedgerSheet(ss);
  // Offers cells made plain text by this execution, and whether the rows as read were done at once.
  const plain = new PlainCells();
  let aheadDone = false;
  // The Offers cells as read at the start (a fixed rectangle): read again before each write.
  let offersRange: GoogleAppsScript.Spreadsheet.Range | undefined;
  let linesRange: GoogleAppsScript.Spreadsheet.Range | undefined;
  const ranges: RangeCache = new Map();
  const refused: RefusedWrite[] = [];
  return {
    readOffersAndLines() {
      const offersSheet = sheetOf("offers");
      if (!offersSheet) return { missingSheet: SHEET_NAMES.offers[language()] };
      const linesSheet = sheetOf("lines");
      if (!linesSheet) return { missingSheet: SHEET_NAMES.lines[language()] };
      const { range, ...offers } = readTable(offersSheet.sheet, offersSheet.name, OFFER_COLUMNS, true);
      offersRange = range;
      const { range: read, ...lines } = readTable(linesSheet.sheet, linesSheet.name, LINE_COLUMNS, false);
      linesRange = read;
      return { offers, lines };
    },
    timeZone: tz,
    locale() {
      locale ??= ss.getSpreadsheetLocale();
      return locale;
    },
    writeOfferUpdates(updates: readonly RowUpdate[], known: TableRead<OfferKey>) {
      if (updates.length === 0) return [];
      const sheet = offers();
      // Columns and rows may have moved meanwhile, so the rows are found again first: in the cells
      // read at the start (one call); when not every row and column is still where it was, in the
      // whole sheet as it is now (rows added or moved, columns inserted).
      const needsRef =
        known.columns.ref === undefined && options.addRefColumn && updates.some((u) => u.values.ref);
      let boxRead = needsRef || !offersRange ? null : boxed(offersRange, updates);
      if (boxRead && !(inPlace(boxRead) && sameKeyColumns(boxRead.columns, known.columns))) boxRead = null;
      const found = boxRead ?? locate(sheet.getDataRange().getDisplayValues(), updates);
      const { shown, placed, lost } = found;
      let { columns } = found;
      if (columns.ref === undefined && needsRef) {
        shown[0] = addRefColumn(sheet, shown[0] ?? []);
        columns = matchHeaders(shown[0], OFFER_COLUMNS).columns;
      }
      if (columns.offerNumber === undefined || columns.status === undefined)
        throw new SheetChanged(sheetOf("offers")?.name ?? SHEET_NAMES.offers[language()]);
      // Statuses in the language of the sheet's headers: an English-headed sheet keeps English ones.
      const lang = headerLanguage(shown[0] ?? [], OFFER_COLUMNS) ?? "en";
      const statusColumn = columns.status;
      // A ref column added just now is blank below its header: as good as read.
      const same = OUT_KEYS.every(
        (k) => columns[k] === known.columns[k] || (k === "ref" && known.columns.ref === undefined),
      );
      const allPlain = same && known.plainText(OUT_KEYS);
      const refAdded = known.columns.ref === undefined ? columns.ref : undefined;
      const unwritten = new Set<string>();
      for (const block of planBlocks(placed, columns)) {
        const width = block.cells[0]?.length ?? 0;
        if (width === 0) continue;
        const right = block.column + width - 1;
        const newRef = refAdded !== undefined && block.column <= refAdded + 1 && refAdded + 1 <= right;
        let asText =
          !(allPlain && !newRef) && !plain.covers(block.row, block.cells.length, block.column, width);
        if (asText && !aheadDone && same && block.column <= statusColumn + 1 && statusColumn + 1 <= right) {
          // The Status group of every row as read, at once: later blocks of this execution need no format.
          aheadDone = true;
          const bottom = known.table.rows.length + 1;
          if (bottom >= 2 && safeAhead(known, block.column, right)) {
            try {
              sheet.getRange(2, block.column, bottom - 1, width).setNumberFormat("@");
              plain.add(2, bottom, block.column, right);
              asText = !plain.covers(block.row, block.cells.length, block.column, width);
            } catch {
              // A protected cell in the group: each block is formatted as it is written instead,
              // where a refusal is told cell by cell (safe-write.ts).
            }
          }
        }
        // Cells left undefined keep what is there now (read from the display values just taken).
        const cells = block.cells.map((r, i) =>
          r.map((c, j) => {
            if (c === undefined) return shown[block.row - 1 + i]?.[block.column - 1 + j] ?? "";
            return outText(block.column - 1 + j === statusColumn ? statusIn(c, lang) : c);
          }),
        );
        const failed = writeCells(sheet, block.row, block.column, cells, asText, ranges);
        for (const cell of failed) unwritten.add(cell);
        if (asText && failed.size === 0)
          plain.add(block.row, block.row + cells.length - 1, block.column, right);
      }
      // A row whose Status could not be written is as good as not found: not marked, not settled.
      for (const { row, update } of placed)
        if (update.values.status !== undefined && unwritten.has(`${row}:${statusColumn + 1}`))
          lost.push(update);
      if (unwritten.size > 0) {
        const name = sheetOf("offers")?.name ?? "";
        const byRow = new Map(placed.map((p) => [p.row, p.update]));
        for (const cell of unwritten) {
          const [row = 0, column = 0] = cell.split(":").map(Number);
          const update = byRow.get(row);
          const header = String(shown[0]?.[column - 1] ?? "");
          refused.push({ sheet: name, row, header, ...(update ? { update } : {}) });
        }
      }
      return lost;
    },
    writeLineMessages(column, texts) {
      if (texts.length === 0) return;
      const lines = sheetOf("lines");
      if (!lines) return;
      const failed = writeColumn(
        lines.sheet,
        2,
        column + 1,
        texts.map((t) => outText(t)),
      );
      if (failed.length === 0) return;
      const header = String(lines.sheet.getRange(1, column + 1).getDisplayValue());
      for (const row of failed) refused.push({ sheet: lines.name, row, header });
    },
    selectedOfferRows() {
      const list = ss.getActiveRangeList();
      const ranges = list ? list.getRanges() : [];
      const rows = new Set<number>();
      let onOffers = false;
      for (const range of ranges) {
        if (!isSheetNamed(range.getSheet().getName(), "offers")) continue;
        onOffers = true;
        const first = range.getRow();
        for (let r = first; r < first + range.getNumRows(); r++) rows.add(r);
      }
      return onOffers ? rows : null;
    },
    // The three below only sharpen what a run does or says (hidden rows of a selection left alone,
    // merged cells and filled-down formulas explained): where the spreadsheet service cannot answer
    // them, the run goes on as it would without them, rather than stop on a question it need not ask.
    hiddenOfferRows(rows) {
      const sheet = offers();
      const hidden = new Set<number>();
      try {
        // One call tells whether there is a filter (and the rows under its header); Apps Script can
        // only be asked about hidden rows one at a time.
        const filtered = sheet.getFilter()?.getRange();
        const top = filtered ? filtered.getRow() + 1 : 0;
        const bottom = filtered ? filtered.getLastRow() : -1;
        for (const row of rows)
          if ((row >= top && row <= bottom && sheet.isRowHiddenByFilter(row)) || sheet.isRowHiddenByUser(row))
            hidden.add(row);
      } catch {
        hidden.clear();
      }
      return hidden;
    },
    mergedCells(id) {
      const range = id === "offers" ? offersRange : linesRange;
      try {
        return (range?.getMergedRanges() ?? []).map((m) => ({
          row: m.getRow(),
          column: m.getColumn(),
          numRows: m.getNumRows(),
          numColumns: m.getNumColumns(),
        }));
      } catch {
        return [];
      }
    },
    formulas: (id) => {
      try {
        return (id === "offers" ? offersRange : linesRange)?.getFormulas() ?? [];
      } catch {
        return [];
      }
    },
    flush: () => SpreadsheetApp.flush(),
    appendRunLog: (entry) => appendRunLog(ss, entry),
    zonedTime: () => zonedTime(tz()),
    readLedger: (): LedgerEntry[] => ledger.read(),
    appendLedger: (entries: readonly LedgerEntry[]) => ledger.append(entries),
    refusedWrites: () => refused,
  };
}
