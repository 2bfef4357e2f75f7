// Plain data of one cell and of a data-validation rule, as the SpreadsheetModel stores them, plus the
// CellInput shorthand that tests and fixtures use to describe cells.

/** A date cell holds an instant (epoch ms); it is shown in the spreadsheet's time zone. */
export interface DateValue {
  date: number;
}

/** `null` is an empty cell. Error cells hold their error string ("#N/A", "#REF!", ...). */
export type CellValue = string | number | boolean | DateValue | null;

export const CRITERIA_TYPES = [
  "CHECKBOX",
  "CUSTOM_FORMULA",
  "DATE_AFTER",
  "DATE_BEFORE",
  "DATE_BETWEEN",
  "DATE_EQUAL_TO",
  "DATE_IS_VALID_DATE",
  "DATE_NOT_BETWEEN",
  "DATE_ON_OR_AFTER",
  "DATE_ON_OR_BEFORE",
  "NUMBER_BETWEEN",
  "NUMBER_EQUAL_TO",
  "NUMBER_GREATER_THAN",
  "NUMBER_GREATER_THAN_OR_EQUAL_TO",
  "NUMBER_LESS_THAN",
  "NUMBER_LESS_THAN_OR_EQUAL_TO",
  "NUMBER_NOT_BETWEEN",
  "NUMBER_NOT_EQUAL_TO",
  "TEXT_CONTAINS",
  "TEXT_DOES_NOT_CONTAIN",
  "TEXT_EQUAL_TO",
  "TEXT_IS_VALID_EMAIL",
  "TEXT_IS_VALID_URL",
  "VALUE_IN_LIST",
  "VALUE_IN_RANGE",
] as const;
export type CriteriaType = (typeof CRITERIA_TYPES)[number];

/**
 * A data-validation rule as plain, frozen data. `values` as getCriteriaValues() returns them:
 * CHECKBOX `[]` or `[checked]` or `[checked, unchecked]`; VALUE_IN_LIST `[string[], showDropdown]`;
 * NUMBER_BETWEEN `[min, max]`; DATE_IS_VALID_DATE `[]`.
 */
export interface ValidationRule {
  readonly criteria: CriteriaType;
  readonly values: readonly unknown[];
  readonly allowInvalid: boolean;
  readonly helpText?: string;
}

export interface Cell {
  value: CellValue;
  /** The formula as typed, e.g. "=SUM(A1:A3)"; `value` holds its computed value. */
  formula?: string;
  numberFormat?: string;
  note?: string;
  validation?: ValidationRule;
  /** What getDisplayValue() shows, overriding the computed display. */
  displayOverride?: string;
}

export type CellPrimitive = string | number | boolean | null;

/**
 * How tests and fixtures describe a cell. A primitive is stored as is (a string stays text, verbatim).
 * Object form: `v` value; `date` "YYYY-MM-DD" or "YYYY-MM-DDTHH:mm[:ss]" (a date cell at that wall-clock
 * time in the SPREADSHEET time zone); `f` number format; `formula` (with `v` its computed value);
 * `d` display override; `note`; `checkbox` (a checkbox cell, checked when true; value defaults to it).
 */
export type CellInput =
  | CellPrimitive
  | {
      v?: CellPrimitive;
      date?: string;
      f?: string;
      formula?: string;
      d?: string;
      note?: string;
      checkbox?: boolean;
    };

export const ERROR_VALUES: readonly string[] = [
  "#N/A",
  "#REF!",
  "#VALUE!",
  "#DIV/0!",
  "#NAME?",
  "#ERROR!",
  "#NUM!",
  "#NULL!",
];

export const CHECKBOX_RULE: ValidationRule = Object.freeze({
  criteria: "CHECKBOX",
  values: Object.freeze([]),
  allowInvalid: true,
});

export function isDateValue(value: CellValue): value is DateValue {
  return typeof value === "object" && value !== null;
}

/** A cell with a value or a formula: what getLastRow()/getLastColumn() count. */
export function hasContent(cell: Cell | undefined): boolean {
  return cell !== undefined && (cell.value !== null || cell.formula !== undefined);
}
