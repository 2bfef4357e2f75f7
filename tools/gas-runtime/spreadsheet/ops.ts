// Operations on a rectangle of the model, shared by the Range and RangeList facades. They record
// nothing (the facade records the one call the script made) and throw script-realm errors.
import { quoteSheetName, rangeA1 } from "./a1";
import { type Cell, hasContent, type ValidationRule } from "./cell";
import type { Ctx, RangeRef } from "./context";
import { checkboxState, checkboxValues, isCheckboxRule, rulePasses } from "./validation";
import { applyWritten, type Written, writtenFromScript } from "./values";

export function a1Of(ref: RangeRef, withSheet = false): string {
  const a1 = rangeA1(ref.row, ref.col, ref.numRows, ref.numCols);
  return withSheet ? `${quoteSheetName(ref.sheet.name)}!${a1}` : a1;
}

/** A fresh 2-D array with fn applied to every cell of the range. */
export function mapCells<T>(
  ref: RangeRef,
  fn: (cell: Cell | undefined, row: number, col: number) => T,
): T[][] {
  const out: T[][] = [];
  for (let r = 0; r < ref.numRows; r++) {
    const line: T[] = [];
    for (let c = 0; c < ref.numCols; c++)
      line.push(fn(ref.sheet.cell(ref.row + r, ref.col + c), ref.row + r, ref.col + c));
    out.push(line);
  }
  return out;
}

/** Calls fn with every cell of the range, created when missing. */
export function eachCell(ref: RangeRef, fn: (cell: Cell, row: number, col: number) => void): void {
  for (let r = ref.row; r < ref.row + ref.numRows; r++) {
    for (let c = ref.col; c < ref.col + ref.numCols; c++) fn(ref.sheet.cellOrCreate(r, c), r, c);
  }
}

/** Calls fn with every existing cell of the range. */
export function eachExisting(ref: RangeRef, fn: (cell: Cell, row: number, col: number) => void): void {
  for (let r = ref.row; r < ref.row + ref.numRows; r++) {
    for (let c = ref.col; c < ref.col + ref.numCols; c++) {
      const cell = ref.sheet.cell(r, c);
      if (cell) fn(cell, r, c);
    }
  }
}

/** Checks that `data` is a 2-D array matching the range, with Apps Script's messages. */
export function matrix(ctx: Ctx, data: unknown, ref: RangeRef): unknown[][] {
  if (!Array.isArray(data) || !data.every((row) => Array.isArray(row))) {
    throw ctx.error("The parameters don't match the method signature: expected a 2-D array (Object[][]).");
  }
  const rows = data as unknown[][];
  if (rows.length !== ref.numRows) {
    throw ctx.error(
      `The number of rows in the data does not match the number of rows in the range. The data has ${rows.length} but the range has ${ref.numRows}.`,
    );
  }
  for (const row of rows) {
    if (row.length !== ref.numCols) {
      throw ctx.error(
        `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${ref.numCols}.`,
      );
    }
  }
  return rows;
}

/** A matrix of the range's size filled with one value. */
export function filled<T>(ref: RangeRef, value: T): T[][] {
  return Array.from({ length: ref.numRows }, () => new Array<T>(ref.numCols).fill(value));
}

/** The most characters Sheets lets one cell hold. */
export const CELL_MAX_CHARS = 50_000;

/** Writes script values like setValues: Sheets' parsing, validation rules that reject, all or nothing. */
export function writeValues(ctx: Ctx, ref: RangeRef, data: unknown[][]): void {
  const opts = ctx.writeOptions();
  const writes: { row: number; col: number; w: Written }[] = [];
  data.forEach((line, r) => {
    line.forEach((v, c) => {
      const row = ref.row + r;
      const col = ref.col + c;
      const cell = ref.sheet.cell(row, col);
      // Sheets refuses the whole write when one cell would hold more than 50,000 characters.
      if (typeof v === "string" && v.length > CELL_MAX_CHARS) {
        throw ctx.error(
          `Your input contains more than the maximum of ${CELL_MAX_CHARS} characters in a single cell.`,
        );
      }
      const w = writtenFromScript(v, cell?.numberFormat, opts);
      const rule = cell?.validation;
      if (rule && !rule.allowInvalid && !rulePasses(rule, w.value)) {
        const a1 = a1Of({ ...ref, row, col, numRows: 1, numCols: 1 });
        throw ctx.error(
          `The data you entered in cell ${a1} violates the data validation rules set on this cell.`,
        );
      }
      writes.push({ row, col, w });
    });
  });
  for (const { row, col, w } of writes) {
    const cell = ref.sheet.cell(row, col);
    if (!cell && w.value === null && w.formula === undefined && w.numberFormat === undefined) continue;
    applyWritten(cell ?? ref.sheet.cellOrCreate(row, col), w);
  }
}

export interface ClearParts {
  content?: boolean;
  format?: boolean;
  notes?: boolean;
  validation?: boolean;
}

export function clearCells(ref: RangeRef, parts: ClearParts): void {
  eachExisting(ref, (cell) => {
    if (parts.content) {
      cell.value = null;
      delete cell.formula;
      delete cell.displayOverride;
    }
    if (parts.format) {
      delete cell.numberFormat;
      delete cell.displayOverride;
    }
    if (parts.notes) delete cell.note;
    if (parts.validation) delete cell.validation;
  });
}

export function setNumberFormat(ref: RangeRef, format: string): void {
  eachCell(ref, (cell) => {
    cell.numberFormat = format;
    delete cell.displayOverride;
  });
}

export function setRule(ref: RangeRef, rule: ValidationRule | undefined): void {
  if (!rule) {
    eachExisting(ref, (cell) => {
      delete cell.validation;
    });
  } else {
    eachCell(ref, (cell) => {
      cell.validation = rule;
    });
  }
}

/** Like Range.insertCheckboxes: a checkbox rule on every cell, every cell set to the unchecked value. */
export function insertCheckboxes(ref: RangeRef, rule: ValidationRule): void {
  const { unchecked } = checkboxValues(rule);
  eachCell(ref, (cell) => {
    cell.validation = rule;
    cell.value = unchecked === null ? null : (unchecked as Cell["value"]);
    delete cell.formula;
    delete cell.displayOverride;
  });
}

/** Like Range.removeCheckboxes: rules removed, checked/unchecked values cleared. */
export function removeCheckboxes(ref: RangeRef): void {
  eachExisting(ref, (cell) => {
    if (!isCheckboxRule(cell.validation)) return;
    if (checkboxState(cell.validation, cell.value) !== null) cell.value = null;
    delete cell.validation;
  });
}

/** Range.isChecked: true/false when every cell is a checked/unchecked checkbox, else null. */
export function checkedState(ref: RangeRef): boolean | null {
  const states = mapCells(ref, (cell) =>
    isCheckboxRule(cell?.validation) ? checkboxState(cell.validation, cell.value) : null,
  ).flat();
  if (states.every((s) => s === true)) return true;
  if (states.every((s) => s === false)) return false;
  return null;
}

/** Range.check/uncheck: only cells whose value is the checked or unchecked value (or blank). */
export function setChecked(ref: RangeRef, checked: boolean): void {
  eachExisting(ref, (cell) => {
    const rule = cell.validation;
    if (!isCheckboxRule(rule) || checkboxState(rule, cell.value) === null) return;
    const values = checkboxValues(rule);
    const next = checked ? values.checked : values.unchecked;
    cell.value = next === null || next === undefined ? null : (next as Cell["value"]);
    delete cell.formula;
  });
}

export function isBlank(ref: RangeRef): boolean {
  return mapCells(ref, (cell) => hasContent(cell))
    .flat()
    .every((x) => !x);
}
