// What real teams' sheets do that a plain grid does not: a selection over rows hidden by a filter
// or by hand (Sheets' selections include them), cells merged over several rows (blank below their
// top row), and offers with many bad lines (a Message that lists the first ones and counts the rest).

import { afterAll, describe, expect, test } from "@jest/globals";
import { callKind, type ExecutionResult } from "../../tools/gas-runtime";
import {
  cellText,
  LINE_HEADERS,
  postedNumbers,
  type Row,
  runLogMessages,
  runOk,
  stopDouble,
  world,
} from "./world";

afterAll(stopDouble);

const offers = (numbers: string[]): Row[] => numbers.map((n) => [n, "cst_demo0001", "2025-04-14", "", ""]);
const lines = (numbers: string[]): Row[] => numbers.map((n) => [n, `Work for ${n}`, 10, 21]);
const NUMBERS = ["H-2", "H-3", "H-4", "H-5", "H-6"];

const times = (r: ExecutionResult, call: string): number =>
  r.calls.filter((c) => `${c.service}.${c.method}` === call).length;
const sheetReads = (r: ExecutionResult): number =>
  r.calls.filter((c) => callKind(c.service, c.method) === "spreadsheet").length;

describe("createSelectedOffers over hidden rows", () => {
  test("rows hidden by a filter are left alone, and the Run log says how many", async () => {
    const w = await world({ offers: offers(NUMBERS), lines: lines(NUMBERS) });
    w.ss.filterRows("Offers", "A1:L6", 1, ["H-3", "H-5"]);
    w.ss.setSelection("Offers", ["A2:C6"]);
    const r = runOk(w, "createSelectedOffers");
    expect((await postedNumbers(w.api)).sort()).toEqual(["H-2", "H-4", "H-6"]);
    expect(w.column("Status")).toEqual(["created", "", "created", "", "created"]);
    expect(w.column("Message")).toEqual(["", "", "", "", ""]);
    const log = runLogMessages(w.ss).at(-1) ?? "";
    expect(log).toContain("2 selected rows were hidden (by a filter or by hand) and were left alone");
    // One call for the filter, one per selected pending row, and one more for each row it shows.
    expect(times(r, "Sheet.getFilter")).toBe(1);
    expect(times(r, "Sheet.isRowHiddenByFilter")).toBe(5);
    expect(times(r, "Sheet.isRowHiddenByUser")).toBe(3);
  });

  test("rows hidden by hand are left alone (in Dutch); without a filter no row is asked about it", async () => {
    const w = await world({ offers: offers(NUMBERS), lines: lines(NUMBERS), locale: "nl_NL" });
    w.ss.hideRows("Offers", 4);
    w.ss.setSelection("Offers", ["B3:B5"]);
    const r = runOk(w, "createSelectedOffers");
    expect((await postedNumbers(w.api)).sort()).toEqual(["H-3", "H-5"]);
    expect(cellText(w.ss, "Offers", 4, "Status")).toBe("");
    expect(runLogMessages(w.ss).at(-1)).toContain(
      "1 geselecteerde rij was verborgen (door een filter of handmatig) en is niet verwerkt",
    );
    expect(times(r, "Sheet.getFilter")).toBe(1);
    expect(times(r, "Sheet.isRowHiddenByFilter")).toBe(0);
    expect(times(r, "Sheet.isRowHiddenByUser")).toBe(3);
  });

  test("created rows of a selection are not asked about; a selection of hidden rows only sends nothing", async () => {
    const w = await world({ offers: offers(NUMBERS), lines: lines(NUMBERS) });
    w.ss.setSelection("Offers", ["A2:A3"]);
    runOk(w, "createSelectedOffers");
    w.ss.hideRows("Offers", 4, 2);
    w.ss.setSelection("Offers", ["A2:A5"]);
    const r = runOk(w, "createSelectedOffers");
    expect((await postedNumbers(w.api)).sort()).toEqual(["H-2", "H-3"]);
    expect(times(r, "Sheet.isRowHiddenByUser")).toBe(2);
    expect(runLogMessages(w.ss).at(-1)).toContain("2 selected rows were hidden");
    w.ss.setSelection("Offers", ["A4:A5"]);
    runOk(w, "createSelectedOffers");
    expect((await postedNumbers(w.api)).sort()).toEqual(["H-2", "H-3"]);
    expect(w.ss.alerts.at(-1)?.message).toMatch(/select/i);
    expect(w.ss.alerts.at(-1)?.message).toContain("2 selected rows were hidden");
    expect(w.column("Status")).toEqual(["created", "created", "", "", ""]);
  });

  test("createPendingOffers still sends every pending row and asks nothing about hidden rows", async () => {
    const w = await world({ offers: offers(NUMBERS), lines: lines(NUMBERS) });
    w.ss.hideRows("Offers", 3);
    w.ss.filterRows("Offers", "A1:L6", 1, ["H-5"]);
    const r = runOk(w, "createPendingOffers");
    expect((await postedNumbers(w.api)).sort()).toEqual(NUMBERS);
    expect(times(r, "Sheet.getFilter") + times(r, "Sheet.isRowHiddenByUser")).toBe(0);
  });
});

describe("merged cells", () => {
  test("a Customer ID merged over three rows: the rows below say so and are not sent", async () => {
    const w = await world({ offers: offers(["M-2", "M-3", "M-4"]), lines: lines(["M-2", "M-3", "M-4"]) });
    w.ss.mergeCells("Offers", "B2:B4");
    const r = runOk(w, "createPendingOffers");
    expect(await postedNumbers(w.api)).toEqual(["M-2"]);
    expect(w.column("Status")).toEqual(["created", "invalid", "invalid"]);
    for (const row of [3, 4])
      expect(cellText(w.ss, "Offers", row, "Message")).toBe(
        "Customer ID missing: this cell is part of merged cells (rows 2–4), which keep their value in row 2 only. Unmerge them (Format › Merge cells › Unmerge) and fill in Customer ID in each row.",
      );
    expect(times(r, "Range.getMergedRanges")).toBe(1);
  });

  test("Issued at merged, checked in Dutch; a run with no blank field asks nothing about merges", async () => {
    const w = await world({
      offers: offers(["M-2", "M-3"]),
      lines: lines(["M-2", "M-3"]),
      locale: "nl_NL",
    });
    w.ss.mergeCells("Offers", "C2:C3");
    runOk(w, "validateOffers");
    expect(cellText(w.ss, "Offers", 3, "Message")).toMatch(
      /^Issued at ontbreekt: deze cel is samengevoegd met andere cellen \(rijen 2–3\), en dan staat de waarde alleen in rij 2\. Maak de samenvoeging ongedaan \(Opmaak › Cellen samenvoegen › Samenvoeging ongedaan maken\)/,
    );
    w.ss.sheet("Offers").rowState.merges = [];
    w.ss.setCell("Offers", 3, 3, "2025-04-14");
    const r = runOk(w, "createPendingOffers");
    expect((await postedNumbers(w.api)).sort()).toEqual(["M-2", "M-3"]);
    expect(times(r, "Range.getMergedRanges")).toBe(0);
    expect(sheetReads(r)).toBeGreaterThan(0);
  });

  test("an offer number merged over three lines: the offer is not sent without them", async () => {
    const w = await world({
      offers: offers(["ML-1", "ML-2"]),
      lines: [
        ["ML-1", "Design", 100, 21],
        ["", "Build", 200, 21],
        ["", "Test", 50, 21],
        ["ML-2", "Advice", 10, 21],
      ],
    });
    w.ss.mergeCells("Offer lines", "A2:A4");
    const r = runOk(w, "createPendingOffers");
    expect(await postedNumbers(w.api)).toEqual(["ML-2"]);
    expect(w.column("Status")).toEqual(["invalid", "created"]);
    expect(cellText(w.ss, "Offers", 2, "Message")).toBe(
      "The lines in rows 3, 4 of Offer lines have no Offer number because the cell is merged with the one above, so they would be left out of this offer. Unmerge the cells (Format › Merge cells › Unmerge) and fill in Offer number in each row.",
    );
    expect(times(r, "Range.getMergedRanges")).toBe(1);
  });
});

describe("an offer with many bad lines", () => {
  const bad = (n: number): Row[] => Array.from({ length: n }, (_, i) => ["BAD-1", `Line ${i}`, "12,345", 20]);

  test("the Message lists the first 10 lines and counts the rest", async () => {
    const w = await world({ offers: offers(["BAD-1"]), lines: bad(40) });
    runOk(w, "createPendingOffers");
    const message = cellText(w.ss, "Offers", 2, "Message");
    expect(message.match(/Line \d+ \(row \d+ of Offer lines\)/g)).toHaveLength(10);
    expect(message).toMatch(/^Line 1 \(row 2 of Offer lines\): /);
    expect(message).toContain("Line 10 (row 11 of Offer lines)");
    expect(message).not.toContain("Line 11 (");
    expect(message.endsWith("; and 30 more lines with problems in Offer lines")).toBe(true);
    expect(message.length).toBeLessThan(2500);
  });

  test("with a Message column in Offer lines, the Message points there (in Dutch too)", async () => {
    const rows = bad(12).map((r) => [...r, ""]);
    const w = await world({
      offers: offers(["BAD-1"]),
      lines: rows,
      lineHeaders: [...LINE_HEADERS, "Message"],
      locale: "nl_NL",
    });
    runOk(w, "createPendingOffers");
    const message = cellText(w.ss, "Offers", 2, "Message");
    expect(message.match(/Regel \d+ \(rij \d+ in Offer lines\)/g)).toHaveLength(10);
    expect(message.endsWith("; en nog 2 regels met problemen: zie de kolom Message in Offer lines")).toBe(
      true,
    );
    // Each line's own Message still says what is wrong with it.
    expect(cellText(w.ss, "Offer lines", 13, "Message")).not.toBe("");
  });
});

describe("a spreadsheet service that cannot answer the questions that only sharpen a run", () => {
  // Hidden rows, merged cells, filled-down formulas and the schedule's lock only make a run more
  // careful or its messages clearer: when Sheets fails on them, the run goes on as it would without.
  const failOn = (...methods: string[]) => ({
    fail: (c: { method: string }) => (methods.includes(c.method) ? "Service Spreadsheets failed" : null),
  });

  test("the filter and hidden rows: the selected rows are created, none is left out", async () => {
    const w = await world({ offers: offers(NUMBERS), lines: lines(NUMBERS) });
    w.ss.hideRows("Offers", 4);
    w.ss.setSelection("Offers", ["A2:C6"]);
    runOk(w, "createSelectedOffers", [], failOn("getFilter", "isRowHiddenByUser", "isRowHiddenByFilter"));
    expect((await postedNumbers(w.api)).sort()).toEqual(["H-2", "H-3", "H-4", "H-5", "H-6"]);
  });

  test("merged cells: the rows below a merge are invalid with the plain missing-field message", async () => {
    const w = await world({ offers: offers(["M-2", "M-3"]), lines: lines(["M-2", "M-3"]) });
    w.ss.mergeCells("Offers", "B2:B3");
    runOk(w, "createPendingOffers", [], failOn("getMergedRanges"));
    expect(await postedNumbers(w.api)).toEqual(["M-2"]);
    expect(w.column("Status")).toEqual(["created", "invalid"]);
    expect(cellText(w.ss, "Offers", 3, "Message")).toMatch(/^Customer ID missing/);
  });

  test("formulas: a row only a formula filled is judged as typed", async () => {
    const w = await world({
      offers: [
        ["F-2", "cst_demo0001", "2025-04-14"],
        ["", "", "", { v: 30, formula: "=1+29" }],
      ],
      lines: lines(["F-2"]),
    });
    runOk(w, "createPendingOffers", [], failOn("getFormulas"));
    expect(await postedNumbers(w.api)).toEqual(["F-2"]);
    expect(w.column("Status")).toEqual(["created", "invalid"]);
  });

  test("the script lock: hourly runs are turned on and off all the same", async () => {
    const w = await world({ offers: offers(["S-2"]), lines: lines(["S-2"]) });
    expect(String(runOk(w, "enableScheduledRuns", [], failOn("getScriptLock")).returned)).toMatch(
      /^Hourly runs are on/,
    );
    expect(w.rt.triggers.filter((t) => t.type === "hourly")).toHaveLength(1);
    expect(String(runOk(w, "disableScheduledRuns", [], failOn("getScriptLock")).returned)).toMatch(
      /^Hourly runs are off/,
    );
    expect(w.rt.triggers).toEqual([]);
  });
});
