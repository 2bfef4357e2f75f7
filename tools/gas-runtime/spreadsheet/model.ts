// The persistent spreadsheet of the local Apps Script runtime: sheets, zone, locale, selection and UI
// records. Tests read and change it directly (1-based rows/columns); nothing here records a call.
import { columnLetters, parseA1 } from "./a1";
import type { Cell, CellInput } from "./cell";
import { displayValue } from "./format";
import { SheetModel } from "./sheet-model";
import { assertTimeZone } from "./tz";
import { applyWritten, cellFromInput, parseWrittenString, type ScriptValue, scriptValueOf } from "./values";

export type { Cell, CellInput, CellPrimitive, CellValue, ValidationRule } from "./cell";
export { SheetModel };

export interface Fixture {
  name?: string;
  timeZone?: string;
  locale?: string;
  /** Rows of cells per sheet, in sheet order; row 0 is sheet row 1. */
  sheets: Record<string, CellInput[][]>;
}

export interface SpreadsheetOptions {
  name?: string;
  id?: string;
  timeZone?: string;
  locale?: string;
}

export interface Toast {
  message: string;
  title: string;
  atMs: number;
  timeoutSeconds?: number;
}
export interface Alert {
  title?: string;
  message: string;
  buttons?: string;
  /** The button the (imitated) user pressed. */
  reply: string;
}
export interface Dialog {
  title: string;
  html: string;
  width?: number;
  height?: number;
  kind: "modal" | "modeless" | "sidebar";
}
export interface MenuRecord {
  name: string;
  items: { label: string; functionName: string }[];
}

type SheetRef = string | SheetModel;

export class SpreadsheetModel {
  name: string;
  id: string;
  timeZone: string;
  /** "en_US" or "nl_NL" (any other locale displays like en_US). */
  locale: string;
  sheets: SheetModel[] = [];
  activeSheetName: string | null = null;
  /** The user's selection: ranges in A1 (without sheet name) on one sheet; null = A1 of the active sheet. */
  selection: { sheet: string; ranges: string[] } | null = null;
  toasts: Toast[] = [];
  alerts: Alert[] = [];
  dialogs: Dialog[] = [];
  menus: MenuRecord[] = [];
  /** Buttons the imitated user presses for the next alerts (default: OK, or YES for YES_NO sets). */
  alertReplies: string[] = [];
  private nextSheetId = 0;

  constructor(options: SpreadsheetOptions = {}) {
    this.name = options.name ?? "Untitled spreadsheet";
    this.id = options.id ?? "1LocalSpreadsheetId_0123456789abcdefghijklmnopq";
    this.timeZone = options.timeZone ?? "Europe/Amsterdam";
    this.locale = options.locale ?? "en_US";
    assertTimeZone(this.timeZone);
  }

  static fromFixture(json: Fixture | string): SpreadsheetModel {
    const model = new SpreadsheetModel();
    model.loadFixture(json);
    return model;
  }

  /** Replaces all sheets (and the selection) by the fixture's; sets name, zone and locale when given. */
  loadFixture(json: Fixture | string): void {
    const fixture: Fixture = typeof json === "string" ? JSON.parse(json) : json;
    if (fixture.name !== undefined) this.name = fixture.name;
    if (fixture.timeZone !== undefined) {
      assertTimeZone(fixture.timeZone);
      this.timeZone = fixture.timeZone;
    }
    if (fixture.locale !== undefined) this.locale = fixture.locale;
    this.sheets = [];
    this.activeSheetName = null;
    this.selection = null;
    for (const [name, rows] of Object.entries(fixture.sheets ?? {})) this.addSheet(name, rows);
  }

  addSheet(name: string, rows: CellInput[][] = [], index = this.sheets.length): SheetModel {
    if (this.findSheet(name)) throw new Error(`A sheet named "${name}" already exists`);
    const sheet = new SheetModel(name, this.nextSheetId++);
    this.sheets.splice(index, 0, sheet);
    rows.forEach((cells, r) => {
      cells.forEach((input, c) => {
        this.setCell(sheet, r + 1, c + 1, input);
      });
    });
    return sheet;
  }

  findSheet(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  sheet(ref: SheetRef): SheetModel {
    if (typeof ref !== "string") return ref;
    const sheet = this.findSheet(ref);
    if (!sheet)
      throw new Error(`No sheet named "${ref}" (sheets: ${this.sheets.map((s) => s.name).join(", ")})`);
    return sheet;
  }

  /** The active sheet; a spreadsheet without sheets gets a "Sheet1", like a new spreadsheet. */
  activeSheet(): SheetModel {
    if (this.sheets.length === 0) this.addSheet("Sheet1");
    const active = this.activeSheetName === null ? undefined : this.findSheet(this.activeSheetName);
    return active ?? this.sheets[0]!;
  }

  setCell(sheet: SheetRef, row: number, col: number, input: CellInput): void {
    this.sheet(sheet).put(row, col, cellFromInput(input, this.timeZone));
  }

  /** Types text into a cell as a user would (same parsing as setValue), keeping its format and rule. */
  typeCell(sheet: SheetRef, row: number, col: number, text: string): void {
    const s = this.sheet(sheet);
    const cell = s.cell(row, col) ?? { value: null };
    applyWritten(cell, parseWrittenString(text, cell.numberFormat, this.locale, this.timeZone));
    s.put(row, col, cell);
  }

  getCell(sheet: SheetRef, row: number, col: number): Cell | undefined {
    return this.sheet(sheet).cell(row, col);
  }

  private grid<T>(sheet: SheetRef, fn: (cell: Cell | undefined) => T): T[][] {
    const s = this.sheet(sheet);
    const rows = s.lastRow();
    const cols = s.lastColumn();
    return Array.from({ length: rows }, (_, r) =>
      Array.from({ length: cols }, (_, c) => fn(s.cell(r + 1, c + 1))),
    );
  }

  /** The data range's values as getValues() gives them (dates as Node Dates). */
  values(sheet: SheetRef): ScriptValue[][] {
    return this.grid(sheet, (cell) => scriptValueOf(cell, this.timeZone, (ms) => new Date(ms)));
  }

  displayValues(sheet: SheetRef): string[][] {
    return this.grid(sheet, (cell) => displayValue(cell, this.locale, this.timeZone));
  }

  formulas(sheet: SheetRef): string[][] {
    return this.grid(sheet, (cell) => cell?.formula ?? "");
  }

  /** Display values of the data range, for printing. */
  table(sheet: SheetRef): string[][] {
    return this.displayValues(sheet);
  }

  /** The data range as aligned text with column letters and row numbers. */
  text(sheet: SheetRef): string {
    const rows = this.table(sheet).map((r, i) => [String(i + 1), ...r]);
    const header = ["", ...(rows[0] ?? []).slice(1).map((_, c) => columnLetters(c + 1))];
    const all = [header, ...rows];
    const widths = header.map((_, c) => Math.max(...all.map((r) => (r[c] ?? "").length)));
    return all.map((r) => r.map((v, c) => v.padEnd(widths[c] ?? 0)).join(" | ")).join("\n");
  }

  setSelection(sheet: SheetRef, a1s: string[]): void {
    const s = this.sheet(sheet);
    for (const a1 of a1s) if (!parseA1(a1)) throw new Error(`Invalid A1 notation: ${a1}`);
    this.selection = { sheet: s.name, ranges: [...a1s] };
    this.activeSheetName = s.name;
  }

  deleteRows(sheet: SheetRef, row: number, count: number): void {
    this.sheet(sheet).deleteRows(row, count);
  }

  insertRows(sheet: SheetRef, beforeRow: number, count: number): void {
    this.sheet(sheet).insertRows(beforeRow, count);
  }

  /** Hides rows as a user would (right-click › Hide rows). */
  hideRows(sheet: SheetRef, row: number, count = 1): void {
    for (let r = row; r < row + count; r++) this.sheet(sheet).rowState.hiddenByUser.add(r);
  }

  /** Merges the cells of an A1 range as a user would (Format › Merge cells › Merge all). */
  /** Protects `a1` against the user the script runs as (another editor than the owner). */
  protectRange(sheet: SheetRef, a1: string): void {
    const p = parseA1(a1);
    if (!p || p.endRow === null || p.endCol === null) throw new Error(`Invalid A1 range: ${a1}`);
    this.sheet(sheet).protectedBlocks.push({
      row: p.startRow,
      col: p.startCol,
      numRows: p.endRow - p.startRow + 1,
      numCols: p.endCol - p.startCol + 1,
    });
  }

  mergeCells(sheet: SheetRef, a1: string): void {
    const p = parseA1(a1);
    if (!p || p.endRow === null || p.endCol === null) throw new Error(`Invalid A1 range: ${a1}`);
    const block = {
      row: p.startRow,
      col: p.startCol,
      numRows: p.endRow - p.startRow + 1,
      numCols: p.endCol - p.startCol + 1,
    };
    if (!this.sheet(sheet).merge(block)) throw new Error(`${a1} cuts through merged cells`);
  }

  /**
   * Puts a filter on an A1 range (its first row the header) hiding the rows whose `column` (1-based,
   * of the sheet) shows one of `hiddenValues`, as a user filtering by values would.
   */
  filterRows(sheet: SheetRef, a1: string, column: number, hiddenValues: readonly string[]): void {
    const s = this.sheet(sheet);
    const p = parseA1(a1);
    if (!p || p.endRow === null || p.endCol === null) throw new Error(`Invalid A1 range: ${a1}`);
    const hidden = new Set<number>();
    for (let r = p.startRow + 1; r <= p.endRow; r++)
      if (hiddenValues.includes(displayValue(s.cell(r, column), this.locale, this.timeZone))) hidden.add(r);
    s.rowState.filter = {
      row: p.startRow,
      col: p.startCol,
      numRows: p.endRow - p.startRow + 1,
      numCols: p.endCol - p.startCol + 1,
      criteria: new Map([[column, { hiddenValues: [...hiddenValues] }]]),
      hidden,
    };
  }

  /** Sorts rows 2..last by `column` (1-based), as a user sorting the sheet would. */
  sortRows(sheet: SheetRef, column: number, ascending = true): void {
    this.sheet(sheet).sortRows(column, ascending);
  }
}
