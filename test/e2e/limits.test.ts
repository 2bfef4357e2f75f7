// Limits: descriptions of 2,000 characters, offer numbers of 50, and an offer with 100 lines.

import { afterAll, describe, expect, test } from "@jest/globals";
import { bodyOf, messageOf, statusOf } from "./probes";
import { cellText, postedNumbers, type Row, runOk, stopDouble, world } from "./world";

afterAll(stopDouble);

describe("limits", () => {
  test("descriptions of 2,000 characters are sent, 2,001 refused; 50-char offer numbers sent, 51 refused", async () => {
    const n50 = `N${"5".repeat(49)}`;
    const n51 = `M${"5".repeat(50)}`;
    const w = await world({
      offers: [
        ["L-2000", "cst_demo0001", "2025-04-14"],
        ["L-2001", "cst_demo0001", "2025-04-14"],
        [n50, "cst_demo0001", "2025-04-14"],
        [n51, "cst_demo0001", "2025-04-14"],
        ["L-SPACES", "cst_demo0001", "2025-04-14"],
      ],
      lines: [
        ["L-2000", "d".repeat(2000), 1, 21],
        ["L-2001", "d".repeat(2001), 1, 21],
        [n50, "Work", 1, 21],
        [n51, "Work", 1, 21],
        ["L-SPACES", `  ${"e".repeat(2000)}  `, 1, 21],
      ],
    });
    runOk(w, "createPendingOffers");
    expect((await postedNumbers(w.api)).sort()).toEqual(["L-2000", "L-SPACES", n50].sort());
    const longLines = ((await bodyOf(w, "L-2000"))?.lines ?? []) as { description: string }[];
    expect(longLines.map((l) => l.description.length)).toEqual([2000]);
    expect(statusOf(w, "L-2001")).toBe("invalid");
    expect(messageOf(w, "L-2001")).toMatch(/Description.*2001/);
    expect(statusOf(w, n51)).toBe("invalid");
    expect(messageOf(w, n51)).toMatch(/Offer number.*51/);
    // The refused long texts are shortened in the Message, not pasted whole.
    expect(messageOf(w, "L-2001").length).toBeLessThan(500);
  });

  test("an offer with 100 lines (mixed rates, discounts) is sent with every line in sheet order", async () => {
    const lines: Row[] = [];
    let cents = 0;
    for (let i = 1; i <= 100; i++) {
      const c = i % 10 === 0 ? -(i * 7) : i * 13 + 1;
      cents += c;
      lines.push(["BIG-1", `Line ${i}`, (c / 100).toFixed(2).replace(".", ","), [21, 9, 0][i % 3]]);
      if (i % 25 === 0) lines.push(["OTHER", "Other", 1, 21]);
    }
    const w = await world({
      offers: [
        ["BIG-1", "cst_demo0001", "2025-04-14"],
        ["OTHER", "cst_demo0001", "2025-04-14"],
      ],
      lines,
    });
    runOk(w, "createPendingOffers");
    const sent = (await bodyOf(w, "BIG-1"))?.lines as { description: string; amountExclVat: string }[];
    expect(sent).toHaveLength(100);
    expect(sent.map((l) => l.description)).toEqual(Array.from({ length: 100 }, (_, i) => `Line ${i + 1}`));
    const total = (cents / 100).toFixed(2);
    expect(cellText(w.ss, "Offers", 2, "Amount")).toBe(total);
    expect(statusOf(w, "OTHER")).toBe("created");
  });
});
