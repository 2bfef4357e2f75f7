// Dates as users have them in cells: text in other forms, date cells with a time part, and date cells
// near midnight in spreadsheet and script time zones that differ.

import { afterAll, describe, expect, test } from "@jest/globals";
import { messageOf, statusOf } from "./probes";
import { postedBodies, runOk, stopDouble, world } from "./world";

afterAll(stopDouble);

describe("dates as users have them", () => {
  test("text 2025-4-5, a date cell with a time part, and a date-time format are sent as the day shown", async () => {
    const w = await world({
      offers: [
        ["T-1", "cst_demo0001", "2025-4-5", "2025-4-30"],
        ["T-2", "cst_demo0001", { date: "2025-04-05T13:45", f: "yyyy-mm-dd hh:mm" }, ""],
        [
          "T-3",
          "cst_demo0001",
          { date: "2025-04-05T23:59:59", f: "d/m/yyyy h:mm:ss" },
          { date: "2025-04-05T00:00" },
        ],
        ["T-4", "cst_demo0001", " 2025-04-05 ", "\u00a02025-05-06\u00a0"],
      ],
      lines: ["T-1", "T-2", "T-3", "T-4"].map((n) => [n, "Work", 1, 21]),
    });
    runOk(w, "createPendingOffers");
    expect((await postedBodies(w.api)).map((b) => [b.offerNumber, b.issuedAt, b.expiresAt])).toEqual([
      ["T-1", "2025-04-05", "2025-04-30"],
      ["T-2", "2025-04-05", "2025-05-05"],
      ["T-3", "2025-04-05", "2025-04-05"],
      ["T-4", "2025-04-05", "2025-05-06"],
    ]);
  });

  test("text with a time part or in another order is refused with a message naming the field, never guessed wrong", async () => {
    const w = await world({
      offers: [
        ["X-1", "cst_demo0001", "2025-04-05 13:45"],
        ["X-2", "cst_demo0001", "5-4-2025"],
        ["X-3", "cst_demo0001", "2025-02-29"],
        ["X-4", "cst_demo0001", "2025-04-14", "2025-04-13"],
        ["X-5", "cst_demo0001", { v: 45752, f: "0" }],
      ],
      lines: ["X-1", "X-2", "X-3", "X-4", "X-5"].map((n) => [n, "Work", 1, 21]),
    });
    runOk(w, "createPendingOffers");
    const bodies = await postedBodies(w.api);
    // X-1 may be read as the day 2025-04-05; nothing else may be sent.
    for (const b of bodies) expect([b.offerNumber, b.issuedAt]).toEqual(["X-1", "2025-04-05"]);
    for (const n of ["X-2", "X-3", "X-5"]) {
      expect(statusOf(w, n)).toBe("invalid");
      expect(messageOf(w, n)).toMatch(/Issued at/);
    }
    expect(statusOf(w, "X-4")).toBe("invalid");
    expect(messageOf(w, "X-4")).toMatch(/Expires at/);
    if (bodies.length === 0) expect(messageOf(w, "X-1")).toMatch(/Issued at/);
  });

  test.each([
    ["Pacific/Kiritimati", "Pacific/Pago_Pago"],
    ["Pacific/Pago_Pago", "Pacific/Kiritimati"],
    ["Asia/Kathmandu", "America/St_Johns"],
  ])("date cells near midnight, spreadsheet in %s and script in %s", async (ssZone, scriptZone) => {
    const w = await world({
      timeZone: ssZone,
      runtime: { scriptTimeZone: scriptZone },
      offers: [
        ["M-1", "cst_demo0001", { date: "2025-04-14T00:00" }, { date: "2025-04-30T23:59" }],
        ["M-2", "cst_demo0001", { date: "2025-12-31T23:59:59" }, ""],
        ["M-3", "cst_demo0001", { date: "2025-01-01T00:00:00" }, { date: "2025-01-01T00:00:00" }],
      ],
      lines: ["M-1", "M-2", "M-3"].map((n) => [n, "Work", 1, 21]),
    });
    runOk(w, "createPendingOffers");
    expect((await postedBodies(w.api)).map((b) => [b.offerNumber, b.issuedAt, b.expiresAt])).toEqual([
      ["M-1", "2025-04-14", "2025-04-30"],
      ["M-2", "2025-12-31", "2026-01-30"],
      ["M-3", "2025-01-01", "2025-01-01"],
    ]);
  });
});

describe("dates typed as text in the locale's forms (CONTRACT §7a)", () => {
  const text = (v: string) => ({ v, f: "@" });
  // The Message is in the language of the execution (Dutch for a Dutch locale once chosen by it).
  const either = (en: string, nl: string) => new RegExp(`${en}|${nl}`);

  test("a Dutch sheet: 14-4-2025, 14-04-2025, 14/4/2025 and ISO are sent as 2025-04-14; 31-04-2025 says April has 30 days", async () => {
    const w = await world({
      locale: "nl_NL",
      offers: [
        ["D-1", "cst_demo0001", text("14-4-2025"), text("14-5-2025")],
        ["D-2", "cst_demo0001", text("14-04-2025"), ""],
        ["D-3", "cst_demo0001", text("14/4/2025"), text("1/6/2025")],
        ["D-4", "cst_demo0001", text("2025-04-14"), text("5-4-2026")],
        ["D-5", "cst_demo0001", text("31-04-2025"), ""],
        ["D-6", "cst_demo0001", text("14-4-2025"), text("29-2-2025")],
        ["D-7", "cst_demo0001", text("14-4-25"), ""],
      ],
      lines: ["D-1", "D-2", "D-3", "D-4", "D-5", "D-6", "D-7"].map((n) => [n, "Werk", 10, 21]),
    });
    runOk(w, "createPendingOffers");
    expect((await postedBodies(w.api)).map((b) => [b.offerNumber, b.issuedAt, b.expiresAt])).toEqual([
      ["D-1", "2025-04-14", "2025-05-14"],
      ["D-2", "2025-04-14", "2025-05-14"],
      ["D-3", "2025-04-14", "2025-06-01"],
      ["D-4", "2025-04-14", "2026-04-05"],
    ]);
    expect(statusOf(w, "D-5")).toBe("invalid");
    expect(messageOf(w, "D-5")).toMatch(
      either(
        'Issued at: "31-04-2025" is not a real calendar date: April has 30 days',
        '"31-04-2025" bestaat niet: april heeft 30 dagen',
      ),
    );
    expect(messageOf(w, "D-6")).toMatch(either("February 2025 has 28 days", "februari 2025 heeft 28 dagen"));
    expect(messageOf(w, "D-7")).toMatch(
      either("write the year in full, like 14-4-2025", "schrijf het jaar voluit, bijvoorbeeld 14-4-2025"),
    );
  });

  test("an English sheet: 4/14/2025 is 14 April; 5/4/2025 is refused with both readings; a date cell is unchanged", async () => {
    const w = await world({
      locale: "en_US",
      offers: [
        ["E-1", "cst_demo0001", text("4/14/2025"), text("5/14/2025")],
        ["E-2", "cst_demo0001", text("5/4/2025"), ""],
        ["E-3", "cst_demo0001", { date: "2025-04-05", f: "m/d/yyyy" }, ""],
        ["E-4", "cst_demo0001", text("2025-04-14"), ""],
      ],
      lines: ["E-1", "E-2", "E-3", "E-4"].map((n) => [n, "Work", 10, 21]),
    });
    expect(w.ss.displayValues("Offers")[3]?.[2]).toBe("4/5/2025");
    runOk(w, "createPendingOffers");
    expect((await postedBodies(w.api)).map((b) => [b.offerNumber, b.issuedAt, b.expiresAt])).toEqual([
      ["E-1", "2025-04-14", "2025-05-14"],
      ["E-3", "2025-04-05", "2025-05-05"],
      ["E-4", "2025-04-14", "2025-05-14"],
    ]);
    expect(statusOf(w, "E-2")).toBe("invalid");
    expect(messageOf(w, "E-2")).toBe(
      'Issued at: "5/4/2025" can be read as May 4 or as April 5, 2025; type 2025-05-04 or 2025-04-05 (or use a date cell)',
    );
  });
});
