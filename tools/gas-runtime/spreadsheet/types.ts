// The facade objects of the SpreadsheetApp imitation as the script (and tests) see them: the subset of
// Apps Script's Spreadsheet service that the local runtime implements.
import type { ScriptValue } from "./values";

export type { ScriptValue };

/** Formatting setters that are recorded but not stored (they change nothing the script can read back). */
export const RANGE_STYLE_METHODS = [
  "setFontWeight",
  "setFontWeights",
  "setFontStyle",
  "setFontColor",
  "setFontColors",
  "setFontSize",
  "setFontFamily",
  "setBackground",
  "setBackgrounds",
  "setWrap",
  "setWraps",
  "setWrapStrategy",
  "setHorizontalAlignment",
  "setHorizontalAlignments",
  "setVerticalAlignment",
  "setBorder",
] as const;

/** Layout setters of Sheet that are recorded but not stored. */
export const SHEET_LAYOUT_METHODS = [
  "setColumnWidth",
  "setColumnWidths",
  "autoResizeColumn",
  "autoResizeColumns",
  "autoResizeRows",
  "setRowHeight",
  "setRowHeights",
  "hideColumns",
  "showColumns",
  "setTabColor",
] as const;

type Chain<K extends string, T> = { [P in K]: (...args: unknown[]) => T };

export interface ClearOptions {
  commentsOnly?: boolean;
  contentsOnly?: boolean;
  formatOnly?: boolean;
  validationsOnly?: boolean;
}

export interface RangeFacade extends Chain<(typeof RANGE_STYLE_METHODS)[number], RangeFacade> {
  getValues(): ScriptValue[][];
  getValue(): ScriptValue;
  setValues(values: unknown): RangeFacade;
  setValue(value: unknown): RangeFacade;
  getDisplayValues(): string[][];
  getDisplayValue(): string;
  getNumberFormats(): string[][];
  getNumberFormat(): string;
  setNumberFormat(format: unknown): RangeFacade;
  setNumberFormats(formats: unknown): RangeFacade;
  getFormulas(): string[][];
  getFormula(): string;
  setFormula(formula: unknown): RangeFacade;
  setFormulas(formulas: unknown): RangeFacade;
  getNotes(): string[][];
  getNote(): string;
  setNote(note: unknown): RangeFacade;
  setNotes(notes: unknown): RangeFacade;
  clearNote(): RangeFacade;
  getDataValidation(): DataValidationFacade | null;
  getDataValidations(): (DataValidationFacade | null)[][];
  setDataValidation(rule: unknown): RangeFacade;
  setDataValidations(rules: unknown): RangeFacade;
  clearDataValidations(): RangeFacade;
  insertCheckboxes(checkedValue?: unknown, uncheckedValue?: unknown): RangeFacade;
  removeCheckboxes(): RangeFacade;
  isChecked(): boolean | null;
  check(): RangeFacade;
  uncheck(): RangeFacade;
  clearContent(): RangeFacade;
  clear(options?: ClearOptions): RangeFacade;
  clearFormat(): RangeFacade;
  isBlank(): boolean;
  getRow(): number;
  getColumn(): number;
  getLastRow(): number;
  getLastColumn(): number;
  getNumRows(): number;
  getNumColumns(): number;
  getHeight(): number;
  getWidth(): number;
  getA1Notation(): string;
  getSheet(): SheetFacade;
  getCell(row: number, column: number): RangeFacade;
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): RangeFacade;
  activate(): RangeFacade;
  createFilter(): FilterFacade;
  getFilter(): FilterFacade | null;
  merge(): RangeFacade;
  mergeAcross(): RangeFacade;
  mergeVertically(): RangeFacade;
  breakApart(): RangeFacade;
  getMergedRanges(): RangeFacade[];
  isPartOfMerge(): boolean;
}

export interface FilterFacade {
  getRange(): RangeFacade;
  remove(): void;
  setColumnFilterCriteria(columnPosition: unknown, filterCriteria: unknown): FilterFacade;
  removeColumnFilterCriteria(columnPosition: unknown): FilterFacade;
  getColumnFilterCriteria(columnPosition: unknown): FilterCriteriaFacade | null;
}

export interface FilterCriteriaFacade {
  getHiddenValues(): string[];
  copy(): FilterCriteriaBuilderFacade;
}

export interface FilterCriteriaBuilderFacade {
  setHiddenValues(values: unknown): FilterCriteriaBuilderFacade;
  whenTextEqualTo(text: unknown): FilterCriteriaBuilderFacade;
  whenCellNotEmpty(): FilterCriteriaBuilderFacade;
  getHiddenValues(): string[];
  build(): FilterCriteriaFacade;
  copy(): FilterCriteriaBuilderFacade;
}

export interface RangeListFacade {
  getRanges(): RangeFacade[];
  setValue(value: unknown): RangeListFacade;
  setNumberFormat(format: unknown): RangeListFacade;
  clearContent(): RangeListFacade;
  setFontWeight(weight: unknown): RangeListFacade;
  setBackground(color: unknown): RangeListFacade;
}

export interface SheetFacade extends Chain<(typeof SHEET_LAYOUT_METHODS)[number], SheetFacade> {
  getName(): string;
  setName(name: unknown): SheetFacade;
  getSheetId(): number;
  getIndex(): number;
  getParent(): SpreadsheetFacade;
  getRange(rowOrA1: number | string, column?: number, numRows?: number, numColumns?: number): RangeFacade;
  getRangeList(a1Notations: unknown): RangeListFacade;
  getDataRange(): RangeFacade;
  getActiveRange(): RangeFacade;
  getLastRow(): number;
  getLastColumn(): number;
  getMaxRows(): number;
  getMaxColumns(): number;
  insertRowsAfter(afterPosition: number, howMany: number): SheetFacade;
  insertRowsBefore(beforePosition: number, howMany: number): SheetFacade;
  insertRowAfter(afterPosition: number): SheetFacade;
  insertRowBefore(beforePosition: number): SheetFacade;
  insertColumnsAfter(afterPosition: number, howMany: number): SheetFacade;
  insertColumnAfter(afterPosition: number): SheetFacade;
  deleteRows(rowPosition: number, howMany: number): void;
  deleteRow(rowPosition: number): SheetFacade;
  appendRow(rowContents: unknown): SheetFacade;
  setFrozenRows(rows: number): void;
  getFrozenRows(): number;
  setFrozenColumns(columns: number): void;
  getFrozenColumns(): number;
  hideSheet(): SheetFacade;
  showSheet(): SheetFacade;
  isSheetHidden(): boolean;
  hideRows(rowIndex: unknown, numRows?: unknown): void;
  showRows(rowIndex: unknown, numRows?: unknown): void;
  hideRow(row: unknown): void;
  unhideRow(row: unknown): void;
  isRowHiddenByUser(rowPosition: unknown): boolean;
  isRowHiddenByFilter(rowPosition: unknown): boolean;
  getFilter(): FilterFacade | null;
  activate(): SheetFacade;
  clear(): SheetFacade;
  clearContents(): SheetFacade;
}

export interface SelectionFacade {
  getActiveRange(): RangeFacade;
  getActiveRangeList(): RangeListFacade;
  getActiveSheet(): SheetFacade;
  getCurrentCell(): RangeFacade;
}

export interface SpreadsheetFacade {
  getId(): string;
  getName(): string;
  rename(name: unknown): void;
  getUrl(): string;
  getSheetByName(name: unknown): SheetFacade | null;
  getSheets(): SheetFacade[];
  getNumSheets(): number;
  insertSheet(nameOrIndex?: unknown, index?: unknown): SheetFacade;
  getActiveSheet(): SheetFacade;
  setActiveSheet(sheet: unknown): SheetFacade;
  getSpreadsheetTimeZone(): string;
  setSpreadsheetTimeZone(timeZone: unknown): void;
  getSpreadsheetLocale(): string;
  toast(message: unknown, title?: unknown, timeoutSeconds?: unknown): void;
  getActiveRange(): RangeFacade;
  getActiveRangeList(): RangeListFacade;
  getSelection(): SelectionFacade;
  getRange(a1Notation: unknown): RangeFacade;
  getRangeList(a1Notations: unknown): RangeListFacade;
}

export interface DataValidationFacade {
  getCriteriaType(): string;
  getCriteriaValues(): unknown[];
  getAllowInvalid(): boolean;
  getHelpText(): string | null;
  copy(): DataValidationBuilderFacade;
}

export interface DataValidationBuilderFacade extends Omit<DataValidationFacade, "copy"> {
  requireCheckbox(checkedValue?: unknown, uncheckedValue?: unknown): DataValidationBuilderFacade;
  requireValueInList(values: unknown, showDropdown?: unknown): DataValidationBuilderFacade;
  requireValueInRange(range: unknown, showDropdown?: unknown): DataValidationBuilderFacade;
  requireNumberBetween(start: unknown, end: unknown): DataValidationBuilderFacade;
  requireNumberGreaterThan(n: unknown): DataValidationBuilderFacade;
  requireNumberGreaterThanOrEqualTo(n: unknown): DataValidationBuilderFacade;
  requireNumberLessThanOrEqualTo(n: unknown): DataValidationBuilderFacade;
  requireDate(): DataValidationBuilderFacade;
  withCriteria(criteria: unknown, args: unknown): DataValidationBuilderFacade;
  setAllowInvalid(allowInvalid: unknown): DataValidationBuilderFacade;
  setHelpText(helpText: unknown): DataValidationBuilderFacade;
  build(): DataValidationFacade;
  copy(): DataValidationBuilderFacade;
}

export type ButtonName = "CLOSE" | "OK" | "CANCEL" | "YES" | "NO";
export type ButtonSetName = "OK" | "OK_CANCEL" | "YES_NO" | "YES_NO_CANCEL";

export interface MenuFacade {
  addItem(caption: unknown, functionName: unknown): MenuFacade;
  addSeparator(): MenuFacade;
  addSubMenu(menu: unknown): MenuFacade;
  addToUi(): void;
}

/** Something with getContent(), e.g. an HtmlOutput of the HtmlService imitation. */
export interface HtmlLike {
  getContent(): string;
  getTitle?(): string;
  getWidth?(): number;
  getHeight?(): number;
}

export interface UiFacade {
  Button: Readonly<Record<ButtonName, ButtonName>>;
  ButtonSet: Readonly<Record<ButtonSetName, ButtonSetName>>;
  alert(titleOrPrompt: unknown, promptOrButtons?: unknown, buttons?: unknown): ButtonName;
  prompt(...args: unknown[]): never;
  createMenu(caption: unknown): MenuFacade;
  createAddonMenu(): MenuFacade;
  showModalDialog(userInterface: HtmlLike, title: unknown): void;
  showModelessDialog(userInterface: HtmlLike, title: unknown): void;
  showSidebar(userInterface: HtmlLike): void;
}

export interface SpreadsheetAppFacade {
  DataValidationCriteria: Readonly<Record<string, string>>;
  getActiveSpreadsheet(): SpreadsheetFacade;
  getActive(): SpreadsheetFacade;
  openById(id: unknown): SpreadsheetFacade;
  getActiveSheet(): SheetFacade;
  getActiveRange(): RangeFacade;
  getActiveRangeList(): RangeListFacade;
  getSelection(): SelectionFacade;
  getUi(): UiFacade;
  flush(): void;
  newDataValidation(): DataValidationBuilderFacade;
  newFilterCriteria(): FilterCriteriaBuilderFacade;
}
