// The runtime's imitation of Sheets refusing a write: a cell over 50,000 characters throws like
// Sheets (the whole write refused), and RunOptions.fail makes chosen service calls throw.

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GasRuntime, SpreadsheetModel } from "../../tools/gas-runtime";

const CODE = `
function write(text) {
  var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
  try { sheet.getRange(1, 1, 1, 2).setValues([["a", text]]); return "ok"; } catch (e) { return e.message; }
}
function writeTwice() {
  var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
  var out = [];
  for (var i = 0; i < 2; i++) {
    try { sheet.getRange(2 + i, 1, 1, 1).setValues([["v" + i]]); out.push("ok"); } catch (e) { out.push(e.message); }
  }
  return out;
}
`;

const dir = mkdtempSync(join(tmpdir(), "gas-runtime-fail-"));
writeFileSync(
  join(dir, "appsscript.json"),
  JSON.stringify({ timeZone: "Europe/Amsterdam", runtimeVersion: "V8" }),
);
writeFileSync(join(dir, "Code.js"), CODE);

function runtime(): GasRuntime {
  const spreadsheet = new SpreadsheetModel();
  spreadsheet.addSheet("S");
  return new GasRuntime({ distDir: dir, spreadsheet });
}

test("a cell of 50,001 characters is refused as Sheets does, with nothing written; 50,000 is fine", () => {
  const rt = runtime();
  expect(rt.run("write", ["x".repeat(50_001)]).returned).toBe(
    "Your input contains more than the maximum of 50000 characters in a single cell.",
  );
  expect(rt.spreadsheet.displayValues("S")[0]?.[0] ?? "").toBe("");
  expect(rt.run("write", ["x".repeat(50_000)]).returned).toBe("ok");
  expect(rt.spreadsheet.displayValues("S")[0]?.[1]?.length).toBe(50_000);
});

test("RunOptions.fail: the chosen call throws (not made), the execution goes on", () => {
  const rt = runtime();
  let seen = 0;
  const r = rt.run("writeTwice", [], {
    fail: (call) => {
      if (call.service !== "Range" || call.method !== "setValues") return null;
      seen++;
      expect(call.detail).toMatchObject({ cells: 1 });
      return seen === 1 ? "Service Spreadsheets failed while accessing document." : null;
    },
  });
  expect(r.error).toBeUndefined();
  expect(r.returned).toEqual(["Service Spreadsheets failed while accessing document.", "ok"]);
  const values = rt.spreadsheet.displayValues("S");
  expect([values[1]?.[0] ?? "", values[2]?.[0] ?? ""]).toEqual(["", "v1"]);
});
