// Adversarial pass (second round) over sheets as Dutch sales teams build them, the cases that behave
// right: offer numbers joined across the sheets in every form, error cells in every input field,
// Send notification as checkboxes, words or blank, and offers whose lines are odd in number or place.

import { afterAll, describe, expect, test } from "@jest/globals";
import { bodyOf, messageOf, statusOf } from "./probes";
import { postedBodies, postedNumbers, type Row, runLogMessages, runOk, stopDouble, world } from "./world";

afterAll(stopDouble);

const offer = (n: unknown, extra: Row = []): Row => [n, "cst_demo0001", "2025-04-14", ...extra];

describe("offer numbers in Offers and in Offer lines", () => {
  test.each<[string, unknown, unknown, boolean]>([
    ["lower case in lines", "B-001", "b-001", true],
    ["upper case in lines", "b-001", "B-001", true],
    ["spaces and a non-breaking space around", "B-002", " \u00a0B-002\t", true],
    ["a number cell and the same digits as text", 12, "12", true],
    ["text digits and a number cell", "13", 13, true],
    ["a number cell and zero-led text: other numbers", 14, "0014", false],
    ["1e3 typed as text and the number 1000: other numbers", "1e3", 1000, false],
    [
      "a number shown 2,024,001 and the same format in lines",
      { v: 2024001, f: "#,##0" },
      { v: 2024001, f: "#,##0" },
      true,
    ],
  ])("%s", async (_case, inOffers, inLines, joined) => {
    const w = await world({ offers: [offer(inOffers)], lines: [[inLines, "Work", 1, 21]] });
    runOk(w, "createPendingOffers");
    const shown = w.ss.displayValues("Offers")[1]?.[0] ?? "";
    if (joined) {
      expect(await postedNumbers(w.api)).toEqual([shown.trim()]);
      expect(statusOf(w, shown)).toBe("created");
    } else {
      // Never joined by guessing: the offer has no lines, and the line is reported.
      expect(await postedBodies(w.api)).toEqual([]);
      expect(statusOf(w, shown)).toBe("invalid");
      expect(messageOf(w, shown)).toMatch(/Lines missing/);
      expect(runLogMessages(w.ss).at(-1)).toMatch(/row 2 of Offer lines/);
    }
  });
});

describe("error cells in each input field: never sent, the Message names the field and what to do", () => {
  const err = (v: string) => ({ formula: "=Z99", v });
  test.each<[string, Row, Row, RegExp]>([
    [
      "customer #N/A",
      ["X", err("#N/A"), "2025-04-14"],
      ["X", "Work", 1, 21],
      /Customer ID shows #N\/A.*type the value/,
    ],
    [
      "issue date #VALUE!",
      ["X", "cst_demo0001", err("#VALUE!")],
      ["X", "Work", 1, 21],
      /Issued at shows #VALUE!/,
    ],
    ["expiry #DIV/0!", offer("X", [err("#DIV/0!")]), ["X", "Work", 1, 21], /Expires at shows #DIV\/0!/],
    [
      "send notification #REF!",
      offer("X", ["", err("#REF!")]),
      ["X", "Work", 1, 21],
      /Send notification shows #REF!.*deleted/,
    ],
    ["amount #DIV/0!", offer("X"), ["X", "Work", err("#DIV/0!"), 21], /Amount excl\. VAT shows #DIV\/0!/],
    ["VAT #N/A", offer("X"), ["X", "Work", 1, err("#N/A")], /VAT rate shows #N\/A/],
    ["description #REF!", offer("X"), ["X", err("#REF!"), 1, 21], /Description shows #REF!/],
  ])("%s", async (_case, offerRow, lineRow, message) => {
    const w = await world({ offers: [offerRow], lines: [lineRow] });
    runOk(w, "createPendingOffers");
    expect(await postedBodies(w.api)).toEqual([]);
    expect(statusOf(w, "X")).toBe("invalid");
    expect(messageOf(w, "X")).toMatch(message);
  });

  test("a line whose offer number is #REF! is reported in the Run log; the offer goes with its other lines", async () => {
    const w = await world({
      offers: [offer("R-1")],
      lines: [
        ["R-1", "Work", 1, 21],
        [{ formula: "=Offers!A99", v: "#REF!" }, "Lost line", 5, 21],
      ],
    });
    runOk(w, "createPendingOffers");
    expect((await bodyOf(w, "R-1"))?.lines).toEqual([
      { description: "Work", amountExclVat: "1.00", vatRate: 21 },
    ]);
    expect(runLogMessages(w.ss).at(-1)).toMatch(/Lines that match no offer: row 3 of Offer lines/);
  });
});

describe("Send notification as teams fill it", () => {
  test.each<[string, unknown, boolean | undefined]>([
    ["a checked checkbox", { checkbox: true }, true],
    ["an unchecked checkbox", { checkbox: false }, false],
    ["TRUE as a boolean", true, true],
    ["FALSE as a boolean", false, false],
    ["TRUE typed as text", { v: "TRUE", f: "@" }, true],
    ["FALSE typed as text", { v: "FALSE", f: "@" }, false],
    ["ja", "ja", true],
    ["Nee", "Nee", false],
    ["blank", "", undefined],
  ])("%s", async (_case, cell, sent) => {
    const w = await world({ offers: [offer("SN-1", ["", cell])], lines: [["SN-1", "Work", 1, 21]] });
    runOk(w, "createPendingOffers");
    const body = await bodyOf(w, "SN-1");
    expect(body?.sendNotification).toBe(sent);
    expect(body !== undefined && "sendNotification" in body).toBe(sent !== undefined);
  });
});

describe("lines odd in number or place", () => {
  test("an offer with no lines at all is invalid and says where to add them", async () => {
    const w = await world({ offers: [offer("NL-1")], lines: [] });
    runOk(w, "createPendingOffers");
    expect(await postedBodies(w.api)).toEqual([]);
    expect(messageOf(w, "NL-1")).toMatch(/Lines missing: add rows with offer number NL-1 to Offer lines/);
  });

  test("200 lines, 5,000 blank rows below the first offer's lines, lines above their offer's row, one line pasted twice", async () => {
    const lines: Row[] = [["FAR-3", "Listed before its offer", 3, 21]];
    lines.push(["FAR-1", "Same line", 1, 21], ["FAR-1", "Same line", 1, 21]);
    for (let i = 0; i < 5000; i++) lines.push([]);
    for (let i = 0; i < 200; i++) lines.push(["FAR-2", `Line ${i + 1}`, "0,50", 9]);
    const w = await world({
      offers: [offer("FAR-1"), offer("FAR-2"), ...Array.from({ length: 2000 }, () => []), offer("FAR-3")],
      lines,
    });
    runOk(w, "createPendingOffers");
    const count = async (n: string) => ((await bodyOf(w, n))?.lines as unknown[] | undefined)?.length;
    // A line pasted twice is two lines: the sheet is the team's word (nothing says it is a mistake).
    expect(await count("FAR-1")).toBe(2);
    expect(await count("FAR-2")).toBe(200);
    expect(await count("FAR-3")).toBe(1);
    expect(w.ss.displayValues("Offers").filter((r) => r[5] === "created")).toHaveLength(3);
    expect(w.ss.displayValues("Offers")[2]?.[7]).toBe("100.00");
  });

  test("a description with CRLF and LF line breaks is sent as typed", async () => {
    const w = await world({
      offers: [offer("ML-1")],
      lines: [["ML-1", "Design\r\n- logo\n- huisstijl", 1, 21]],
    });
    runOk(w, "createPendingOffers");
    expect((await bodyOf(w, "ML-1"))?.lines).toEqual([
      { description: "Design\r\n- logo\n- huisstijl", amountExclVat: "1.00", vatRate: 21 },
    ]);
  });

  test("600 lines that are all wrong: the Message stays under Sheets' 50,000-character cell limit", async () => {
    const lines: Row[] = [];
    for (let i = 0; i < 600; i++) lines.push(["BAD-1", "d".repeat(2500), "12,345", 20]);
    const w = await world({ offers: [offer("BAD-1")], lines });
    runOk(w, "createPendingOffers");
    expect(statusOf(w, "BAD-1")).toBe("invalid");
    const message = messageOf(w, "BAD-1");
    expect(message).toMatch(/^Line 1 \(row 2 of Offer lines\): Description is 2500 characters long/);
    expect(message.length).toBeLessThan(50_000);
  });
});
