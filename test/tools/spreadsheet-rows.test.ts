// Tests of rows hidden by the user or by a filter, and of merged cells, in the SpreadsheetApp
// imitation (tools/gas-runtime/spreadsheet): the calls, what reads give, and rows moving under them.
import { createSpreadsheetApp, SpreadsheetModel } from "../../tools/gas-runtime/spreadsheet";
import { fakeEnv } from "./fake-env";

function setup() {
  const model = new SpreadsheetModel();
  model.addSheet("Offers", [
    ["Offer number", "Customer ID", "Status"],
    ["A-1", "cst_a", "created"],
    ["A-2", "cst_b", ""],
    ["A-3", "cst_c", "created"],
    ["A-4", "cst_d", ""],
  ]);
  const { env, calls } = fakeEnv();
  const app = createSpreadsheetApp(model, env);
  const sheet = app.getActiveSpreadsheet().getSheetByName("Offers")!;
  return { model, app, sheet, calls };
}

const hiddenBy = (sheet: ReturnType<typeof setup>["sheet"], how: "user" | "filter") =>
  [1, 2, 3, 4, 5].filter((r) => (how === "user" ? sheet.isRowHiddenByUser(r) : sheet.isRowHiddenByFilter(r)));

describe("rows hidden by the user", () => {
  test("hideRows/showRows (1-based, one row without a count), hideRow/unhideRow by range", () => {
    const { sheet } = setup();
    sheet.hideRows(3);
    sheet.hideRows(4, 2);
    expect(hiddenBy(sheet, "user")).toEqual([3, 4, 5]);
    sheet.showRows(4);
    expect(hiddenBy(sheet, "user")).toEqual([3, 5]);
    sheet.unhideRow(sheet.getRange("A3:C5"));
    sheet.hideRow(sheet.getRange("B2"));
    expect(hiddenBy(sheet, "user")).toEqual([2]);
    expect(hiddenBy(sheet, "filter")).toEqual([]);
    expect(() => sheet.hideRows(0)).toThrow("out of bounds");
    expect(() => sheet.isRowHiddenByUser(1001)).toThrow("out of bounds");
  });

  test("hidden rows stay with their row as rows are inserted and deleted above them", () => {
    const { model, sheet } = setup();
    model.hideRows("Offers", 4);
    model.insertRows("Offers", 2, 2);
    expect(hiddenBy(sheet, "user")).toEqual([]);
    expect(sheet.isRowHiddenByUser(6)).toBe(true);
    model.deleteRows("Offers", 2, 3);
    expect(hiddenBy(sheet, "user")).toEqual([3]);
    model.deleteRows("Offers", 3, 1);
    expect(hiddenBy(sheet, "user")).toEqual([]);
  });
});

describe("the filter", () => {
  test("one filter a sheet: criteria hide the rows whose cell shows a hidden value, the header never", () => {
    const { app, sheet, calls } = setup();
    expect(sheet.getFilter()).toBeNull();
    const filter = sheet.getRange("A1:C5").createFilter();
    expect(() => sheet.getRange("A1:B2").createFilter()).toThrow("already has a filter");
    filter.setColumnFilterCriteria(3, app.newFilterCriteria().setHiddenValues(["created"]).build());
    expect(hiddenBy(sheet, "filter")).toEqual([2, 4]);
    expect(hiddenBy(sheet, "user")).toEqual([]);
    expect(sheet.getFilter()?.getRange().getA1Notation()).toBe("A1:C5");
    expect(filter.getColumnFilterCriteria(3)?.getHiddenValues()).toEqual(["created"]);
    expect(filter.getColumnFilterCriteria(2)).toBeNull();
    expect(() => filter.setColumnFilterCriteria(4, null)).toThrow("outside the range of the filter");
    // Blank cells are hidden by "" ; whenTextEqualTo shows only that text.
    filter.setColumnFilterCriteria(3, app.newFilterCriteria().setHiddenValues([""]).build());
    expect(hiddenBy(sheet, "filter")).toEqual([3, 5]);
    filter.setColumnFilterCriteria(1, app.newFilterCriteria().whenTextEqualTo("A-2").build());
    expect(hiddenBy(sheet, "filter")).toEqual([2, 3, 4, 5]);
    filter.removeColumnFilterCriteria(3);
    expect(hiddenBy(sheet, "filter")).toEqual([2, 4, 5]);
    filter.remove();
    expect(sheet.getFilter()).toBeNull();
    expect(hiddenBy(sheet, "filter")).toEqual([]);
    expect(calls).toContain("Sheet.isRowHiddenByFilter");
    expect(calls).toContain("Filter.setColumnFilterCriteria");
  });

  test("a filter set up on the model (as a user would) moves with inserted rows", () => {
    const { model, sheet } = setup();
    model.filterRows("Offers", "A1:C5", 3, ["created"]);
    expect(hiddenBy(sheet, "filter")).toEqual([2, 4]);
    model.insertRows("Offers", 1, 1);
    expect(hiddenBy(sheet, "filter")).toEqual([3, 5]);
    expect(sheet.getFilter()?.getRange().getA1Notation()).toBe("A2:C6");
  });
});

describe("merged cells", () => {
  test("merge keeps only the top-left value; the other cells read blank", () => {
    const { sheet } = setup();
    const block = sheet.getRange("B2:B4");
    expect(block.isPartOfMerge()).toBe(false);
    block.merge();
    expect(sheet.getRange("B2:B4").getValues()).toEqual([["cst_a"], [""], [""]]);
    expect(sheet.getRange("B3:C3").getDisplayValues()).toEqual([["", ""]]);
    expect(sheet.getRange("B3").isPartOfMerge()).toBe(true);
    expect(sheet.getRange("A1:A5").isPartOfMerge()).toBe(false);
    expect(
      sheet
        .getDataRange()
        .getMergedRanges()
        .map((r) => r.getA1Notation()),
    ).toEqual(["B2:B4"]);
    expect(() => sheet.getRange("B4:B5").merge()).toThrow("select all cells in a merged range");
    expect(() => sheet.getRange("B3").breakApart()).toThrow("select all cells in a merged range");
    sheet.getRange("A1:C5").breakApart();
    expect(sheet.getRange("B3").isPartOfMerge()).toBe(false);
    // Values gone at the merge do not come back.
    expect(sheet.getRange("B3").getValue()).toBe("");
  });

  test("mergeAcross and mergeVertically make one block per row / column", () => {
    const { sheet } = setup();
    sheet.getRange("A2:B3").mergeAcross();
    expect(
      sheet
        .getRange("A2:C5")
        .getMergedRanges()
        .map((r) => r.getA1Notation()),
    ).toEqual(["A2:B2", "A3:B3"]);
    sheet.getRange("A2:B3").breakApart();
    sheet.getRange("A4:B5").mergeVertically();
    expect(
      sheet
        .getRange("A2:C5")
        .getMergedRanges()
        .map((r) => r.getA1Notation()),
    ).toEqual(["A4:A5", "B4:B5"]);
  });

  test("a merge grows with rows inserted inside it and shrinks as its rows are deleted", () => {
    const { model, sheet } = setup();
    model.mergeCells("Offers", "B2:B4");
    model.insertRows("Offers", 3, 1);
    expect(
      sheet
        .getRange("B1:B9")
        .getMergedRanges()
        .map((r) => r.getA1Notation()),
    ).toEqual(["B2:B5"]);
    model.deleteRows("Offers", 1, 3);
    expect(
      sheet
        .getRange("B1:B9")
        .getMergedRanges()
        .map((r) => r.getA1Notation()),
    ).toEqual(["B1:B2"]);
    model.deleteRows("Offers", 2, 1);
    expect(sheet.getRange("B1:B9").getMergedRanges()).toEqual([]);
  });
});

describe("ranges protected against the user", () => {
  test("values and formats touching the range are refused as a whole; the rest is written", () => {
    const { model, sheet } = setup();
    model.protectRange("Offers", "C2:C3");
    const message = /You are trying to edit a protected cell or object/;
    expect(() => sheet.getRange(2, 3).setValue("x")).toThrow(message);
    expect(() =>
      sheet.getRange(1, 1, 3, 3).setValues([
        ["a", "b", "c"],
        ["d", "e", "f"],
        ["g", "h", "i"],
      ]),
    ).toThrow(message);
    expect(() => sheet.getRange(3, 2, 1, 2).setNumberFormat("@")).toThrow(message);
    expect(() => sheet.getRange(2, 3).setNumberFormats([["0"]])).toThrow(message);
    // Nothing of a refused write landed; cells beside the range take writes.
    expect(sheet.getRange(1, 1, 3, 3).getValues()[0]).toEqual(["Offer number", "Customer ID", "Status"]);
    sheet.getRange(4, 3).setValue("sending");
    sheet.getRange(2, 2).setNumberFormat("@");
    expect(sheet.getRange(4, 3).getValue()).toBe("sending");
    expect(sheet.getRange(2, 3).getValue()).toBe("created");
  });
});
