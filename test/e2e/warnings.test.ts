// Valid but implausible offers (CONTRACT §5) wait as `warning` with a Message saying why and what to
// do, and are sent once the user types `send anyway` in Status (or fixes the row). "Today" is the
// run's clock in the spreadsheet's time zone.

import { afterAll, describe, expect, test } from "@jest/globals";
import { messageOf, rowOf, statusOf } from "./probes";
import { postedBodies, runOk, stopDouble, world } from "./world";

afterAll(stopDouble);

const STATUS_COLUMN = 6;
const text = (v: string) => ({ v, f: "@" });
const TAIL = '. Fix the row, or type "send anyway" in Status if it is right as it is.';

describe("plausibility warnings stop an offer until it is confirmed (today is 2025-04-14)", () => {
  const WARNED: [number: string, offer: unknown[], lines: unknown[][], message: string][] = [
    [
      "W-FUTURE",
      ["W-FUTURE", "cst_demo0001", "2099-01-01", "2099-01-31"],
      [["W-FUTURE", "Work", 10, 21]],
      `Not sent: Issued at 2099-01-01 is more than a year in the future${TAIL}`,
    ],
    [
      "W-PAST",
      ["W-PAST", "cst_demo0001", "2024-04-01", ""],
      [["W-PAST", "Work", 10, 21]],
      `Not sent: Issued at 2024-04-01 is more than a year in the past${TAIL}`,
    ],
    [
      "W-LONG",
      ["W-LONG", "cst_demo0001", "2025-04-14", "2026-06-01"],
      [["W-LONG", "Work", 10, 21]],
      `Not sent: Expires at 2026-06-01 is more than a year after Issued at (2025-04-14)${TAIL}`,
    ],
    [
      "W-NEG",
      ["W-NEG", "cst_demo0001", "2025-04-14", ""],
      [
        ["W-NEG", "Work", 50, 21],
        ["W-NEG", "Credit", "-150.00", 21],
      ],
      `Not sent: the total excl. VAT is -100.00, zero or less${TAIL}`,
    ],
    [
      "W-ZERO",
      ["W-ZERO", "cst_demo0001", "2025-04-14", ""],
      [["W-ZERO", "Free intake", 0, 21]],
      `Not sent: the total excl. VAT is 0.00, zero or less${TAIL}`,
    ],
    [
      "=1+1",
      [text("=1+1"), "cst_demo0001", "2025-04-14", ""],
      [[text("=1+1"), "Work", 10, 21]],
      `Not sent: Offer number "=1+1" starts with "=" (a formula typed as text?)${TAIL}`,
    ],
  ];

  test("each warning holds its offer with its message; validate shows the same; send anyway sends it", async () => {
    const w = await world({
      offers: [["OK-1", "cst_demo0001", "2025-04-14", ""], ...WARNED.map(([, offer]) => offer)],
      lines: [["OK-1", "Work", 10, 21], ...WARNED.flatMap(([, , lines]) => lines)],
    });
    runOk(w, "createPendingOffers");
    expect((await postedBodies(w.api)).map((b) => b.offerNumber)).toEqual(["OK-1"]);
    for (const [n, , , message] of WARNED) {
      expect({ n, status: statusOf(w, n), message: messageOf(w, n) }).toEqual({
        n,
        status: "warning",
        message,
      });
    }
    runOk(w, "validateOffers");
    for (const [n, , , message] of WARNED) {
      expect({ n, status: statusOf(w, n), message: messageOf(w, n) }).toEqual({
        n,
        status: "warning",
        message,
      });
    }
    runOk(w, "createPendingOffers");
    expect(await postedBodies(w.api)).toHaveLength(1);

    for (const [n] of WARNED) w.ss.setCell("Offers", rowOf(w, n), STATUS_COLUMN, "send anyway");
    runOk(w, "createPendingOffers");
    const bodies = new Map((await postedBodies(w.api)).map((b) => [b.offerNumber, b]));
    expect([...bodies.keys()]).toEqual(["OK-1", ...WARNED.map(([n]) => n)]);
    expect(bodies.get("W-FUTURE")).toMatchObject({ issuedAt: "2099-01-01", expiresAt: "2099-01-31" });
    expect(bodies.get("W-PAST")).toMatchObject({ issuedAt: "2024-04-01", expiresAt: "2024-05-01" });
    expect(bodies.get("W-LONG")).toMatchObject({ expiresAt: "2026-06-01" });
    expect(bodies.get("W-NEG")?.lines).toEqual([
      { description: "Work", amountExclVat: "50.00", vatRate: 21 },
      { description: "Credit", amountExclVat: "-150.00", vatRate: 21 },
    ]);
    expect(bodies.get("W-ZERO")?.lines).toEqual([
      { description: "Free intake", amountExclVat: "0.00", vatRate: 21 },
    ]);
    for (const [n] of WARNED) {
      expect({ n, status: statusOf(w, n), message: messageOf(w, n) }).toEqual({
        n,
        status: "created",
        message: "",
      });
    }
  });

  test("a warning row that is fixed is sent without send anyway; one still implausible stays held", async () => {
    const w = await world({
      offers: [
        ["F-1", "cst_demo0001", "2025-04-14", "2026-06-01"],
        ["F-2", "cst_demo0001", "2099-01-01", ""],
      ],
      lines: [
        ["F-1", "Work", 10, 21],
        ["F-2", "Work", 10, 21],
      ],
    });
    runOk(w, "createPendingOffers");
    expect([statusOf(w, "F-1"), statusOf(w, "F-2")]).toEqual(["warning", "warning"]);
    w.ss.setCell("Offers", rowOf(w, "F-1"), 4, "2025-05-14");
    w.ss.setCell("Offers", rowOf(w, "F-2"), 3, "2098-01-01");
    runOk(w, "createPendingOffers");
    expect((await postedBodies(w.api)).map((b) => [b.offerNumber, b.expiresAt])).toEqual([
      ["F-1", "2025-05-14"],
    ]);
    expect(statusOf(w, "F-1")).toBe("created");
    expect(statusOf(w, "F-2")).toBe("warning");
    expect(messageOf(w, "F-2")).toBe(
      `Not sent: Issued at 2098-01-01 is more than a year in the future${TAIL}`,
    );
  });

  test.each([
    // 12:00 UTC is already 15 April in Kiritimati (UTC+14): a year from then is 15 April 2026.
    ["Pacific/Kiritimati", "created"],
    ["Etc/UTC", "warning"],
  ])("today is the run's day in the spreadsheet's zone (%s)", async (timeZone, status) => {
    const w = await world({
      timeZone,
      runtime: { startTime: Date.UTC(2025, 3, 14, 12, 0) },
      offers: [["TZ-1", "cst_demo0001", "2026-04-15", ""]],
      lines: [["TZ-1", "Work", 10, 21]],
    });
    runOk(w, "createPendingOffers");
    expect(statusOf(w, "TZ-1")).toBe(status);
    expect(await postedBodies(w.api)).toHaveLength(status === "created" ? 1 : 0);
  });
});

test("a Dutch sheet holds an implausible offer as well, and send anyway sends it", async () => {
  const w = await world({
    locale: "nl_NL",
    offers: [["NL-W", "cst_demo0001", { v: "14-4-2025", f: "@" }, ""]],
    lines: [["NL-W", "Korting", { v: "-1.000", f: "@" }, 21]],
  });
  runOk(w, "createPendingOffers");
  expect(statusOf(w, "NL-W")).toBe("warning");
  expect(messageOf(w, "NL-W")).toMatch(
    /the total excl\. VAT is -1000\.00, zero or less|het totaal excl\. btw is -1000,00, nul of minder/,
  );
  w.ss.setCell("Offers", rowOf(w, "NL-W"), STATUS_COLUMN, "send anyway");
  runOk(w, "createPendingOffers");
  expect((await postedBodies(w.api)).map((b) => [b.issuedAt, b.lines])).toEqual([
    ["2025-04-14", [{ description: "Korting", amountExclVat: "-1000.00", vatRate: 21 }]],
  ]);
});
