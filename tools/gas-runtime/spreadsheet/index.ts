// The SpreadsheetApp imitation of the local Apps Script runtime: the persistent model tests manipulate,
// and the per-execution facade the script calls.
export { parseA1, rangeA1 } from "./a1";
export type { Cell, CellInput, CellPrimitive, CellValue, CriteriaType, ValidationRule } from "./cell";
export { createSpreadsheetApp } from "./facade";
export { displayValue, effectiveFormat } from "./format";
export type { Alert, Dialog, Fixture, MenuRecord, SpreadsheetOptions, Toast } from "./model";
export { SpreadsheetModel } from "./model";
export { SheetModel } from "./sheet-model";
export type * from "./types";
