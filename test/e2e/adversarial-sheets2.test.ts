// Adversarial pass over sheets as Dutch sales teams build them (second round): offer numbers joined
// across Offers and Offer lines as pasted from mail and the web, error cells in every input field,
// Send notification as checkboxes or words, and cells whose writes Sheets refuses.

import { afterAll, describe, expect, test } from "@jest/globals";
import type { ValidationRule } from "../../tools/gas-runtime/spreadsheet";
import { LINE_HEADERS_NL, OFFER_HEADERS_NL } from "../fixtures/headers";
import { apiOffers, messageOf, statusOf } from "./probes";
import {
  LINE_HEADERS,
  postedBodies,
  postedNumbers,
  runLogMessages,
  runOk,
  sheetColumn,
  stopDouble,
  type World,
  world,
} from "./world";

afterAll(stopDouble);

describe("offer numbers and customers pasted with invisible characters", () => {
  // Text copied from a web page, a mail or Word often carries a zero-width space, joiner or word
  // joiner at either end: Sheets shows nothing, so the user sees two equal offer numbers.
  test.each([
    ["zero-width space", "\u200b"],
    ["zero-width non-joiner", "\u200c"],
    ["word joiner", "\u2060"],
    ["byte-order mark", "\ufeff"],
    ["left-to-right mark", "\u200e"],
    ["right-to-left mark", "\u200f"],
    ["soft hyphen", "\u00ad"],
    ["directional isolate", "\u2066"],
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

/** A dropdown that rejects anything else (Data validation › If the data is invalid: Reject the input). */
const onlyThese = (values: string[]): ValidationRule => ({
  criteria: "VALUE_IN_LIST",
  values: [values, true],
  allowInvalid: false,
});

function rejectIn(w: World, sheet: string, column: number, rows: number[], rule: ValidationRule): void {
  for (const row of rows) w.ss.sheet(sheet).cellOrCreate(row, column).validation = rule;
}

const lastSummary = (w: World): string => w.ss.toasts.at(-1)?.message ?? "";

describe("cells whose writes Sheets refuses (the team's validation that rejects other values)", () => {
  const three = {
    offers: [
      ["V-1", "cst_demo0001", "2025-04-14"],
      ["V-2", "cst_demo0001", "2025-04-14"],
      ["V-3", "not a customer", "2025-04-14"],
    ],
    lines: [
      ["V-1", "Work", 1, 21],
      ["V-2", "Work", 2, 21],
      ["V-3", "Work", 3, 21],
    ],
  };

  test("a Status dropdown that takes only skip / send anyway: nothing is sent, and the user is told which cells and what to change", async () => {
    const w = await world(three);
    rejectIn(w, "Offers", 6, [2, 3, 4], onlyThese(["skip", "send anyway"]));
    for (let run = 0; run < 2; run++) {
      runOk(w, "createPendingOffers");
      expect(await postedBodies(w.api)).toEqual([]);
      const told = runLogMessages(w.ss).at(-1) ?? "";
      expect(lastSummary(w)).toBe(told);
      expect(told).toMatch(/could not fill in Status in rows 2, 3, 4 of Offers/);
      expect(told).toMatch(/Data validation/);
      expect(told).toMatch(/Not sent, because the Status could not be filled in: V-1, V-2\./);
      // The rows were there all along: not told they were deleted.
      expect(told).not.toMatch(/deleted or duplicated/);
    }
    expect(sheetColumn(w.ss, "Offers", "Status")).toEqual(["", "", ""]);
    // The Message column takes any value: the invalid row still says what is wrong.
    expect(messageOf(w, "V-3")).toMatch(/Customer ID/);
  });

  test("an Offer ID column that rejects off_…: created once, and the IDs are told so no one creates them again", async () => {
    const w = await world(three);
    rejectIn(w, "Offers", 7, [2, 3, 4], onlyThese(["n/a"]));
    runOk(w, "createPendingOffers");
    const created = await apiOffers(w);
    expect(created.map((o) => o.offerNumber).sort()).toEqual(["V-1", "V-2"]);
    const told = runLogMessages(w.ss).at(-1) ?? "";
    expect(told).toMatch(/could not fill in Offer ID in rows 2, 3 of Offers/);
    for (const o of created) expect(told).toContain(`${o.offerNumber} (${o.id})`);
    expect(sheetColumn(w.ss, "Offers", "Status")).toEqual(["created", "created", "invalid"]);
    runOk(w, "createPendingOffers");
    expect(await postedNumbers(w.api)).toEqual(["V-1", "V-2"]);
  });

  test("a Message column that rejects text: the summary names the cell the reason could not go in", async () => {
    const w = await world(three);
    rejectIn(w, "Offers", 9, [2, 3, 4], onlyThese(["ok"]));
    runOk(w, "createPendingOffers");
    expect((await postedNumbers(w.api)).sort()).toEqual(["V-1", "V-2"]);
    expect(statusOf(w, "V-3")).toBe("invalid");
    expect(runLogMessages(w.ss).at(-1)).toMatch(/could not fill in Message in row 4 of Offers/);
  });

  test("a Message column in Offer lines that rejects text: the run goes on (it used to stop on an error) and names the cell", async () => {
    const w = await world({
      offers: [["VL-1", "cst_demo0001", "2025-04-14"]],
      lineHeaders: [...LINE_HEADERS, "Message"],
      lines: [
        ["VL-1", "Work", 1, 21],
        ["VL-9", "Work", 1, 21],
        ["VL-1", "More", 2, 21],
      ],
    });
    rejectIn(w, "Offer lines", 5, [2, 3, 4], onlyThese(["checked"]));
    runOk(w, "createPendingOffers");
    expect(await postedNumbers(w.api)).toEqual(["VL-1"]);
    const told = runLogMessages(w.ss).at(-1) ?? "";
    expect(told).toMatch(/could not fill in Message in row 3 of Offer lines/);
    expect(told).toMatch(/row 3 of Offer lines/);
    expect(w.ss.alerts).toEqual([]);
  });

  test("in Dutch: the Status cells and the offers not sent are named in Dutch", async () => {
    const w = await world({
      locale: "nl_NL",
      sheets: {
        Offertes: [OFFER_HEADERS_NL, ["NV-1", "cst_demo0001", "2025-04-14"]],
        Offerteregels: [LINE_HEADERS_NL, ["NV-1", "Werk", 1, 21]],
      },
    });
    rejectIn(w, "Offertes", 6, [2], onlyThese(["overslaan"]));
    runOk(w, "createPendingOffers");
    expect(await postedBodies(w.api)).toEqual([]);
    const told = sheetColumn(w.ss, "Logboek", "Melding").at(-1) ?? "";
    expect(lastSummary(w)).toBe(told);
    expect(told).toMatch(/Deze tool kon Status in rij 2 van Offertes niet invullen/);
    expect(told).toMatch(/Niet verstuurd, omdat de Status niet kon worden ingevuld: NV-1\./);
    expect(told).not.toMatch(/could not fill in|verwijderd of gedupliceerd/);
  });
});

test("refreshOfferStatuses with a Status dropdown that has no 'accepted': the user is told which cell refused it", async () => {
  const w = await world({
    offers: [
      ["RF-1", "cst_demo0001", "2025-04-01", "2025-05-14", "", "created", "off_seed000001", "10.00"],
      ["RF-2", "cst_demo0001", "2025-04-01", "2025-05-14", "", "created", "off_seed000002", "10.00"],
    ],
    lines: [
      ["RF-1", "Work", 10, 21],
      ["RF-2", "Work", 10, 21],
    ],
  });
  const seed = (id: string, offerNumber: string) => ({
    id,
    offerNumber,
    customerId: "cst_demo0001",
    issuedAt: "2025-04-01",
    expiresAt: "2025-05-14",
    amount: "10.00",
  });
  await w.api.seedOffers([seed("off_seed000001", "RF-1"), seed("off_seed000002", "RF-2")]);
  await w.api.updateOffer("off_seed000001", { acceptedAt: "2025-04-10 14:30:00" });
  await w.api.updateOffer("off_seed000002", { rejectedAt: "2025-04-11 09:00:00" });
  rejectIn(w, "Offers", 6, [2, 3], onlyThese(["created", "rejected"]));
  runOk(w, "refreshOfferStatuses");
  expect(sheetColumn(w.ss, "Offers", "Status")).toEqual(["created", "rejected"]);
  expect(runLogMessages(w.ss).at(-1)).toMatch(/could not fill in Status in row 2 of Offers/);
});
