// Offer numbers and customer IDs as users have them: thousands separators, leading zeros, pasted
// non-breaking spaces, and numbers that differ only in case or spaces.

import { afterAll, describe, expect, test } from "@jest/globals";
import { bodyOf } from "./probes";
import { postedBodies, postedNumbers, runLogMessages, runOk, sheetColumn, stopDouble, world } from "./world";

afterAll(stopDouble);

describe("offer numbers and customer IDs as users have them", () => {
  test("a number with thousands separators is sent as shown, and joins lines shown the same way", async () => {
    const w = await world({
      offers: [[{ v: 2024001, f: "#,##0" }, "cst_demo0001", "2025-04-14"]],
      lines: [[{ v: 2024001, f: "#,##0" }, "Work", 1, 21]],
    });
    runOk(w, "createPendingOffers");
    const shown = w.ss.displayValues("Offers")[1]?.[0];
    expect(await postedNumbers(w.api)).toEqual([shown]);
    expect(w.ss.displayValues("Offers")[1]?.[5]).toBe("created");
  });

  test("an offer number shown with thousands separators whose lines hold the plain number: never dropped silently", async () => {
    const w = await world({
      offers: [[{ v: 2024001, f: "#,##0" }, "cst_demo0001", "2025-04-14"]],
      lines: [[2024001, "Work", 1, 21]],
    });
    runOk(w, "createPendingOffers");
    const status = w.ss.displayValues("Offers")[1]?.[5];
    if (status === "created") {
      expect((await postedBodies(w.api))[0]?.lines).toHaveLength(1);
    } else {
      expect(status).toBe("invalid");
      expect(w.ss.displayValues("Offers")[1]?.[8]).toMatch(/Lines/);
      expect(runLogMessages(w.ss).at(-1)).toMatch(/match no offer/);
    }
  });

  test("leading zeros typed as text, and a number cell shown as 000, are sent as shown", async () => {
    const w = await world({
      offers: [
        [{ v: "0042", f: "@" }, "cst_demo0001", "2025-04-14"],
        ["007", "cst_demo0001", "2025-04-14"],
        [{ v: 8, f: "000" }, "cst_demo0001", "2025-04-14"],
      ],
      lines: [
        ["0042", "Work", 1, 21],
        [{ v: 7, f: "000" }, "Work", 1, 21],
        ["008", "Work", 1, 21],
      ],
    });
    runOk(w, "createPendingOffers");
    expect(await postedNumbers(w.api)).toEqual(["0042", "007", "008"]);
    expect(sheetColumn(w.ss, "Offers", "Status")).toEqual(["created", "created", "created"]);
  });

  test("a pasted customer ID and offer number with non-breaking spaces around them", async () => {
    const w = await world({
      offers: [["\u00a0NB-1\u00a0", "\u00a0 cst_demo0002\u00a0\t", "2025-04-14"]],
      lines: [[" nb-1\u00a0", "Work", 1, 21]],
    });
    runOk(w, "createPendingOffers");
    expect((await postedBodies(w.api)).map((b) => [b.offerNumber, b.customerId])).toEqual([
      ["NB-1", "cst_demo0002"],
    ]);
    expect(sheetColumn(w.ss, "Offers", "Status")).toEqual(["created"]);
  });

  test("a line whose offer number differs in case and surrounding spaces belongs to the offer", async () => {
    const w = await world({
      offers: [["Ab-001", "cst_demo0001", "2025-04-14"]],
      lines: [
        [" ab-001 ", "One", 1, 21],
        ["AB-001", "Two", 2, 21],
        ["aB-001\u00a0", "Three", 3, 21],
      ],
    });
    runOk(w, "createPendingOffers");
    expect((await bodyOf(w, "Ab-001"))?.lines).toEqual([
      { description: "One", amountExclVat: "1.00", vatRate: 21 },
      { description: "Two", amountExclVat: "2.00", vatRate: 21 },
      { description: "Three", amountExclVat: "3.00", vatRate: 21 },
    ]);
  });

  test("two rows whose offer numbers differ only in case or spaces are duplicates: neither is sent", async () => {
    const w = await world({
      offers: [
        ["DUP-1", "cst_demo0001", "2025-04-14"],
        [" dup-1 ", "cst_demo0002", "2025-04-14"],
      ],
      lines: [["DUP-1", "Work", 1, 21]],
    });
    runOk(w, "createPendingOffers");
    expect(await postedBodies(w.api)).toEqual([]);
    expect(sheetColumn(w.ss, "Offers", "Status")).toEqual(["invalid", "invalid"]);
    expect(sheetColumn(w.ss, "Offers", "Message")[0]).toMatch(/Offer number/);
  });
});
