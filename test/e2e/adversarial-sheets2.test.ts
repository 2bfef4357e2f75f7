// Adversarial pass over sheets as Dutch sales teams build them (second round): offer numbers joined
// across Offers and Offer lines as pasted from mail and the web, error cells in every input field,
// Send notification as checkboxes or words, and cells whose writes Sheets refuses.

import { afterAll, describe, expect, test } from "@jest/globals";
import { messageOf, statusOf } from "./probes";
import { postedBodies, runLogMessages, runOk, sheetColumn, stopDouble, world } from "./world";

afterAll(stopDouble);

describe("offer numbers and customers pasted with invisible characters", () => {
  // Text copied from a web page, a mail or Word often carries a zero-width space, joiner or word
  // joiner at either end: Sheets shows nothing, so the user sees two equal offer numbers.
  test.each([
    ["zero-width space", "\u200b"],
    ["zero-width non-joiner", "\u200c"],
    ["word joiner", "\u2060"],
    ["byte-order mark", "\ufeff"],
  ])("a %s at the end of the offer number or customer ID is ignored, in both sheets", async (_name, zw) => {
    const w = await world({
      offers: [
        [`ZW-1${zw}`, "cst_demo0001", "2025-04-14"],
        ["ZW-2", `cst_demo0002${zw}`, "2025-04-14"],
        [`${zw}ZW-3`, "cst_demo0001", "2025-04-14"],
      ],
      lines: [
        ["ZW-1", "Work", 1, 21],
        [`ZW-2${zw} `, "Work", 2, 21],
        [`zw-3${zw}`, "Work", 3, 21],
      ],
    });
    runOk(w, "createPendingOffers");
    const sent = (await postedBodies(w.api)).map((b) => [b.offerNumber, b.customerId, b.lines]);
    expect(sent).toEqual([
      ["ZW-1", "cst_demo0001", [{ description: "Work", amountExclVat: "1.00", vatRate: 21 }]],
      ["ZW-2", "cst_demo0002", [{ description: "Work", amountExclVat: "2.00", vatRate: 21 }]],
      ["ZW-3", "cst_demo0001", [{ description: "Work", amountExclVat: "3.00", vatRate: 21 }]],
    ]);
    expect(sheetColumn(w.ss, "Offers", "Status")).toEqual(["created", "created", "created"]);
    expect(runLogMessages(w.ss).at(-1)).not.toMatch(/match no offer/);
  });

  test("a zero-width space inside an offer number is kept: a different number, reported, never joined", async () => {
    const w = await world({
      offers: [["ZW\u200b-9", "cst_demo0001", "2025-04-14"]],
      lines: [["ZW-9", "Work", 1, 21]],
    });
    runOk(w, "createPendingOffers");
    expect(await postedBodies(w.api)).toEqual([]);
    expect(statusOf(w, "ZW\u200b-9")).toBe("invalid");
    expect(messageOf(w, "ZW\u200b-9")).toMatch(/Lines missing/);
    expect(runLogMessages(w.ss).at(-1)).toMatch(/row 2 of Offer lines/);
  });
});
