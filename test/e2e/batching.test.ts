// Sheet access is batched (CONTRACT §6): a run reads each sheet's data range once (plus the key
// column before each later write-back) and writes back in a few setValues calls per chunk of
// offers, never a call per cell — whatever the number of rows. Loading the bundle calls nothing.

import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import type { ExecutionResult } from "../../tools/gas-runtime";
import { warmPacing } from "./warm-pacing";
import { runOk, stopDouble, world } from "./world";

afterAll(stopDouble);

/** Calls that touch one cell at a time: never acceptable in a run. */
const PER_CELL = [
  "Range.getValue",
  "Range.setValue",
  "Range.getDisplayValue",
  "Range.getFormula",
  "Range.setFormula",
  "Range.getNumberFormat",
  "Range.getNote",
  "Range.setNote",
  "Range.isChecked",
  "Range.check",
  "Range.uncheck",
];

interface Measured {
  n: number;
  result: ExecutionResult;
  /** Chunks of offers sent: one UrlFetchApp.fetchAll each. */
  chunks: number;
  count(key: string): number;
}

async function measure(n: number): Promise<Measured> {
  const numbers = Array.from({ length: n }, (_, i) => `BATCH-${String(i + 1).padStart(4, "0")}`);
  const w = await world({
    config: { rateLimit: 1000, acceptAnyCustomer: true },
    offers: numbers.map((num, i) => [num, `cst_customer${i + 1}`, "2025-04-14", "", i % 2 === 0 ? "ja" : ""]),
    lines: numbers.flatMap((num) => [
      [num, `Design for ${num}`, "12,95", 21],
      [num, "Hosting", { v: 120, f: "#,##0.00" }, 9],
    ]),
  });
  warmPacing(w);
  const result = runOk(w, "createPendingOffers");
  // It really did the work: every offer created with its two lines, every row written back.
  const stored = await w.api.offers();
  expect(stored).toHaveLength(n);
  expect(stored.every((o) => o.lines.length === 2)).toBe(true);
  expect(w.column("Status")).toEqual(new Array(n).fill("created"));
  expect(w.column("Offer ID").every((id) => id.startsWith("off_"))).toBe(true);
  expect(w.column("Amount")).toEqual(new Array(n).fill("132.95"));
  const count = (key: string) => result.counts[key] ?? 0;
  return { n, result, chunks: count("UrlFetchApp.fetchAll"), count };
}

describe("batched sheet access", () => {
  let runs: Measured[] = [];

  beforeAll(async () => {
    runs = [];
    // 5 and 60 fit in one round trip (the documented 60 requests a minute); 61 and 200 take more,
    // at most 60 requests each, even though the API reports a higher limit here.

    for (const n of [5, 60, 61, 200]) runs.push(await measure(n));
  });

  test("no call reads or writes a single cell, and loading the bundle calls nothing", () => {
    for (const run of runs) {
      const perCell = PER_CELL.filter((key) => run.count(key) > 0).map((key) => `${key} ×${run.count(key)}`);
      expect({ n: run.n, perCell }).toEqual({ n: run.n, perCell: [] });
      expect(run.result.calls.filter((c) => c.phase === "load")).toEqual([]);
    }
  });

  test("each sheet's data range is read once, whatever the number of rows", () => {
    for (const run of runs) {
      // Offers and Offer lines: one getValues, one getNumberFormats each (+1 getValues for the
      // Run log's header row, +1 for the Offers header row matched again before each write).
      expect(run.count("Range.getValues")).toBeLessThanOrEqual(3 + run.chunks + 1);
      expect(run.count("Range.getNumberFormats")).toBeLessThanOrEqual(2);
      // Offers and Offer lines once each, the ledger once, and the Offers range again before each
      // write (its header row and key columns in one getDisplayValues).
      expect(run.count("Sheet.getDataRange")).toBeLessThanOrEqual(3 + run.chunks + 1);
      // Display values: once per sheet, plus the header row and key columns (one call) before each
      // write: the marking of each chunk (with the previous chunk's results) and the final write-back.
      expect(run.count("Range.getDisplayValues")).toBeLessThanOrEqual(2 + run.chunks + 1);
    }
    const [first] = runs;
    for (const run of runs) {
      // The same whatever the number of rows and chunks (header rows are re-read with the key columns).
      expect({ n: run.n, getValues: run.count("Range.getValues") }).toEqual({
        n: run.n,
        getValues: first!.count("Range.getValues"),
      });
      expect({ n: run.n, formats: run.count("Range.getNumberFormats") }).toEqual({
        n: run.n,
        formats: first!.count("Range.getNumberFormats"),
      });
    }
  });

  test("write-backs are a few setValues calls per chunk, independent of the number of rows", () => {
    for (const run of runs) {
      // Bound: at most 3 setValues per chunk of offers and one ledger append per chunk, plus 4 (final
      // write-back and its ledger entries, the ledger's and the ref column's headers the first time).
      expect(run.chunks).toBeGreaterThanOrEqual(1);
      // At most 60 requests a round trip, whatever higher limit the API reports.
      expect(run.chunks).toBe(Math.ceil(run.n / 60));
      expect(run.count("Range.setValues")).toBeLessThanOrEqual(4 * run.chunks + 4);
      expect(run.count("Range.setNumberFormat") + run.count("Range.setNumberFormats")).toBeLessThanOrEqual(
        4 * run.chunks + 4,
      );
    }
    // Same chunking → exactly the same calls, for 5 or 60 rows, and for 61 or 200 rows.
    const byChunks = new Map<number, Measured[]>();
    for (const run of runs) byChunks.set(run.chunks, [...(byChunks.get(run.chunks) ?? []), run]);
    const sheetCalls = (run: Measured) =>
      Object.fromEntries(
        Object.entries(run.result.counts).filter(([key]) => /^(Range|Sheet|RangeList)\./.test(key)),
      );
    for (const group of byChunks.values()) {
      for (const run of group)
        expect({ n: run.n, calls: sheetCalls(run) }).toEqual({
          n: run.n,
          calls: sheetCalls(group[0]!),
        });
    }
    expect(runs.find((r) => r.n === 5)?.chunks).toBe(runs.find((r) => r.n === 60)?.chunks);
    expect(runs.find((r) => r.n === 61)?.chunks).toBe(2);
    expect(runs.find((r) => r.n === 200)?.chunks).toBe(4);
  });
});
