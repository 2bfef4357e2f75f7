// The benchmark's workload for counting spreadsheet calls (sheet-calls*.test.ts): n offers × 2 lines
// for one cst_… customer, after setupSheets, and what reached the spreadsheet in an execution.

import { callKind, type ExecutionResult } from "../../tools/gas-runtime";
import { warmPacing } from "./warm-pacing";
import { type Row, runOk, type World, world } from "./world";

const SHEET_KINDS = new Set(["spreadsheet", "spreadsheet-handle", "flush"]);

/** Every call that reached the spreadsheet, as `Service.method`. */
export const sheetCalls = (r: ExecutionResult): string[] =>
  r.calls
    .filter((c) => SHEET_KINDS.has(callKind(c.service, c.method)))
    .map((c) => `${c.service}.${c.method}`);
export const readsAndWrites = (r: ExecutionResult): number =>
  r.calls.filter((c) => callKind(c.service, c.method) === "spreadsheet").length;
export const times = (calls: readonly string[], call: string): number =>
  calls.filter((c) => c === call).length;

export async function workload(n: number): Promise<World> {
  const numbers = Array.from({ length: n }, (_, i) => `B-${String(i + 1).padStart(5, "0")}`);
  const w = await world({
    offers: numbers.map((num): Row => [num, "cst_demo0001", "2025-04-14"]),
    lines: numbers.flatMap((num): Row[] => [
      [num, `Licence ${num}`, { v: 100, f: "#,##0.00" }, 21],
      [num, "Support", { v: 15.5, f: "#,##0.00" }, 9],
    ]),
  });
  runOk(w, "setupSheets");
  // A user who has run before: one round trip for 50, not the one-request probe of a cold start.
  warmPacing(w);
  return w;
}
