// The Sheet facade: ranges by coordinates or A1, data extent, row/column structure, appendRow, frozen
// rows, rows hidden by the user or by the filter. Layout-only setters (widths, hiding columns) are
// recorded and otherwise ignored.

import { checkedRange, rangeFromA1, selectionRefs } from "./bounds";
import type { Ctx, RangeRef } from "./context";
import { makeFilter } from "./filter";
import * as ops from "./ops";
import type { SheetModel } from "./sheet-model";
import { SHEET_LAYOUT_METHODS, type SheetFacade } from "./types";

export function sheetExistsMessage(name: string): string {
  return `A sheet with the name "${name}" already exists. Please enter another name.`;
}

export function makeSheet(ctx: Ctx, sheet: SheetModel): SheetFacade {
  const model = ctx.model;
  const rec = (method: string) => ctx.call("Sheet", method, { sheet: sheet.name });
  const get =
    <T>(method: string, fn: () => T) =>
    (): T => {
      rec(method);
      return fn();
    };
  let self: SheetFacade;
  const whole = (): RangeRef => ({
    sheet,
    row: 1,
    col: 1,
    numRows: sheet.maxRows,
    numCols: sheet.maxColumns,
  });
  const position = (value: unknown, what: string, max: number): number => {
    const n = ctx.int(value, what);
    if (n < 1 || n > max) throw ctx.error(`The ${what} is out of bounds (1..${max}): ${n}.`);
    return n;
  };
  const insertRows = (before: number, count: number) => {
    if (count < 1) throw ctx.error("The number of rows to insert must be at least 1.");
    sheet.insertRows(before, count);
    return self;
  };
  const insertColumns = (before: number, count: number) => {
    if (count < 1) throw ctx.error("The number of columns to insert must be at least 1.");
    sheet.insertColumns(before, count);
    return self;
  };
  const deleteRows = (start: number, count: number) => {
    if (start < 1 || count < 1 || start + count - 1 > sheet.maxRows)
      throw ctx.error("Those rows are out of bounds.");
    if (count >= sheet.maxRows - sheet.frozenRows) {
      throw ctx.error("Sorry, it is not possible to delete all non-frozen rows.");
    }
    sheet.deleteRows(start, count);
  };
  // Hiding rows (1-based, like the other row methods; hideRows(rowIndex) hides one row).
  const rowSpan = (start: unknown, count: unknown): [number, number] => {
    const first = ctx.int(start, "rowIndex");
    const n = count === undefined ? 1 : ctx.int(count, "numRows");
    if (first < 1 || n < 1 || first + n - 1 > sheet.maxRows) throw ctx.error("Those rows are out of bounds.");
    return [first, n];
  };
  const setHidden = ([first, n]: [number, number], hidden: boolean) => {
    for (let r = first; r < first + n; r++) {
      if (hidden) sheet.rowState.hiddenByUser.add(r);
      else sheet.rowState.hiddenByUser.delete(r);
    }
  };
  const rangeRows = (value: unknown): [number, number] => {
    const ref = typeof value === "object" && value !== null ? ctx.rangeOf.get(value) : undefined;
    if (!ref) throw ctx.error("Invalid argument: row (expected a Range).");
    return [ref.row, ref.numRows];
  };
  const layout = Object.fromEntries(
    SHEET_LAYOUT_METHODS.map((m) => [
      m,
      () => {
        rec(m);
        return self;
      },
    ]),
  ) as Pick<SheetFacade, (typeof SHEET_LAYOUT_METHODS)[number]>;

  const facade: SheetFacade = {
    ...layout,
    getName: get("getName", () => sheet.name),
    setName(name) {
      rec("setName");
      const text = String(name);
      if (model.sheets.some((s) => s !== sheet && s.name === text)) throw ctx.error(sheetExistsMessage(text));
      if (model.activeSheetName === sheet.name) model.activeSheetName = text;
      if (model.selection?.sheet === sheet.name) model.selection.sheet = text;
      sheet.name = text;
      return self;
    },
    getSheetId: get("getSheetId", () => sheet.id),
    getIndex: get("getIndex", () => model.sheets.indexOf(sheet) + 1),
    getParent: get("getParent", () => ctx.make.spreadsheet(ctx)),
    getRange(rowOrA1, column, numRows, numColumns) {
      rec("getRange");
      if (typeof rowOrA1 === "string" && column === undefined)
        return ctx.make.range(ctx, rangeFromA1(ctx, sheet, rowOrA1));
      if (column === undefined)
        throw ctx.error(
          "The parameters (number) don't match the method signature for SpreadsheetApp.Sheet.getRange.",
        );
      const r = ctx.int(rowOrA1, "row");
      const c = ctx.int(column, "column");
      const nr = numRows === undefined ? 1 : ctx.int(numRows, "numRows");
      const nc = numColumns === undefined ? 1 : ctx.int(numColumns, "numColumns");
      return ctx.make.range(ctx, checkedRange(ctx, sheet, r, c, nr, nc));
    },
    getRangeList(a1s) {
      rec("getRangeList");
      if (!Array.isArray(a1s)) throw ctx.error("getRangeList expects an array of A1 notations.");
      return ctx.make.rangeList(
        ctx,
        a1s.map((a1) => rangeFromA1(ctx, sheet, a1)),
      );
    },
    getDataRange: get("getDataRange", () =>
      ctx.make.range(ctx, {
        sheet,
        row: 1,
        col: 1,
        numRows: Math.max(1, sheet.lastRow()),
        numCols: Math.max(1, sheet.lastColumn()),
      }),
    ),
    getActiveRange: get("getActiveRange", () => {
      const refs = selectionRefs(ctx).filter((r) => r.sheet === sheet);
      return ctx.make.range(ctx, refs[refs.length - 1] ?? { sheet, row: 1, col: 1, numRows: 1, numCols: 1 });
    }),
    getLastRow: get("getLastRow", () => sheet.lastRow()),
    getLastColumn: get("getLastColumn", () => sheet.lastColumn()),
    getMaxRows: get("getMaxRows", () => sheet.maxRows),
    getMaxColumns: get("getMaxColumns", () => sheet.maxColumns),
    insertRowsAfter(after, howMany) {
      rec("insertRowsAfter");
      return insertRows(position(after, "row", sheet.maxRows) + 1, ctx.int(howMany, "howMany"));
    },
    insertRowsBefore(before, howMany) {
      rec("insertRowsBefore");
      return insertRows(position(before, "row", sheet.maxRows), ctx.int(howMany, "howMany"));
    },
    insertRowAfter(after) {
      rec("insertRowAfter");
      return insertRows(position(after, "row", sheet.maxRows) + 1, 1);
    },
    insertRowBefore(before) {
      rec("insertRowBefore");
      return insertRows(position(before, "row", sheet.maxRows), 1);
    },
    insertColumnsAfter(after, howMany) {
      rec("insertColumnsAfter");
      return insertColumns(position(after, "column", sheet.maxColumns) + 1, ctx.int(howMany, "howMany"));
    },
    insertColumnAfter(after) {
      rec("insertColumnAfter");
      return insertColumns(position(after, "column", sheet.maxColumns) + 1, 1);
    },
    deleteRows(start, howMany) {
      rec("deleteRows");
      deleteRows(ctx.int(start, "rowPosition"), ctx.int(howMany, "howMany"));
    },
    deleteRow(start) {
      rec("deleteRow");
      deleteRows(ctx.int(start, "rowPosition"), 1);
      return self;
    },
    appendRow(rowContents) {
      rec("appendRow");
      if (!Array.isArray(rowContents)) throw ctx.error("appendRow expects an array of values.");
      if (rowContents.length === 0) return self;
      const row = sheet.lastRow() + 1;
      sheet.maxRows = Math.max(sheet.maxRows, row);
      sheet.maxColumns = Math.max(sheet.maxColumns, rowContents.length);
      const ref = { sheet, row, col: 1, numRows: 1, numCols: rowContents.length };
      ops.writeValues(ctx, ref, [[...rowContents]]);
      return self;
    },
    setFrozenRows(rows) {
      rec("setFrozenRows");
      sheet.frozenRows = ctx.int(rows, "rows");
    },
    getFrozenRows: get("getFrozenRows", () => sheet.frozenRows),
    setFrozenColumns(columns) {
      rec("setFrozenColumns");
      sheet.frozenColumns = ctx.int(columns, "columns");
    },
    getFrozenColumns: get("getFrozenColumns", () => sheet.frozenColumns),
    hideSheet() {
      rec("hideSheet");
      sheet.hidden = true;
      return self;
    },
    showSheet() {
      rec("showSheet");
      sheet.hidden = false;
      return self;
    },
    isSheetHidden: get("isSheetHidden", () => sheet.hidden),
    hideRows(start, count) {
      rec("hideRows");
      setHidden(rowSpan(start, count), true);
    },
    showRows(start, count) {
      rec("showRows");
      setHidden(rowSpan(start, count), false);
    },
    hideRow(range) {
      rec("hideRow");
      setHidden(rangeRows(range), true);
    },
    unhideRow(range) {
      rec("unhideRow");
      setHidden(rangeRows(range), false);
    },
    isRowHiddenByUser(rowPosition) {
      rec("isRowHiddenByUser");
      return sheet.rowState.hiddenByUser.has(position(rowPosition, "row", sheet.maxRows));
    },
    isRowHiddenByFilter(rowPosition) {
      rec("isRowHiddenByFilter");
      const r = position(rowPosition, "row", sheet.maxRows);
      return sheet.rowState.filter?.hidden.has(r) ?? false;
    },
    getFilter: get("getFilter", () => (sheet.rowState.filter ? makeFilter(ctx, sheet) : null)),
    activate() {
      rec("activate");
      model.activeSheetName = sheet.name;
      if (model.selection && model.selection.sheet !== sheet.name) model.selection = null;
      return self;
    },
    clear() {
      rec("clear");
      ops.clearCells(whole(), { content: true, format: true });
      return self;
    },
    clearContents() {
      rec("clearContents");
      ops.clearCells(whole(), { content: true });
      return self;
    },
  };
  self = ctx.wrap("Sheet", facade);
  ctx.sheetOf.set(self, sheet);
  return self;
}
