// Adversarial pass on setupSheets (CONTRACT §3, §4, §7a) over sheet shapes: both `Offers` and
// `Offertes` in one spreadsheet, a title above the header row, a header typed twice (10,000 rows:
// adversarial-setup-large.exhaustive.test.ts).

import { afterAll, describe, expect, test } from "@jest/globals";
import { LINE_HEADERS, OFFER_HEADERS, type Row, runOk, sheetState, stopDouble, world } from "./world";

afterAll(stopDouble);

const offer = (n: number): Row => [
  `Q-${String(n).padStart(5, "0")}`,
  "cst_demo0001",
  "2025-04-14",
  "",
  "",
  "",
];

describe("sheets in both languages", () => {
  test("Offers and Offertes both there: setup and a create run use the same one, the other is left alone", async () => {
    const w = await world({
      locale: "nl_NL",
      sheets: {
        Offertes: [OFFER_HEADERS.slice(0, 6), ["OLD-1", "cst_demo0001", "2024-01-10", "", "", ""]],
        Offers: [OFFER_HEADERS.slice(0, 6), ["NEW-1", "cst_demo0001", "2025-04-14", "", "", ""]],
        "Offer lines": [LINE_HEADERS, ["NEW-1", "Work", "10.00", "21"], ["OLD-1", "Work", "10.00", "21"]],
      },
    });
    runOk(w, "setupSheets");
    runOk(w, "createPendingOffers");
    const posted = (await w.api.requests()).filter((r) => r.route === "POST /customer-offers/manual");
    const sent = posted.map((r) => (r.body as { offerNumber: string }).offerNumber);
    // One of the two is the product's sheet; setup repaired that one, and the run read that one.
    const used = sent.includes("NEW-1") ? "Offers" : "Offertes";
    const other = used === "Offers" ? "Offertes" : "Offers";
    expect(sent).toEqual([used === "Offers" ? "NEW-1" : "OLD-1"]);
    expect(w.ss.displayValues(used)[0]?.length).toBeGreaterThan(6);
    expect(w.ss.displayValues(other)[0]).toEqual(OFFER_HEADERS.slice(0, 6));
  });
});

describe("a title above the headers", () => {
  test("headers in row 2 under a title: the sheet is left as it is, and the summary says why and what to do", async () => {
    const w = await world({
      sheets: {
        Offers: [["Offers 2025 — sales team Noord"], OFFER_HEADERS.slice(0, 6), offer(1)],
        "Offer lines": [LINE_HEADERS],
      },
    });
    const before = sheetState(w.ss, "Offers");
    runOk(w, "setupSheets");
    expect(sheetState(w.ss, "Offers")).toEqual(before);
    const summary = w.ss.toasts.at(-1)?.message ?? "";
    expect(summary).toMatch(
      /The sheet Offers has its headers in row 2, not in row 1, so it was left as it is/,
    );
    // The other sheets are set up as usual.
    expect(summary).toMatch(/Offer lines/);
    expect(w.ss.displayValues("Offer lines")[0]).toContain("Message");
    // Once the title row is gone, setup repairs it.
    w.ss.deleteRows("Offers", 1, 1);
    runOk(w, "setupSheets");
    expect(w.ss.displayValues("Offers")[0]).toEqual(expect.arrayContaining(["Offer ID", "Rejected at"]));
    expect(w.ss.displayValues("Offers")[1]?.[0]).toBe("Q-00001");
  });

  test("a blank row 1 above Dutch headers, on a Dutch locale: left alone, said in Dutch; nothing sent from it", async () => {
    const w = await world({
      locale: "nl_NL",
      sheets: {
        Offertes: [[], ["Offertenummer", "Klant-ID", "Offertedatum"], ["Q-1", "cst_demo0001", "14-04-2025"]],
        Offerteregels: [["Offertenummer", "Omschrijving", "Bedrag excl. btw", "Btw-tarief"]],
      },
    });
    const before = sheetState(w.ss, "Offertes");
    runOk(w, "setupSheets");
    expect(sheetState(w.ss, "Offertes")).toEqual(before);
    expect(w.ss.toasts.at(-1)?.message).toMatch(
      /Op het tabblad Offertes staan de kolomkoppen in rij 2, niet in rij 1/,
    );
    runOk(w, "createPendingOffers");
    expect((await w.api.requests()).filter((r) => r.route === "POST /customer-offers/manual")).toEqual([]);
  });
});
