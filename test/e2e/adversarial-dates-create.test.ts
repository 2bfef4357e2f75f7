// Adversarial dates sent by a create run: date cells with a late time part in spreadsheet zones far
// from the script's, Expires at left blank across month ends there, DST days in Amsterdam, the
// spreadsheet's zone changed between runs, and "a year from today" decided on the sheet's today.

import { afterAll, describe, expect, test } from "@jest/globals";
import { messageOf, statusOf } from "./probes";
import { postedBodies, runOk, sheetColumn, stopDouble, world } from "./world";

afterAll(stopDouble);

const sent = async (w: Awaited<ReturnType<typeof world>>) =>
  (await postedBodies(w.api)).map((b) => [b.offerNumber, b.issuedAt, b.expiresAt]);

describe("date cells read in the spreadsheet's zone (CONTRACT §5), Expires at blank = Issued at + 30 days", () => {
  test.each([
    ["Pacific/Auckland", "America/Los_Angeles"],
    ["America/Los_Angeles", "Pacific/Auckland"],
    ["Asia/Kolkata", "America/Los_Angeles"],
    ["Europe/Amsterdam", "Pacific/Auckland"],
  ])("sheet in %s, script in %s: late and early times, month ends", async (ssZone, scriptZone) => {
    const w = await world({
      timeZone: ssZone,
      runtime: { scriptTimeZone: scriptZone },
      offers: [
        ["Z-1", "cst_demo0001", { date: "2025-04-14T23:30", f: "yyyy-mm-dd" }, ""],
        ["Z-2", "cst_demo0001", { date: "2025-01-31T23:59:59" }, ""],
        ["Z-3", "cst_demo0001", { date: "2025-03-31T00:00" }, { date: "2025-04-30T23:30" }],
        ["Z-4", "cst_demo0001", { date: "2025-02-28T00:30" }, ""],
        ["Z-5", "cst_demo0001", { date: "2025-04-14T00:00" }, { date: "2025-04-14T23:59", f: "d mmm yyyy" }],
      ],
      lines: ["Z-1", "Z-2", "Z-3", "Z-4", "Z-5"].map((n) => [n, "Work", 1, 21]),
    });
    runOk(w, "createPendingOffers");
    expect(await sent(w)).toEqual([
      ["Z-1", "2025-04-14", "2025-05-14"],
      ["Z-2", "2025-01-31", "2025-03-02"],
      ["Z-3", "2025-03-31", "2025-04-30"],
      ["Z-4", "2025-02-28", "2025-03-30"],
      ["Z-5", "2025-04-14", "2025-04-14"],
    ]);
  });

  test("DST days in Amsterdam (script in Los Angeles): the day shown, + 30 days across the change", async () => {
    const w = await world({
      timeZone: "Europe/Amsterdam",
      runtime: { scriptTimeZone: "America/Los_Angeles" },
      offers: [
        ["DST-1", "cst_demo0001", { date: "2025-03-30T00:00" }, ""],
        ["DST-2", "cst_demo0001", { date: "2025-03-30T23:30" }, ""],
        ["DST-3", "cst_demo0001", { date: "2025-10-26T00:00" }, ""],
        ["DST-4", "cst_demo0001", { date: "2025-10-26T23:59" }, { date: "2025-10-27T00:00" }],
        ["DST-5", "cst_demo0001", { date: "2025-03-01T00:00" }, ""],
        ["DST-6", "cst_demo0001", { date: "2025-09-27T00:00" }, ""],
      ],
      lines: ["DST-1", "DST-2", "DST-3", "DST-4", "DST-5", "DST-6"].map((n) => [n, "Work", 1, 21]),
    });
    runOk(w, "createPendingOffers");
    expect(await sent(w)).toEqual([
      ["DST-1", "2025-03-30", "2025-04-29"],
      ["DST-2", "2025-03-30", "2025-04-29"],
      ["DST-3", "2025-10-26", "2025-11-25"],
      ["DST-4", "2025-10-26", "2025-10-27"],
      ["DST-5", "2025-03-01", "2025-03-31"],
      ["DST-6", "2025-09-27", "2025-10-27"],
    ]);
  });

  test("the spreadsheet's zone changed after a validate run: what is sent is the day the cell shows now", async () => {
    const w = await world({
      offers: [
        [
          "CH-1",
          "cst_demo0001",
          { date: "2025-04-14T23:30", f: "yyyy-mm-dd" },
          { date: "2025-05-01T00:30", f: "yyyy-mm-dd" },
        ],
      ],
      lines: [["CH-1", "Work", 1, 21]],
    });
    runOk(w, "validateOffers");
    // The local runtime keeps a date cell as an instant, so its day moves with the zone (Sheets keeps
    // the day); either way the product must send the day the cell shows at the time it is sent.
    w.ss.timeZone = "Pacific/Auckland";
    const shown = [sheetColumn(w.ss, "Offers", "Issued at")[0], sheetColumn(w.ss, "Offers", "Expires at")[0]];
    runOk(w, "createPendingOffers");
    const [body] = await postedBodies(w.api);
    expect(shown).toEqual(["2025-04-15", "2025-05-01"]);
    expect([body?.issuedAt, body?.expiresAt]).toEqual(shown);
  });
});

describe("a year from today, on the spreadsheet's today (CONTRACT §5 warnings)", () => {
  // 2025-04-14 12:30 UTC: still the 14th in UTC and in the script's zone, already the 15th in Auckland.
  const startTime = Date.parse("2025-04-14T12:30:00Z");

  test("sheet in Auckland: exactly a year after its today is sent, a day more is held back", async () => {
    const w = await world({
      timeZone: "Pacific/Auckland",
      runtime: { scriptTimeZone: "Etc/UTC", startTime },
      offers: [
        ["Y-1", "cst_demo0001", "2026-04-15", "2026-04-20"],
        ["Y-2", "cst_demo0001", "2026-04-16", "2026-04-20"],
        ["Y-3", "cst_demo0001", "2024-04-15", "2024-04-20"],
        ["Y-4", "cst_demo0001", "2024-04-14", "2024-04-20"],
      ],
      lines: ["Y-1", "Y-2", "Y-3", "Y-4"].map((n) => [n, "Work", 1, 21]),
    });
    runOk(w, "createPendingOffers");
    expect((await sent(w)).map((b) => b[0])).toEqual(["Y-1", "Y-3"]);
    for (const n of ["Y-2", "Y-4"]) {
      expect(statusOf(w, n)).toBe("warning");
      expect(messageOf(w, n)).toMatch(/Issued at|year/i);
    }
  });
});
