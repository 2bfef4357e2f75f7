// openOffersBook and the write-backs of src/app/offers-book.ts on the in-memory workbook: a missing
// sheet or required column is the run's problem (named as the sheet's headers name it), rows are
// parsed with the sheet's zone and locale, updates land on the row that holds the offer now, and
// the lines' Message column is written only when it changes.

import { describe, expect, test } from "@jest/globals";
import { openOffersBook, writeLineMessages, writeOfferUpdates } from "../../src/app/offers-book";
import { texts } from "../../src/core/texts";
import { FIELD_NAMES } from "../../src/core/texts-bundled";
import { LINE_HEADERS, LINE_HEADERS_NL, OFFER_HEADERS, OFFER_HEADERS_NL } from "../fixtures/headers";
import { FakeWorkbook, sheet } from "./fake-workbook";

const D = new Date(Date.UTC(2026, 11, 1));
const E = new Date(Date.UTC(2026, 11, 31));
const LINES = [...LINE_HEADERS, "Message"];

function book(
  offers = [
    ["K-1", "cst_a", D, E],
    ["K-2", "cst_a", D, E],
  ],
  lines = [
    ["K-1", "Work", 100, 21],
    ["K-2", "Work", 50, 9],
  ],
) {
  return new FakeWorkbook(sheet("Offers", OFFER_HEADERS, offers), sheet("Offer lines", LINES, lines));
}

function open(wb: FakeWorkbook) {
  const o = openOffersBook(wb);
  if (!o.ok) throw new Error(o.problem);
  return o.book;
}

describe("openOffersBook", () => {
  test("a missing sheet is the problem", () => {
    const wb = new FakeWorkbook(null, sheet("Offer lines", LINES));
    expect(openOffersBook(wb)).toEqual({ ok: false, problem: texts().noSheet("Offers") });
    const noLines = new FakeWorkbook(sheet("Offers", OFFER_HEADERS), null);
    expect(openOffersBook(noLines)).toEqual({ ok: false, problem: texts().noSheet("Offer lines") });
  });

  test("a missing required column is named; in Dutch when the headers are Dutch", () => {
    const wb = new FakeWorkbook(
      sheet(
        "Offers",
        OFFER_HEADERS.filter((h) => h !== "Offer ID" && h !== "Issued at"),
      ),
      sheet("Offer lines", LINES),
    );
    expect(openOffersBook(wb)).toEqual({
      ok: false,
      problem: texts().missingColumns("Offers", ["Issued at", "Offer ID"]),
    });
    const nl = new FakeWorkbook(
      sheet("Offertes", OFFER_HEADERS_NL),
      sheet(
        "Offerteregels",
        LINE_HEADERS_NL.filter((h) => h !== "Btw-tarief"),
      ),
    );
    expect(openOffersBook(nl)).toEqual({
      ok: false,
      problem: texts().missingColumns("Offerteregels", ["Btw-tarief"]),
    });
    // Nothing but the one read.
    expect([...wb.calls.keys()]).toEqual(["readOffersAndLines"]);
  });

  test("rows are parsed with their lines; dates in the sheet's zone; one read of each", () => {
    const wb = book();
    const b = open(wb);
    expect(b.offers.map((o) => [o.key, o.status, o.body?.issuedAt, o.body?.lines.length])).toEqual([
      ["k-1", "pending", "2026-12-01", 1],
      ["k-2", "pending", "2026-12-01", 1],
    ]);
    expect(Object.fromEntries(wb.calls)).toEqual({ readOffersAndLines: 1, zonedTime: 1, locale: 1 });
  });
});

describe("writeOfferUpdates and writeLineMessages", () => {
  test("an update lands on the row that holds its offer number now; a deleted row's update is returned", () => {
    const wb = book([
      ["K-1", "cst_a", D, E],
      ["K-2", "cst_a", D, E],
      ["K-3", "cst_a", D, E],
    ]);
    const b = open(wb);
    // Sorted meanwhile (K-3 first), and K-2 deleted.
    const rows = wb.offers?.rows ?? [];
    const [r1, , r3] = rows;
    if (!r1 || !r3) throw new Error("rows");
    rows.splice(0, 3, r3, r1);
    const lost = writeOfferUpdates(b, [
      { key: "k-1", sheetRow: 2, values: { status: "created", offerId: "off_1" } },
      { key: "k-2", sheetRow: 3, values: { status: "created", offerId: "off_2" } },
      { key: "k-3", sheetRow: 4, values: { status: "failed", message: "Refused" } },
    ]);
    expect(lost.map((u) => u.key)).toEqual(["k-2"]);
    expect(wb.offerColumn("Offer number")).toEqual(["K-3", "K-1"]);
    expect(wb.offerColumn("Status")).toEqual(["failed", "created"]);
    expect(wb.offerColumn("Offer ID")).toEqual(["", "off_1"]);
    expect(wb.offerColumn("Message")).toEqual(["Refused", ""]);
  });

  test("line problems are written to the lines' Message; unchanged messages are not written again", () => {
    const wb = book(
      [["K-1", "cst_a", D, E]],
      [
        ["K-1", "", 100, 21],
        ["K-9", "Work", 10, 21],
      ],
    );
    const b = open(wb);
    const orphans = writeLineMessages(b);
    expect(orphans.map((l) => l.offerNumber)).toEqual(["K-9"]);
    const messages = (wb.lines?.rows ?? []).map((r) => r[4]?.display ?? "");
    expect(messages[0]).toContain(FIELD_NAMES.en.description);
    expect(messages[1]).toBe(texts().lineNoOffer("K-9", "Offers"));
    expect(wb.count("writeLineMessages")).toBe(1);
    writeLineMessages(open(wb));
    expect(wb.count("writeLineMessages")).toBe(1);
  });
});
