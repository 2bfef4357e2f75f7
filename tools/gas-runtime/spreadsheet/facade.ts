// createSpreadsheetApp: the SpreadsheetApp global for one execution, with the Spreadsheet and Selection
// facades. Everything records its call first; under AuthMode NONE only getUi() and Ui/Menu work.
import type { ServiceEnv } from "../env";
import { rangeFromA1, selectionRefs } from "./bounds";
import { Ctx } from "./context";
import { makeFilterCriteriaBuilder } from "./filter";
import type { SpreadsheetModel } from "./model";
import { makeRange } from "./range";
import { makeRangeList } from "./range-list";
import { makeSheet, sheetExistsMessage } from "./sheet";
import type { SelectionFacade, SpreadsheetAppFacade, SpreadsheetFacade } from "./types";
import { makeUi } from "./ui";
import { DATA_VALIDATION_CRITERIA, makeBuilder } from "./validation";

function makeSelection(ctx: Ctx): SelectionFacade {
  const get = <T>(method: string, fn: () => T) => ctx.getter("Selection", method, fn);
  const last = () => selectionRefs(ctx).at(-1)!;
  return ctx.wrap("Selection", {
    getActiveRange: get("getActiveRange", () => makeRange(ctx, last())),
    getActiveRangeList: get("getActiveRangeList", () => makeRangeList(ctx, selectionRefs(ctx))),
    getActiveSheet: get("getActiveSheet", () => makeSheet(ctx, ctx.model.activeSheet())),
    getCurrentCell: get("getCurrentCell", () => makeRange(ctx, { ...last(), numRows: 1, numCols: 1 })),
  });
}

export function makeSpreadsheet(ctx: Ctx): SpreadsheetFacade {
  const model = ctx.model;
  const rec = (method: string) => ctx.call("Spreadsheet", method);
  const get = <T>(method: string, fn: () => T) => ctx.getter("Spreadsheet", method, fn);
  const sheetArg = (sheet: unknown) => {
    const s = typeof sheet === "object" && sheet !== null ? ctx.sheetOf.get(sheet) : undefined;
    if (!s || !model.sheets.includes(s)) throw ctx.error("Invalid argument: sheet");
    return s;
  };
  const spreadsheet: SpreadsheetFacade = {
    getId: get("getId", () => model.id),
    getName: get("getName", () => model.name),
    rename(name) {
      rec("rename");
      model.name = String(name);
    },
    getUrl: get("getUrl", () => `https://docs.google.com/spreadsheets/d/${model.id}/edit`),
    getSheetByName(name) {
      rec("getSheetByName");
      const sheet = model.findSheet(String(name));
      return sheet ? makeSheet(ctx, sheet) : null;
    },
    getSheets: get("getSheets", () => model.sheets.map((s) => makeSheet(ctx, s))),
    getNumSheets: get("getNumSheets", () => model.sheets.length),
    insertSheet(nameOrIndex, index) {
      rec("insertSheet");
      let name = typeof nameOrIndex === "string" ? nameOrIndex : undefined;
      const at =
        typeof nameOrIndex === "number"
          ? nameOrIndex
          : index === undefined
            ? undefined
            : ctx.int(index, "sheetIndex");
      if (name === undefined) {
        let n = model.sheets.length + 1;
        while (model.findSheet(`Sheet${n}`)) n++;
        name = `Sheet${n}`;
      }
      if (model.findSheet(name)) throw ctx.error(sheetExistsMessage(name));
      const position = Math.min(Math.max(at ?? model.sheets.length, 0), model.sheets.length);
      const sheet = model.addSheet(name, [], position);
      model.activeSheetName = sheet.name;
      model.selection = null;
      return makeSheet(ctx, sheet);
    },
    getActiveSheet: get("getActiveSheet", () => makeSheet(ctx, model.activeSheet())),
    setActiveSheet(sheet) {
      rec("setActiveSheet");
      const s = sheetArg(sheet);
      model.activeSheetName = s.name;
      if (model.selection && model.selection.sheet !== s.name) model.selection = null;
      return makeSheet(ctx, s);
    },
    getSpreadsheetTimeZone: get("getSpreadsheetTimeZone", () => model.timeZone),
    setSpreadsheetTimeZone(zone) {
      rec("setSpreadsheetTimeZone");
      model.timeZone = String(zone);
    },
    getSpreadsheetLocale: get("getSpreadsheetLocale", () => model.locale),
    toast(message, title, timeoutSeconds) {
      rec("toast");
      model.toasts.push({
        message: String(message),
        title: title === undefined || title === null ? "" : String(title),
        atMs: ctx.env.now(),
        ...(typeof timeoutSeconds === "number" ? { timeoutSeconds } : {}),
      });
    },
    getActiveRange: get("getActiveRange", () => makeRange(ctx, selectionRefs(ctx).at(-1)!)),
    getActiveRangeList: get("getActiveRangeList", () => makeRangeList(ctx, selectionRefs(ctx))),
    getSelection: get("getSelection", () => makeSelection(ctx)),
    getRange(a1) {
      rec("getRange");
      return makeRange(ctx, rangeFromA1(ctx, model.activeSheet(), a1));
    },
    getRangeList(a1s) {
      rec("getRangeList");
      if (!Array.isArray(a1s)) throw ctx.error("getRangeList expects an array of A1 notations.");
      return makeRangeList(
        ctx,
        a1s.map((a1) => rangeFromA1(ctx, model.activeSheet(), a1)),
      );
    },
  };
  return ctx.wrap("Spreadsheet", spreadsheet);
}

/** The SpreadsheetApp global of one execution, over the persistent model. */
export function createSpreadsheetApp(model: SpreadsheetModel, env: ServiceEnv): SpreadsheetAppFacade {
  const ctx = new Ctx(model, env, {
    spreadsheet: makeSpreadsheet,
    sheet: makeSheet,
    range: makeRange,
    rangeList: makeRangeList,
  });
  const rec = (method: string) => ctx.call("SpreadsheetApp", method);
  const get = <T>(method: string, fn: () => T) => ctx.getter("SpreadsheetApp", method, fn);
  const app: SpreadsheetAppFacade = {
    DataValidationCriteria: ctx.wrap("DataValidationCriteria", { ...DATA_VALIDATION_CRITERIA }),
    getActiveSpreadsheet: get("getActiveSpreadsheet", () => makeSpreadsheet(ctx)),
    getActive: get("getActive", () => makeSpreadsheet(ctx)),
    openById(id) {
      rec("openById");
      if (String(id) !== model.id)
        throw ctx.error(
          "Unexpected error while getting the method or property openById on object SpreadsheetApp.",
        );
      return makeSpreadsheet(ctx);
    },
    getActiveSheet: get("getActiveSheet", () => makeSheet(ctx, model.activeSheet())),
    getActiveRange: get("getActiveRange", () => makeRange(ctx, selectionRefs(ctx).at(-1)!)),
    getActiveRangeList: get("getActiveRangeList", () => makeRangeList(ctx, selectionRefs(ctx))),
    getSelection: get("getSelection", () => makeSelection(ctx)),
    getUi() {
      rec("getUi");
      if (env.isTrigger) throw ctx.error("Cannot call SpreadsheetApp.getUi() from this context.");
      return makeUi(ctx);
    },
    flush() {
      rec("flush");
    },
    newDataValidation: get("newDataValidation", () => makeBuilder(ctx)),
    newFilterCriteria: get("newFilterCriteria", () => makeFilterCriteriaBuilder(ctx)),
  };
  return ctx.wrap("SpreadsheetApp", app);
}
