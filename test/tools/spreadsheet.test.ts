// Tests of the SpreadsheetApp imitation (tools/gas-runtime/spreadsheet): value parsing, display formats,
// time zones, errors, checkboxes, selection, UI records, call recording and strictness.
import type { ServiceEnv } from "../../tools/gas-runtime/env";
import { createSpreadsheetApp, SpreadsheetModel } from "../../tools/gas-runtime/spreadsheet";
import { fakeEnv } from "./fake-env";

function setup(model = new SpreadsheetModel(), overrides: Partial<ServiceEnv> = {}) {
  if (!model.findSheet("Offers") && model.sheets.length === 0) model.addSheet("Offers");
  const { env, calls } = fakeEnv(overrides);
  const app = createSpreadsheetApp(model, env);
  return { model, app, calls, sheet: () => app.getActiveSpreadsheet().getSheetByName("Offers")! };
}

describe("setValues parsing", () => {
  test("strings are parsed like typed input unless the cell is plain text", () => {
    const { model, sheet } = setup();
    const written = [
      "=1+",
      "+31612345678",
      "'0012",
      "0012",
      "-5",
      "1e3",
      "true",
      "FALSE",
      "2025-04-14",
      "hello",
    ];
    sheet().getRange(1, 1, 1, written.length).setValues([written]);
    expect(model.formulas("Offers")[0]![0]).toBe("=1+");
    expect(model.values("Offers")[0]!.slice(0, 8)).toEqual([
      "#ERROR!",
      31612345678,
      "0012",
      12,
      -5,
      1000,
      true,
      false,
    ]);
    const date = model.values("Offers")[0]![8];
    expect(date).toEqual(new Date("2025-04-13T22:00:00Z"));
    expect(model.getCell("Offers", 1, 9)?.numberFormat).toBe("yyyy-mm-dd");
    expect(model.values("Offers")[0]![9]).toBe("hello");
  });

  test("formula literals are evaluated, a leading + or - that is not a number starts a formula", () => {
    const { model, sheet } = setup();
    sheet()
      .getRange("A1:D1")
      .setValues([['="x"', "=42", "+31 6 1234 5678", "- discount"]]);
    expect(model.values("Offers")[0]).toEqual(["x", 42, "#ERROR!", "#ERROR!"]);
    expect(model.formulas("Offers")[0]).toEqual(['="x"', "=42", "=+31 6 1234 5678", "=- discount"]);
  });

  test("a plain-text (@) cell keeps every string as is", () => {
    const { model, sheet } = setup();
    const range = sheet().getRange("A1:E1");
    range.setNumberFormat("@");
    range.setValues([["=SUM(A1)", "+31612345678", "0012", "'quoted", "2025-04-14"]]);
    expect(model.values("Offers")[0]).toEqual(["=SUM(A1)", "+31612345678", "0012", "'quoted", "2025-04-14"]);
    expect(model.formulas("Offers")[0]).toEqual(["", "", "", "", ""]);
    expect(range.getDisplayValues()[0]).toEqual([
      "=SUM(A1)",
      "+31612345678",
      "0012",
      "'quoted",
      "2025-04-14",
    ]);
  });

  test("null, undefined and empty string clear; numbers, booleans and Dates keep their type", () => {
    const { model, sheet } = setup();
    model.addSheet("X", [["a", "b", "c", "d", "e"]]);
    const range = sheet().getParent().getSheetByName("X")!.getRange("A1:E1");
    range.setValues([[null, undefined, "", 3.5, new Date("2025-04-14T08:30:00Z")]]);
    expect(model.values("X")[0]).toEqual(["", "", "", 3.5, new Date("2025-04-14T08:30:00Z")]);
    expect(model.getCell("X", 1, 5)?.numberFormat).toBe("yyyy-mm-dd hh:mm:ss");
    expect(model.displayValues("X")[0]![4]).toBe("2025-04-14 10:30:00");
  });

  test("nl_NL also reads a decimal comma; percent text becomes a percent number", () => {
    const { model, sheet } = setup(new SpreadsheetModel({ locale: "nl_NL" }));
    sheet()
      .getRange("A1:C1")
      .setValues([["12,95", "21%", "12.5"]]);
    expect(model.values("Offers")[0]).toEqual([12.95, 0.21, 12.5]);
    expect(model.displayValues("Offers")[0]).toEqual(["12,95", "21%", "12,5"]);
  });

  test("appendRow writes after the last row and parses like setValues", () => {
    const { model, sheet } = setup();
    model.setCell("Offers", 1, 1, "Offer number");
    model.setCell("Offers", 3, 1, "A-1");
    sheet().appendRow(["=x", "'=y", "2024001"]);
    expect(model.values("Offers")[3]).toEqual(["#ERROR!", "=y", 2024001]);
  });
});

describe("display values", () => {
  const cases: [unknown, string | undefined, string, string][] = [
    [2024001, undefined, "2024001", "2024001"],
    [12.95, undefined, "12.95", "12,95"],
    [0.1, undefined, "0.1", "0,1"],
    [0.1 + 0.2, undefined, "0.3", "0,3"],
    [1 / 3, undefined, "0.3333333333", "0,3333333333"],
    [10, "0.00", "10.00", "10,00"],
    [-5, "0.00", "-5.00", "-5,00"],
    [1234.5, "#,##0.00", "1,234.50", "1.234,50"],
    [1234567.891, "#,##0", "1,234,568", "1.234.568"],
    [0.21, "0%", "21%", "21%"],
    [0.21, "0.00%", "21.00%", "21,00%"],
    [1234.56, '"€ "#,##0.00', "€ 1,234.56", "€ 1.234,56"],
    [1234.56, "[$€-413] #,##0.00", "€ 1,234.56", "€ 1.234,56"],
    [-3, "0;(0)", "(3)", "(3)"],
    [12, "0000", "0012", "0012"],
    [12, "@", "12", "12"],
    [1.005, "0.00", "1.01", "1,01"],
    [12.95, "0.###############", "12.95", "12,95"],
    [0.995, "0.00", "1.00", "1,00"],
    [0.5, "#.##", ".5", ",5"],
    [123.456, "0.00E+00", "123.456", "123,456"],
    [true, undefined, "TRUE", "TRUE"],
    ["text", "0.00", "text", "text"],
    [null, "0.00", "", ""],
    ["#N/A", undefined, "#N/A", "#N/A"],
  ];
  test.each(cases)("%p with %p shows %p (en_US) and %p (nl_NL)", (v, f, en, nl) => {
    for (const [locale, expected] of [
      ["en_US", en],
      ["nl_NL", nl],
    ] as const) {
      const model = new SpreadsheetModel({ locale });
      model.addSheet("S", [[{ v: v as never, f }]]);
      expect(model.displayValues("S")[0]?.[0] ?? "").toBe(expected);
    }
  });

  test("date formats are shown in the spreadsheet time zone", () => {
    const model = new SpreadsheetModel({ timeZone: "Europe/Amsterdam" });
    const formats = [
      "yyyy-mm-dd",
      "dd-mm-yyyy",
      "d mmm yyyy",
      "dddd d mmmm yy",
      "yyyy-mm-dd hh:mm",
      "h:mm AM/PM",
      "M/d/yyyy",
    ];
    model.addSheet("S", [formats.map((f) => ({ date: "2025-04-14T15:05", f }))]);
    expect(model.displayValues("S")[0]).toEqual([
      "2025-04-14",
      "14-04-2025",
      "14 Apr 2025",
      "Monday 14 April 25",
      "2025-04-14 15:05",
      "3:05 PM",
      "4/14/2025",
    ]);
    model.locale = "nl_NL";
    expect(model.displayValues("S")[0]![3]).toBe("maandag 14 april 25");
  });

  test("a date without a format shows the locale's default; getNumberFormat reports it", () => {
    const model = new SpreadsheetModel();
    model.addSheet("S", [[{ date: "2025-04-14" }, { date: "2025-04-14T09:30" }, 5]]);
    expect(model.displayValues("S")[0]).toEqual(["4/14/2025", "4/14/2025 9:30:00", "5"]);
    model.locale = "nl_NL";
    expect(model.displayValues("S")[0]).toEqual(["14-4-2025", "14-4-2025 9:30:00", "5"]);
    const { app } = setup(model);
    expect(app.getActiveSpreadsheet().getSheetByName("S")!.getRange("A1:C1").getNumberFormats()).toEqual([
      ["d-M-yyyy", "d-M-yyyy H:mm:ss", "General"],
    ]);
  });

  test("a display override wins", () => {
    const model = new SpreadsheetModel();
    model.addSheet("S", [[{ v: 12.95, f: "0.00", d: "12.9500001" }]]);
    expect(model.displayValues("S")).toEqual([["12.9500001"]]);
  });
});

describe("dates and time zones", () => {
  test("a date cell is midnight in the spreadsheet zone and comes back as that instant", () => {
    const model = SpreadsheetModel.fromFixture({
      timeZone: "Europe/Amsterdam",
      sheets: { Offers: [["Issued at"], [{ date: "2025-04-14", f: "yyyy-mm-dd" }]] },
    });
    const { app } = setup(model);
    const range = app.getActive().getSheetByName("Offers")!.getRange("A2");
    expect((range.getValue() as Date).toISOString()).toBe("2025-04-13T22:00:00.000Z");
    expect(range.getDisplayValue()).toBe("2025-04-14");
    model.timeZone = "America/New_York";
    expect(range.getDisplayValue()).toBe("2025-04-13");
  });

  test("a number with a date format reads as a Date, a date with a number format as its serial", () => {
    const model = new SpreadsheetModel({ timeZone: "Europe/Amsterdam" });
    model.addSheet("S", [
      [
        { v: 45761, f: "yyyy-mm-dd" },
        { date: "2025-04-14T12:00", f: "0.00" },
      ],
    ]);
    expect(model.values("S")[0]).toEqual([new Date("2025-04-13T22:00:00Z"), 45761.5]);
    expect(model.displayValues("S")[0]).toEqual(["2025-04-14", "45761.50"]);
  });
});

describe("errors like Apps Script", () => {
  test("setValues dimensions must match", () => {
    const { sheet } = setup();
    const range = sheet().getRange(2, 1, 2, 3);
    expect(() => range.setValues([[1, 2, 3]])).toThrow(
      "The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.",
    );
    expect(() =>
      range.setValues([
        [1, 2, 3],
        [4, 5],
      ]),
    ).toThrow(
      "The number of columns in the data does not match the number of columns in the range. The data has 2 but the range has 3.",
    );
  });

  test("getRange bounds", () => {
    const { sheet } = setup();
    expect(sheet().getMaxRows()).toBe(1000);
    expect(sheet().getMaxColumns()).toBe(26);
    expect(() => sheet().getRange(1000, 1, 2, 1)).toThrow(
      "The coordinates of the range are outside the dimensions of the sheet.",
    );
    expect(() => sheet().getRange("A1:AA1")).toThrow(
      "The coordinates of the range are outside the dimensions of the sheet.",
    );
    expect(() => sheet().getRange(2, 1, 0, 3)).toThrow("The number of rows in the range must be at least 1.");
    expect(() => sheet().getRange("nonsense")).toThrow("Range not found");
    sheet().insertColumnsAfter(26, 1);
    expect(sheet().getRange("A1:AA1").getNumColumns()).toBe(27);
  });

  test("a second sheet with the same name is refused", () => {
    const { app } = setup();
    const ss = app.getActiveSpreadsheet();
    expect(() => ss.insertSheet("Offers")).toThrow(
      'A sheet with the name "Offers" already exists. Please enter another name.',
    );
    expect(ss.getSheetByName("Missing")).toBeNull();
    const lines = ss.insertSheet("Offer lines", 0);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(["Offer lines", "Offers"]);
    expect(ss.getActiveSheet().getName()).toBe("Offer lines");
    expect(ss.getRange("'Offer lines'!B2:C3").getA1Notation()).toBe("B2:C3");
    expect(lines.getRange("B2").getSheet().getName()).toBe("Offer lines");
  });
});

describe("data extent", () => {
  test("getLastRow spans a blank middle row and counts an unchecked checkbox", () => {
    const model = SpreadsheetModel.fromFixture({
      sheets: { Offers: [["Offer number", "Send"], ["A-1"], [], ["A-3"], [null, { checkbox: false }]] },
    });
    const { sheet } = setup(model);
    expect(sheet().getLastRow()).toBe(5);
    expect(sheet().getLastColumn()).toBe(2);
    expect(sheet().getDataRange().getA1Notation()).toBe("A1:B5");
    expect(sheet().getDataRange().getValues()[2]).toEqual(["", ""]);
  });

  test("a range keeps its coordinates when rows move; sortRows sorts like a user", () => {
    const model = SpreadsheetModel.fromFixture({ sheets: { Offers: [["n"], ["b"], [null], ["a"], ["C"]] } });
    const { sheet } = setup(model);
    const a3 = sheet().getRange("A3");
    model.sortRows("Offers", 1, true);
    expect(model.values("Offers").map((r) => r[0])).toEqual(["n", "a", "b", "C"]);
    model.insertRows("Offers", 2, 1);
    expect(a3.getValue()).toBe("a");
    model.deleteRows("Offers", 2, 2);
    expect(sheet().getMaxRows()).toBe(999);
    expect(model.values("Offers").map((r) => r[0])).toEqual(["n", "b", "C"]);
  });
});

describe("checkboxes and validation", () => {
  test("insertCheckboxes, isChecked, check/uncheck, removeCheckboxes", () => {
    const { model, app, sheet } = setup();
    const range = sheet().getRange("B2:B3");
    range.insertCheckboxes();
    expect(model.values("Offers")).toEqual([
      ["", ""],
      ["", false],
      ["", false],
    ]);
    expect(range.isChecked()).toBe(false);
    sheet().getRange("B2").check();
    expect(range.isChecked()).toBeNull();
    range.check();
    expect(range.isChecked()).toBe(true);
    expect(range.getDisplayValues()).toEqual([["TRUE"], ["TRUE"]]);
    const rule = range.getDataValidation()!;
    expect(rule.getCriteriaType()).toBe(app.DataValidationCriteria.CHECKBOX);
    expect(rule.getCriteriaValues()).toEqual([]);
    range.removeCheckboxes();
    expect(range.getDataValidation()).toBeNull();
    expect(sheet().getLastRow()).toBe(0);
  });

  test("insertCheckboxes sets every cell to unchecked, as Google documents it", () => {
    const model = SpreadsheetModel.fromFixture({ sheets: { Offers: [["Send"], [true], ["yes"], [null]] } });
    const { sheet } = setup(model);
    sheet().getRange("A2:A4").insertCheckboxes("yes", "no");
    expect(model.values("Offers").slice(1)).toEqual([["no"], ["no"], ["no"]]);
    expect(sheet().getRange("A2").getDataValidation()!.getCriteriaValues()).toEqual(["yes", "no"]);
  });

  test("builder rules; a rule that rejects input refuses a bad write", () => {
    const { model, app, sheet } = setup();
    const list = app
      .newDataValidation()
      .requireValueInList(["21", "9", "0"], true)
      .setAllowInvalid(false)
      .build();
    expect(list.getCriteriaType()).toBe("VALUE_IN_LIST");
    expect(list.getCriteriaValues()).toEqual([["21", "9", "0"], true]);
    expect(list.getAllowInvalid()).toBe(false);
    const vat = sheet().getRange("D2:D5");
    vat.setDataValidation(list);
    vat.setValues([[21], ["9"], [0], [null]]);
    expect(() => sheet().getRange("D5").setValue(7)).toThrow(
      "The data you entered in cell D5 violates the data validation rules set on this cell.",
    );
    expect(model.getCell("Offers", 5, 4)?.value).toBeNull();
    const date = app.newDataValidation().requireDate().build();
    expect(date.getCriteriaType()).toBe("DATE_IS_VALID_DATE");
    const between = date.copy().requireNumberBetween(0, 100).setHelpText("0..100").build();
    expect([between.getCriteriaType(), between.getCriteriaValues(), between.getHelpText()]).toEqual([
      "NUMBER_BETWEEN",
      [0, 100],
      "0..100",
    ]);
    const custom = app.newDataValidation().requireCheckbox("yes", "no").build();
    const cell = sheet().getRange("E2");
    cell.setDataValidation(custom);
    cell.setValue("no");
    cell.check();
    expect(cell.getValue()).toBe("yes");
    sheet().getRange("E2:E3").clearDataValidations();
    expect(cell.getDataValidations()).toEqual([[null]]);
  });
});

describe("model helpers", () => {
  test("fixtures set name, zone, locale and sheets; typeCell parses like a user typing", () => {
    const model = SpreadsheetModel.fromFixture(
      JSON.stringify({
        name: "Offers 2025",
        timeZone: "Asia/Tokyo",
        locale: "nl_NL",
        sheets: { Offers: [["Amount"], [{ v: 12.5, f: "0.00" }]], "Offer lines": [] },
      }),
    );
    const { app } = setup(model);
    const ss = app.getActiveSpreadsheet();
    expect([ss.getName(), ss.getSpreadsheetTimeZone(), ss.getSpreadsheetLocale()]).toEqual([
      "Offers 2025",
      "Asia/Tokyo",
      "nl_NL",
    ]);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(["Offers", "Offer lines"]);
    expect(ss.getRange("Offers!A2").getDisplayValue()).toBe("12,50");
    expect(ss.getRange("A1").getNumberFormat()).toBe("General");
    model.typeCell("Offers", 3, 1, "2025-04-14");
    expect((model.values("Offers")[2]![0] as Date).toISOString()).toBe("2025-04-13T15:00:00.000Z");
    expect(model.text("Offers").split("\n")[3]).toBe("3 | 2025-04-14");
  });
});

describe("selection", () => {
  test("the model's selection is the active range list; nothing selected is A1 of the active sheet", () => {
    const { model, app } = setup();
    model.addSheet("Other");
    const ss = app.getActiveSpreadsheet();
    expect(ss.getActiveRange().getA1Notation()).toBe("A1");
    expect(ss.getActiveRange().getSheet().getName()).toBe("Offers");
    model.setSelection("Other", ["A2:C3", "B7"]);
    const selection = ss.getSelection();
    expect(selection.getActiveSheet().getName()).toBe("Other");
    expect(
      selection
        .getActiveRangeList()
        .getRanges()
        .map((r) => r.getA1Notation()),
    ).toEqual(["A2:C3", "B7"]);
    expect(selection.getActiveRange().getA1Notation()).toBe("B7");
    expect(ss.getActiveRangeList().getRanges()).toHaveLength(2);
    ss.setActiveSheet(ss.getSheetByName("Offers"));
    expect(ss.getActiveRange().getA1Notation()).toBe("A1");
  });
});

describe("ui", () => {
  test("toasts, alerts, menus and dialogs are recorded in the model", () => {
    const { model, app } = setup();
    app.getActiveSpreadsheet().toast("Working…", "MijnKlantportaal", 5);
    const ui = app.getUi();
    expect(ui.alert("Done")).toBe(ui.Button.OK);
    model.alertReplies.push("NO");
    expect(ui.alert("Sure?", "Create 3 offers?", ui.ButtonSet.YES_NO)).toBe("NO");
    ui.createMenu("MijnKlantportaal")
      .addItem("Create pending offers", "createPendingOffers")
      .addSeparator()
      .addToUi();
    ui.createMenu("MijnKlantportaal").addItem("Validate", "validateOffers").addToUi();
    ui.showModalDialog(
      { getContent: () => "<form></form>", getWidth: () => 400, getHeight: () => 0 },
      "API key",
    );
    ui.showSidebar({ getContent: () => "<p>help</p>", getTitle: () => "Help" });
    expect(model.toasts).toEqual([
      { message: "Working…", title: "MijnKlantportaal", atMs: 1_744_000_000_000, timeoutSeconds: 5 },
    ]);
    expect(model.alerts).toEqual([
      { message: "Done", reply: "OK" },
      { title: "Sure?", message: "Create 3 offers?", buttons: "YES_NO", reply: "NO" },
    ]);
    expect(model.menus).toEqual([
      { name: "MijnKlantportaal", items: [{ label: "Validate", functionName: "validateOffers" }] },
    ]);
    expect(model.dialogs).toEqual([
      { title: "API key", html: "<form></form>", width: 400, kind: "modal" },
      { title: "Help", html: "<p>help</p>", kind: "sidebar" },
    ]);
  });

  test("getUi throws in a trigger; AuthMode NONE allows only the Ui", () => {
    expect(() => setup(undefined, { isTrigger: true }).app.getUi()).toThrow(
      "Cannot call SpreadsheetApp.getUi() from this context.",
    );
    const { app, model, calls } = setup(undefined, { authMode: "NONE" });
    app.getUi().createMenu("M").addItem("A", "a").addToUi();
    expect(model.menus).toHaveLength(1);
    expect(() => app.getActiveSpreadsheet()).toThrow(
      "You do not have permission to access the requested document.",
    );
    expect(calls).toEqual([
      "SpreadsheetApp.getUi",
      "Ui.createMenu",
      "Menu.addItem",
      "Menu.addToUi",
      "SpreadsheetApp.getActiveSpreadsheet",
    ]);
  });
});

describe("recording and strictness", () => {
  test("every call is recorded before its work", () => {
    const { app, calls } = setup();
    const sheet = app.getActiveSpreadsheet().getSheetByName("Offers")!;
    sheet
      .getRange("A1:B1")
      .setValues([["a", "b"]])
      .setFontWeight("bold");
    sheet.setFrozenRows(1);
    sheet.getDataRange().getDisplayValues();
    app.flush();
    expect(calls).toEqual([
      "SpreadsheetApp.getActiveSpreadsheet",
      "Spreadsheet.getSheetByName",
      "Sheet.getRange",
      "Range.setValues",
      "Range.setFontWeight",
      "Sheet.setFrozenRows",
      "Sheet.getDataRange",
      "Range.getDisplayValues",
      "SpreadsheetApp.flush",
    ]);
  });

  test("a failing record (killed execution) stops the call before it changes anything", () => {
    const model = new SpreadsheetModel();
    model.addSheet("Offers");
    let kill = false;
    const { env } = fakeEnv({
      record: () => {
        if (kill) throw new Error("killed");
      },
    });
    const range = createSpreadsheetApp(model, env)
      .getActiveSpreadsheet()
      .getSheetByName("Offers")!
      .getRange("A1");
    kill = true;
    expect(() => range.setValue("x")).toThrow("killed");
    expect(model.getCell("Offers", 1, 1)).toBeUndefined();
  });

  test("an unknown member throws clearly", () => {
    const { app, sheet } = setup();
    const range = sheet().getRange("A1") as unknown as Record<string, () => void>;
    expect(() => range.randomize!()).toThrow("Range.randomize is not implemented by the local runtime");
    expect(() => (app as unknown as Record<string, unknown>).openByUrl).toThrow("SpreadsheetApp.openByUrl");
  });
});
