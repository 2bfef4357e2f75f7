// The Range facade: a fixed rectangle of one sheet (it does not follow inserted or deleted rows, like
// in Apps Script; once rows or columns are deleted from under it, every call on it fails). Every method records first, then works on the model via ops.ts.
import { checkedRange } from "./bounds";
import type { CellPrimitive, ValidationRule } from "./cell";
import type { Ctx, RangeRef } from "./context";
import { makeFilter } from "./filter";
import { displayValue, effectiveFormat } from "./format";
import * as ops from "./ops";
import { covers } from "./row-state";
import { RANGE_STYLE_METHODS, type RangeFacade } from "./types";
import { makeDataValidation } from "./validation";
import { applyWritten, evalFormulaLiteral, scriptValueOf, writtenFromScript } from "./values";

function primitive(v: unknown): CellPrimitive {
  if (v === undefined || v === null) return null;
  return typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? v : String(v);
}

const MERGE_CUT = "You must select all cells in a merged range to merge or unmerge them.";

export function makeRange(ctx: Ctx, ref: RangeRef): RangeFacade {
  const { sheet, row, col, numRows, numCols } = ref;
  const rec = (method: string) => {
    ctx.call("Range", method, { range: ops.a1Of(ref, true), cells: numRows * numCols });
    // A range kept while rows or columns were deleted may now lie past the sheet's edge: taken to
    // fail like a range asked for there (what Apps Script does then is not documented).
    if (row + numRows - 1 > sheet.maxRows || col + numCols - 1 > sheet.maxColumns)
      throw ctx.error("The coordinates of the range are outside the dimensions of the sheet.");
  };
  const model = ctx.model;
  const makeDate = (ms: number) => ctx.env.makeDate(ms);
  const topLeft = { ...ref, numRows: 1, numCols: 1 };
  const get =
    <T>(method: string, fn: () => T) =>
    (): T => {
      rec(method);
      return fn();
    };
  let self: RangeFacade;
  const merge = (blocks: RangeRef[]) => {
    // All or nothing: a block that cuts through an existing merge refuses the whole call.
    for (const b of blocks) if (sheet.mergesIn(b).some((m) => !covers(b, m))) throw ctx.error(MERGE_CUT);
    for (const b of blocks) sheet.merge(b);
  };
  const ruleArg = (rule: unknown): ValidationRule | undefined => {
    if (rule === null || rule === undefined) return undefined;
    const data = typeof rule === "object" ? ctx.ruleOf.get(rule) : undefined;
    if (!data) throw ctx.error("Invalid argument: rule (expected a DataValidation from build()).");
    return data;
  };
  const setFormula = (cell: Parameters<typeof applyWritten>[0], f: unknown) => {
    const text = f === null || f === undefined ? "" : String(f);
    if (text.startsWith("=")) applyWritten(cell, { value: evalFormulaLiteral(text), formula: text });
    else applyWritten(cell, writtenFromScript(text, cell.numberFormat, ctx.writeOptions()));
  };
  const noteOf = (note: unknown) =>
    note === null || note === undefined || note === "" ? undefined : String(note);
  const styles = Object.fromEntries(
    RANGE_STYLE_METHODS.map((m) => [
      m,
      () => {
        rec(m);
        return self;
      },
    ]),
  ) as Pick<RangeFacade, (typeof RANGE_STYLE_METHODS)[number]>;

  // A write into a range protected against this user fails as a whole, as in Sheets.
  const guardProtected = (): void => {
    const hit = sheet.protectedBlocks.some(
      (b) =>
        b.row < row + ref.numRows &&
        row < b.row + b.numRows &&
        b.col < col + ref.numCols &&
        col < b.col + b.numCols,
    );
    if (hit)
      throw ctx.error(
        "You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.",
      );
  };

  const range: RangeFacade = {
    ...styles,
    getValues: get("getValues", () => ops.mapCells(ref, (c) => scriptValueOf(c, model.timeZone, makeDate))),
    getValue: get("getValue", () => scriptValueOf(sheet.cell(row, col), model.timeZone, makeDate)),
    setValues(values) {
      rec("setValues");
      guardProtected();
      ops.writeValues(ctx, ref, ops.matrix(ctx, values, ref));
      return self;
    },
    setValue(value) {
      rec("setValue");
      guardProtected();
      ops.writeValues(ctx, ref, ops.filled(ref, value));
      return self;
    },
    getDisplayValues: get("getDisplayValues", () =>
      ops.mapCells(ref, (c) => displayValue(c, model.locale, model.timeZone)),
    ),
    getDisplayValue: get("getDisplayValue", () =>
      displayValue(sheet.cell(row, col), model.locale, model.timeZone),
    ),
    getNumberFormats: get("getNumberFormats", () =>
      ops.mapCells(ref, (c) => effectiveFormat(c, model.locale, model.timeZone)),
    ),
    getNumberFormat: get("getNumberFormat", () =>
      effectiveFormat(sheet.cell(row, col), model.locale, model.timeZone),
    ),
    setNumberFormat(format) {
      rec("setNumberFormat");
      guardProtected();
      ops.setNumberFormat(ref, String(format));
      return self;
    },
    setNumberFormats(formats) {
      rec("setNumberFormats");
      guardProtected();
      const grid = ops.matrix(ctx, formats, ref);
      ops.eachCell(ref, (cell, r, c) => {
        cell.numberFormat = String(grid[r - row]![c - col]);
        delete cell.displayOverride;
      });
      return self;
    },
    getFormulas: get("getFormulas", () => ops.mapCells(ref, (c) => c?.formula ?? "")),
    getFormula: get("getFormula", () => sheet.cell(row, col)?.formula ?? ""),
    setFormula(formula) {
      rec("setFormula");
      ops.eachCell(ref, (cell) => setFormula(cell, formula));
      return self;
    },
    setFormulas(formulas) {
      rec("setFormulas");
      const grid = ops.matrix(ctx, formulas, ref);
      ops.eachCell(ref, (cell, r, c) => setFormula(cell, grid[r - row]![c - col]));
      return self;
    },
    getNotes: get("getNotes", () => ops.mapCells(ref, (c) => c?.note ?? "")),
    getNote: get("getNote", () => sheet.cell(row, col)?.note ?? ""),
    setNote(note) {
      rec("setNote");
      const text = noteOf(note);
      ops.eachCell(ref, (cell) => {
        if (text === undefined) delete cell.note;
        else cell.note = text;
      });
      return self;
    },
    setNotes(notes) {
      rec("setNotes");
      const grid = ops.matrix(ctx, notes, ref);
      ops.eachCell(ref, (cell, r, c) => {
        const text = noteOf(grid[r - row]![c - col]);
        if (text === undefined) delete cell.note;
        else cell.note = text;
      });
      return self;
    },
    clearNote() {
      rec("clearNote");
      ops.clearCells(ref, { notes: true });
      return self;
    },
    getDataValidation() {
      rec("getDataValidation");
      const rule = sheet.cell(row, col)?.validation;
      return rule ? makeDataValidation(ctx, rule) : null;
    },
    getDataValidations() {
      rec("getDataValidations");
      return ops.mapCells(ref, (c) => (c?.validation ? makeDataValidation(ctx, c.validation) : null));
    },
    setDataValidation(rule) {
      rec("setDataValidation");
      ops.setRule(ref, ruleArg(rule));
      return self;
    },
    setDataValidations(rules) {
      rec("setDataValidations");
      const grid = ops.matrix(ctx, rules, ref).map((line) => line.map(ruleArg));
      ops.eachCell(ref, (cell, r, c) => {
        const rule = grid[r - row]![c - col];
        if (rule) cell.validation = rule;
        else delete cell.validation;
      });
      return self;
    },
    clearDataValidations() {
      rec("clearDataValidations");
      ops.clearCells(ref, { validation: true });
      return self;
    },
    insertCheckboxes(...args: unknown[]) {
      rec("insertCheckboxes");
      const values = args.slice(0, 2).map(primitive);
      ops.insertCheckboxes(
        ref,
        Object.freeze({ criteria: "CHECKBOX", values: Object.freeze(values), allowInvalid: true }),
      );
      return self;
    },
    removeCheckboxes() {
      rec("removeCheckboxes");
      ops.removeCheckboxes(ref);
      return self;
    },
    isChecked: get("isChecked", () => ops.checkedState(ref)),
    check() {
      rec("check");
      ops.setChecked(ref, true);
      return self;
    },
    uncheck() {
      rec("uncheck");
      ops.setChecked(ref, false);
      return self;
    },
    clearContent() {
      rec("clearContent");
      ops.clearCells(ref, { content: true });
      return self;
    },
    clear(options) {
      rec("clear");
      const o = options ?? {};
      const any = o.contentsOnly || o.formatOnly || o.validationsOnly || o.commentsOnly;
      ops.clearCells(
        ref,
        any
          ? {
              content: o.contentsOnly,
              format: o.formatOnly,
              validation: o.validationsOnly,
              notes: o.commentsOnly,
            }
          : { content: true, format: true },
      );
      return self;
    },
    clearFormat() {
      rec("clearFormat");
      ops.clearCells(ref, { format: true });
      return self;
    },
    isBlank: get("isBlank", () => ops.isBlank(ref)),
    getRow: get("getRow", () => row),
    getColumn: get("getColumn", () => col),
    getLastRow: get("getLastRow", () => row + numRows - 1),
    getLastColumn: get("getLastColumn", () => col + numCols - 1),
    getNumRows: get("getNumRows", () => numRows),
    getNumColumns: get("getNumColumns", () => numCols),
    getHeight: get("getHeight", () => numRows),
    getWidth: get("getWidth", () => numCols),
    getA1Notation: get("getA1Notation", () => ops.a1Of(ref)),
    getSheet: get("getSheet", () => ctx.make.sheet(ctx, sheet)),
    getCell(r, c) {
      rec("getCell");
      const rr = ctx.int(r, "row");
      const cc = ctx.int(c, "column");
      if (rr < 1 || cc < 1 || rr > numRows || cc > numCols) throw ctx.error("Cell reference out of range");
      return makeRange(ctx, { ...topLeft, row: row + rr - 1, col: col + cc - 1 });
    },
    offset(rowOffset, columnOffset, rows, columns) {
      rec("offset");
      const nr = rows === undefined ? numRows : ctx.int(rows, "numRows");
      const nc = columns === undefined ? numCols : ctx.int(columns, "numColumns");
      const r = row + ctx.int(rowOffset, "rowOffset");
      const c = col + ctx.int(columnOffset, "columnOffset");
      return makeRange(ctx, checkedRange(ctx, sheet, r, c, nr, nc));
    },
    activate() {
      rec("activate");
      model.selection = { sheet: sheet.name, ranges: [ops.a1Of(ref)] };
      model.activeSheetName = sheet.name;
      return self;
    },
    createFilter() {
      rec("createFilter");
      if (sheet.rowState.filter)
        throw ctx.error("You can't create a filter in a sheet that already has a filter.");
      sheet.rowState.filter = { row, col, numRows, numCols, criteria: new Map(), hidden: new Set() };
      return makeFilter(ctx, sheet);
    },
    getFilter: get("getFilter", () => (sheet.rowState.filter ? makeFilter(ctx, sheet) : null)),
    merge() {
      rec("merge");
      merge([ref]);
      return self;
    },
    mergeAcross() {
      rec("mergeAcross");
      merge(Array.from({ length: numRows }, (_, i) => ({ ...ref, row: row + i, numRows: 1 })));
      return self;
    },
    mergeVertically() {
      rec("mergeVertically");
      merge(Array.from({ length: numCols }, (_, i) => ({ ...ref, col: col + i, numCols: 1 })));
      return self;
    },
    breakApart() {
      rec("breakApart");
      const state = sheet.rowState;
      const inside = sheet.mergesIn(ref);
      if (inside.some((m) => !covers(ref, m))) throw ctx.error(MERGE_CUT);
      state.merges = state.merges.filter((m) => !inside.some((i) => i.row === m.row && i.col === m.col));
      return self;
    },
    getMergedRanges: get("getMergedRanges", () =>
      sheet.mergesIn(ref).map((m) => makeRange(ctx, { sheet, ...m })),
    ),
    isPartOfMerge: get("isPartOfMerge", () => sheet.mergesIn(ref).length > 0),
  };
  self = ctx.wrap("Range", range);
  ctx.rangeOf.set(self, { ...ref });
  return self;
}
