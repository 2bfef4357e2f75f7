// Per-execution plumbing shared by the facade objects: recording each call (and refusing it under
// AuthMode NONE), realm-safe errors, strict wrapping, and maps from facade objects back to model data.

import { type ServiceEnv, strict } from "../env";
import type { ValidationRule } from "./cell";
import type { SpreadsheetModel } from "./model";
import type { FilterRule } from "./row-state";
import type { SheetModel } from "./sheet-model";
import type { RangeFacade, RangeListFacade, SheetFacade, SpreadsheetFacade } from "./types";
import type { WriteOptions } from "./values";

export type FacadeClass =
  | "SpreadsheetApp"
  | "Spreadsheet"
  | "Sheet"
  | "Range"
  | "RangeList"
  | "Ui"
  | "Menu"
  | "DataValidationBuilder"
  | "DataValidation"
  | "Selection"
  | "Filter"
  | "FilterCriteria"
  | "FilterCriteriaBuilder";

/** A rectangle of one sheet (1-based, inclusive of its first row/column). */
export interface RangeRef {
  sheet: SheetModel;
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

/**
 * The facade factories, wired in by createSpreadsheetApp, so that the modules making spreadsheets,
 * sheets and ranges need not import each other (a Range's getSheet makes a Sheet, whose getParent
 * makes a Spreadsheet, whose getActiveRange makes a Range).
 */
export interface Factories {
  spreadsheet(ctx: Ctx): SpreadsheetFacade;
  sheet(ctx: Ctx, sheet: SheetModel): SheetFacade;
  range(ctx: Ctx, ref: RangeRef): RangeFacade;
  rangeList(ctx: Ctx, refs: RangeRef[]): RangeListFacade;
}

export const NO_PERMISSION = "You do not have permission to access the requested document.";

export class Ctx {
  /** Facade object -> what it stands for, so that objects handed back by the script can be resolved. */
  readonly sheetOf = new WeakMap<object, SheetModel>();
  readonly rangeOf = new WeakMap<object, RangeRef>();
  readonly ruleOf = new WeakMap<object, ValidationRule>();
  readonly criteriaOf = new WeakMap<object, FilterRule>();
  readonly menuOf = new WeakMap<object, { name: string; items: { label: string; functionName: string }[] }>();

  constructor(
    readonly model: SpreadsheetModel,
    readonly env: ServiceEnv,
    readonly make: Factories,
  ) {}

  /** Records a call, then refuses it when the execution may not touch the document. */
  call(cls: FacadeClass, method: string, detail?: unknown): void {
    this.env.record(cls, method, detail);
    const uiCall = cls === "Ui" || cls === "Menu" || (cls === "SpreadsheetApp" && method === "getUi");
    if (this.env.authMode === "NONE" && !uiCall) throw this.error(NO_PERMISSION);
  }

  /** A method without arguments that records its call, then returns fn(). */
  getter<T>(cls: FacadeClass, method: string, fn: () => T): () => T {
    return () => {
      this.call(cls, method);
      return fn();
    };
  }

  /** An Error of the script's realm. */
  error(message: string): Error {
    return this.env.makeError(message);
  }

  wrap<T extends object>(name: string, target: T): T {
    return strict(name, target, this.env);
  }

  writeOptions(): WriteOptions {
    return { locale: this.model.locale, zone: this.model.timeZone, dateMs: (v) => this.env.dateMs(v) };
  }

  /** A finite number from the script, else an error. */
  number(value: unknown, what = "value"): number {
    const n = typeof value === "number" ? value : Number(value);
    if (value === null || value === undefined || value === "" || !Number.isFinite(n)) {
      throw this.error(`Invalid ${what}: ${String(value)}.`);
    }
    return n;
  }

  /** A whole number from the script, or the Apps Script conversion error. */
  int(value: unknown, what = "value"): number {
    const n = typeof value === "number" ? value : Number(value);
    if (value === null || value === undefined || value === "" || !Number.isFinite(n)) {
      throw this.error(`Cannot convert '${String(value)}' to int (${what}).`);
    }
    return Math.trunc(n);
  }
}
