// Adversarial pass on setupSheets (CONTRACT §3): a sheet of 10,000 offers is set up with as many
// calls as one of 10, its data untouched, and a second run changes nothing (slow: exhaustive suite).

import { afterAll, describe, expect, test } from "@jest/globals";
import { LINE_HEADERS, OFFER_HEADERS, type Row, runOk, spreadsheetState, stopDouble, world } from "./world";

afterAll(stopDouble);

const offer = (n: number): Row => [
  `Q-${String(n).padStart(5, "0")}`,
  "cst_demo0001",
  "2025-04-14",
  "",
  "",
  "",
];

describe("a large sheet", () => {
  const sheetOf = async (n: number) =>
    world({
      sheets: {
        Offers: [OFFER_HEADERS.slice(0, 6), ...Array.from({ length: n }, (_, i) => offer(i + 1))],
        "Offer lines": [LINE_HEADERS],
      },
    });

  test("10,000 offers: as many calls as 10 offers, well within the time limit, data untouched; a second run changes nothing", async () => {
    const small = runOk(await sheetOf(10), "setupSheets").calls.length;
    const w = await sheetOf(10_000);
    const before = w.ss.values("Offers").map((r) => r.slice(0, 6).map(String));
    const first = runOk(w, "setupSheets");
    // Batched per column: nothing per row.
    expect(first.calls.length).toBeLessThanOrEqual(small + 5);
    expect(first.endedAt - first.startedAt).toBeLessThan(60_000);
    expect(w.ss.values("Offers").map((r) => r.slice(0, 6).map(String))).toEqual(before);
    expect(w.ss.getCell("Offers", 10_001, 1)?.value).toBe("Q-10000");
    const state = spreadsheetState(w.ss);
    runOk(w, "setupSheets");
    expect(spreadsheetState(w.ss)).toEqual(state);
  });
});
