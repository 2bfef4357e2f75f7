// Data validation: rules as plain frozen data, whether a value passes one, checkbox states, and the
// DataValidationBuilder / DataValidation facades handed to the script.
import { type CellValue, CRITERIA_TYPES, type CriteriaType, isDateValue, type ValidationRule } from "./cell";
import type { Ctx } from "./context";
import type { DataValidationBuilderFacade, DataValidationFacade } from "./types";

export const DATA_VALIDATION_CRITERIA: Readonly<Record<string, string>> = Object.freeze(
  Object.fromEntries(CRITERIA_TYPES.map((c) => [c, c])),
);

function same(a: unknown, b: unknown): boolean {
  if (typeof a === "string" && typeof b === "string") return a.toLowerCase() === b.toLowerCase();
  return a === b;
}

export function isCheckboxRule(rule: ValidationRule | undefined): rule is ValidationRule {
  return rule?.criteria === "CHECKBOX";
}

/** The checked and unchecked values of a checkbox rule; unchecked null means "blank". */
export function checkboxValues(rule: ValidationRule): { checked: unknown; unchecked: unknown } {
  if (rule.values.length === 0) return { checked: true, unchecked: false };
  return { checked: rule.values[0], unchecked: rule.values.length > 1 ? rule.values[1] : null };
}

/** Checkbox state of a value: true checked, false unchecked (blank counts as unchecked), null neither. */
export function checkboxState(rule: ValidationRule, value: CellValue): boolean | null {
  const { checked, unchecked } = checkboxValues(rule);
  if (same(value, checked)) return true;
  if (value === null || same(value, unchecked)) return false;
  return null;
}

export function rulePasses(rule: ValidationRule, value: CellValue): boolean {
  if (value === null) return true;
  const [a, b] = rule.values;
  const num = typeof value === "number" ? value : null;
  switch (rule.criteria) {
    case "CHECKBOX":
      return checkboxState(rule, value) !== null;
    case "VALUE_IN_LIST": {
      const list = Array.isArray(a) ? a : [];
      const text = isDateValue(value) ? "" : String(value);
      return list.some((item) => same(String(item), text));
    }
    case "NUMBER_BETWEEN":
      return num !== null && num >= Number(a) && num <= Number(b);
    case "NUMBER_GREATER_THAN":
      return num !== null && num > Number(a);
    case "NUMBER_GREATER_THAN_OR_EQUAL_TO":
      return num !== null && num >= Number(a);
    case "NUMBER_LESS_THAN_OR_EQUAL_TO":
      return num !== null && num <= Number(a);
    case "DATE_IS_VALID_DATE":
      return isDateValue(value);
    default:
      return true;
  }
}

/** Makes getter-style methods that record their call first. */
function recorded(ctx: Ctx, cls: "DataValidation" | "DataValidationBuilder") {
  return <T>(method: string, fn: () => T) =>
    (): T => {
      ctx.call(cls, method);
      return fn();
    };
}

function copyValues(values: readonly unknown[]): unknown[] {
  return values.map((v) => (Array.isArray(v) ? [...v] : v));
}

export function makeDataValidation(ctx: Ctx, rule: ValidationRule): DataValidationFacade {
  const get = recorded(ctx, "DataValidation");
  const facade: DataValidationFacade = {
    getCriteriaType: get("getCriteriaType", () => rule.criteria),
    getCriteriaValues: get("getCriteriaValues", () => copyValues(rule.values)),
    getAllowInvalid: get("getAllowInvalid", () => rule.allowInvalid),
    getHelpText: get("getHelpText", () => rule.helpText ?? null),
    copy: get("copy", () => makeBuilder(ctx, rule)),
  };
  const wrapped = ctx.wrap("DataValidation", facade);
  ctx.ruleOf.set(wrapped, rule);
  return wrapped;
}

interface Draft {
  criteria?: CriteriaType;
  values: unknown[];
  allowInvalid: boolean;
  helpText?: string;
}

export function makeBuilder(ctx: Ctx, start?: ValidationRule): DataValidationBuilderFacade {
  const draft: Draft = start
    ? { ...start, values: copyValues(start.values) }
    : { values: [], allowInvalid: true };
  const rec = (m: string) => ctx.call("DataValidationBuilder", m);
  const get = recorded(ctx, "DataValidationBuilder");
  let self: DataValidationBuilderFacade;
  const criteria = (m: string, c: CriteriaType, values: unknown[]) => {
    rec(m);
    draft.criteria = c;
    draft.values = values;
    return self;
  };
  const num = (v: unknown) => ctx.number(v, "number");
  const builder: DataValidationBuilderFacade = {
    requireCheckbox: (...args: unknown[]) => criteria("requireCheckbox", "CHECKBOX", args.slice(0, 2)),
    requireValueInList: (values, showDropdown = true) => {
      if (!Array.isArray(values)) throw ctx.error("requireValueInList expects an array of values.");
      return criteria("requireValueInList", "VALUE_IN_LIST", [values.map(String), showDropdown !== false]);
    },
    requireValueInRange: (range, showDropdown = true) => {
      const r = range as { getA1Notation?: () => string; getSheet?: () => { getName(): string } } | null;
      if (typeof r?.getA1Notation !== "function") throw ctx.error("requireValueInRange expects a Range.");
      const where = `${r.getSheet?.().getName() ?? ""}!${r.getA1Notation()}`;
      return criteria("requireValueInRange", "VALUE_IN_RANGE", [where, showDropdown !== false]);
    },
    requireNumberBetween: (a, b) => criteria("requireNumberBetween", "NUMBER_BETWEEN", [num(a), num(b)]),
    requireNumberGreaterThan: (n) => criteria("requireNumberGreaterThan", "NUMBER_GREATER_THAN", [num(n)]),
    requireNumberGreaterThanOrEqualTo: (n) =>
      criteria("requireNumberGreaterThanOrEqualTo", "NUMBER_GREATER_THAN_OR_EQUAL_TO", [num(n)]),
    requireNumberLessThanOrEqualTo: (n) =>
      criteria("requireNumberLessThanOrEqualTo", "NUMBER_LESS_THAN_OR_EQUAL_TO", [num(n)]),
    requireDate: () => criteria("requireDate", "DATE_IS_VALID_DATE", []),
    withCriteria: (c, args) => {
      if (!CRITERIA_TYPES.includes(String(c) as CriteriaType))
        throw ctx.error(`Unknown criteria: ${String(c)}`);
      return criteria("withCriteria", String(c) as CriteriaType, Array.isArray(args) ? [...args] : []);
    },
    setAllowInvalid: (allow) => {
      rec("setAllowInvalid");
      draft.allowInvalid = allow !== false;
      return self;
    },
    setHelpText: (text) => {
      rec("setHelpText");
      draft.helpText = String(text);
      return self;
    },
    getCriteriaType: get("getCriteriaType", () => draft.criteria ?? ""),
    getCriteriaValues: get("getCriteriaValues", () => copyValues(draft.values)),
    getAllowInvalid: get("getAllowInvalid", () => draft.allowInvalid),
    getHelpText: get("getHelpText", () => draft.helpText ?? null),
    copy: get("copy", () => makeBuilder(ctx, draft.criteria ? freezeRule(draft) : undefined)),
    build: () => {
      rec("build");
      if (!draft.criteria) throw ctx.error("The data validation rule has no criteria.");
      return makeDataValidation(ctx, freezeRule(draft));
    },
  };
  self = ctx.wrap("DataValidationBuilder", builder);
  return self;
}

function freezeRule(draft: Draft): ValidationRule {
  const rule: ValidationRule = {
    criteria: draft.criteria ?? "CHECKBOX",
    values: Object.freeze(copyValues(draft.values)),
    allowInvalid: draft.allowInvalid,
    ...(draft.helpText === undefined ? {} : { helpText: draft.helpText }),
  };
  return Object.freeze(rule);
}
