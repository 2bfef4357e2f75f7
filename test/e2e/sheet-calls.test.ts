// How many calls reach the spreadsheet (handles and flushes counted too), on the benchmark's
// workload: n offers × 2 lines for one cst_… customer, after setupSheets. Each sheet is looked up
// once, its name is never asked again, the ledger is created with its first entries in one write,
// and cells already plain text (or made so once an execution) get no setNumberFormat per block.

import { afterAll, describe, expect, test } from "@jest/globals";
import { sheetCalls, times, workload } from "./sheet-calls-world";
import { runOk, stopDouble } from "./world";

afterAll(stopDouble);

describe("calls that reach the spreadsheet", () => {
  test("50 offers: one execution, every offer created, at most 38 calls counting handles and flushes", async () => {
    const w = await workload(50);
    const run = runOk(w, "createPendingOffers");
    expect(w.column("Status")).toEqual(new Array(50).fill("created"));
    expect(run.counts["UrlFetchApp.fetchAll"]).toBe(1);
    const calls = sheetCalls(run);
    // Offers, Offer lines, the ledger, Run log: one lookup each; no sheet's name asked back.
    expect(times(calls, "Spreadsheet.getSheetByName")).toBe(4);
    expect(times(calls, "Sheet.getName")).toBe(0);
    // Each sheet read once (formats of Offers only); the whole sheet again only before the first
    // marks, which add the ref column; the results re-read the cells read at the start.
    expect(times(calls, "Range.getNumberFormats")).toBe(1);
    expect(times(calls, "Sheet.getDataRange")).toBe(3);
    expect(times(calls, "Range.getDisplayValues")).toBe(4);
    // Plain text set once: Offers' Status group (not per block); the ledger's cells need none.
    expect(times(calls, "Range.setNumberFormat")).toBe(1);
    expect(times(calls, "Sheet.getMaxColumns") + times(calls, "Sheet.getMaxRows")).toBe(0);
    expect(times(calls, "SpreadsheetApp.flush")).toBe(1);
    // Was 50, then 42; the target of 20 is not reached (see bench, batches).
    expect(calls.length).toBeLessThanOrEqual(38);
  });

  test("the next 50 offers (ledger and ref column there): the rows are found again in the cells first read", async () => {
    const w = await workload(50);
    runOk(w, "createPendingOffers");
    // A few minutes later (the last minute's requests leave room for 50 again), typed below the first
    // 50 (rows 2–51; their lines 2–101), as a user adds them.
    w.rt.clock.advance(5 * 60_000);
    for (let i = 51; i <= 100; i++) {
      const num = `B-${String(i).padStart(5, "0")}`;
      const offer = [num, "cst_demo0001", "2025-04-14"];
      const line = [num, `Licence ${num}`, "100", "21"];
      for (const [c, t] of offer.entries()) w.ss.typeCell("Offers", i + 1, c + 1, t);
      for (const [c, t] of line.entries()) w.ss.typeCell("Offer lines", i + 51, c + 1, t);
    }
    const run = runOk(w, "createPendingOffers");
    expect(w.column("Status")).toEqual(new Array(100).fill("created"));
    const calls = sheetCalls(run);
    expect(run.counts["UrlFetchApp.fetchAll"]).toBe(1);
    // Offers, lines and the ledger read once each; no whole-sheet read again.
    expect(times(calls, "Sheet.getDataRange")).toBe(3);
    expect(times(calls, "Range.getDisplayValues")).toBe(4);
    // The new rows' Status group made plain text once (they were typed, not set up).
    expect(times(calls, "Range.setNumberFormat")).toBe(1);
    // Ranges: the ledger's two appends, the Status group's format, the marks, the Run log's header;
    // the results are written through the marks' range. The ledger's appends need no format.
    expect(times(calls, "Sheet.getRange")).toBe(5);
    expect(calls.length).toBeLessThanOrEqual(33);
  });
});
