// Retrying failed offers (src/app/retry-failed.ts) on fakes: how many rows are failed decides
// whether the user is asked at all; a "no" changes nothing; clearing makes the failed rows pending
// again (in the sheet and in the book as read), except rows gone meanwhile. The run that follows a
// "yes" (createOffers under the lock) is covered by the e2e tests.

import { describe, expect, test } from "@jest/globals";
import { openOffersBook } from "../../src/app/offers-book";
import { clearFailed, retryFailedOffers } from "../../src/app/retry-failed";
import { type ColumnSpec, LINE_COLUMNS, matchHeaders, OFFER_COLUMNS } from "../../src/core/columns";
import type { TableRead, Workbook, ZonedTime } from "../../src/core/ports";
import type { SheetTable } from "../../src/core/table";
import { texts } from "../../src/core/texts";
import { PANEL_EN } from "../../src/core/texts-panel";
import type { RowUpdate } from "../../src/core/write-back";
import { type CellLike, table } from "../core/helpers";
import { LINE_HEADERS, OFFER_HEADERS } from "../fixtures/headers";
import { FakeAccount, FakeDialogs, FakeNotifier, fakeContext, virtualClock } from "./fakes";

const t = PANEL_EN;
const D = new Date(Date.UTC(2026, 11, 1));
const E = new Date(Date.UTC(2026, 11, 31));

function read<K extends string>(tbl: SheetTable, specs: readonly ColumnSpec<K>[]): TableRead<K> {
  return { ...matchHeaders(tbl.header, specs), table: tbl, plainText: () => true };
}

/** The Offers and Offer lines sheets only; writes recorded; rows of `goneKeys` deleted meanwhile. */
function workbook(offers: CellLike[][], header = OFFER_HEADERS, missingSheet: string | null = null) {
  const writes: RowUpdate[] = [];
  const goneKeys = new Set<string>();
  const lines = offers.map((o) => [o[0], "Work", 100, 21]);
  const zoned: ZonedTime = {
    ymd: (d) => d.toISOString().slice(0, 10),
    timestamp: (iso) => iso,
    today: () => "2026-12-01",
  };
  const unused = () => {
    throw new Error("not used here");
  };
  const wb: Workbook = {
    readOffersAndLines: () =>
      missingSheet !== null
        ? { missingSheet }
        : {
            offers: read(table(header, offers), OFFER_COLUMNS),
            lines: read(table(LINE_HEADERS, lines), LINE_COLUMNS),
          },
    timeZone: () => "UTC",
    locale: () => "en_US",
    writeOfferUpdates: (updates) => {
      writes.push(...updates);
      return updates.filter((u) => goneKeys.has(u.key));
    },
    writeLineMessages: unused,
    selectedOfferRows: unused,
    hiddenOfferRows: unused,
    mergedCells: unused,
    formulas: unused,
    flush: unused,
    appendRunLog: unused,
    zonedTime: () => zoned,
    readLedger: unused,
    appendLedger: unused,
    refusedWrites: () => [],
  };
  return { wb, writes, goneKeys };
}

const offerRow = (n: string, status: string, message = ""): CellLike[] => [
  n,
  "cst_a",
  D,
  E,
  "",
  status,
  "",
  "",
  message,
];

function context(wb: Workbook, answers: boolean[] = []) {
  const dialogs = new FakeDialogs(answers);
  const notifier = new FakeNotifier();
  const ctx = fakeContext(
    new FakeAccount({ order: "asc", perPage: "ignore" }),
    virtualClock(Date.UTC(2026, 11, 1, 9)),
    undefined,
    {
      workbook: wb,
      dialogs,
      notifier,
    },
  );
  return { ctx, dialogs, notifier };
}

describe("retryFailedOffers before any run", () => {
  test("no Offers sheet: the problem is told, nothing asked", () => {
    const { wb } = workbook([], OFFER_HEADERS, "Offers");
    const { ctx, dialogs, notifier } = context(wb);
    expect(retryFailedOffers(ctx)).toEqual({ message: texts().noSheet("Offers"), stopped: true });
    expect(notifier.told).toEqual([{ kind: "problem", message: texts().noSheet("Offers") }]);
    expect(dialogs.asked).toEqual([]);
  });

  test("a required column missing: the problem is told, nothing asked", () => {
    const { wb } = workbook(
      [offerRow("K-1", "failed")],
      OFFER_HEADERS.filter((h) => h !== "Status"),
    );
    const { ctx, dialogs, notifier } = context(wb);
    const { message, stopped } = retryFailedOffers(ctx);
    expect(stopped).toBe(true);
    expect(message).toBe(texts().missingColumns("Offers", ["Status"]));
    expect(notifier.told.map((n) => n.kind)).toEqual(["problem"]);
    expect(dialogs.asked).toEqual([]);
  });

  test("no failed row: said so, nothing asked, nothing written", () => {
    const { wb, writes } = workbook([offerRow("K-1", "created"), offerRow("K-2", "")]);
    const { ctx, dialogs, notifier } = context(wb);
    expect(retryFailedOffers(ctx)).toEqual({ message: t.retryNone(), stopped: false });
    expect(notifier.told).toEqual([{ kind: "done", message: t.retryNone() }]);
    expect(dialogs.asked).toEqual([]);
    expect(writes).toEqual([]);
  });

  test("the user is asked with the number of failed rows (either language's word); a no changes nothing", () => {
    const { wb, writes } = workbook([
      offerRow("K-1", "failed", "Refused"),
      offerRow("K-2", "created"),
      offerRow("K-3", "mislukt", "Geweigerd"),
    ]);
    const { ctx, dialogs, notifier } = context(wb, [false]);
    expect(retryFailedOffers(ctx)).toEqual({ message: t.retryCancelled(), stopped: false });
    expect(dialogs.asked).toEqual([{ title: t.retryTitle(), question: t.retryQuestion(2) }]);
    expect(notifier.told).toEqual([{ kind: "done", message: t.retryCancelled() }]);
    expect(writes).toEqual([]);
  });
});

describe("clearFailed", () => {
  function opened(goneKeys: string[] = []) {
    const w = workbook([
      offerRow("K-1", "failed", "Refused"),
      offerRow("K-2", "created"),
      offerRow("K-3", "failed", "Refused"),
      offerRow("K-4", "failed", "Refused"),
    ]);
    for (const k of goneKeys) w.goneKeys.add(k);
    const o = openOffersBook(w.wb);
    if (!o.ok) throw new Error(o.problem);
    return { ...w, book: o.book };
  }

  test("every failed row's Status and Message are cleared; they are pending in the book", () => {
    const { book, writes } = opened();
    const { book: after, rows } = clearFailed(book);
    expect(writes.map((u) => [u.key, u.sheetRow, u.values])).toEqual([
      ["k-1", 2, { status: "", message: "" }],
      ["k-3", 4, { status: "", message: "" }],
      ["k-4", 5, { status: "", message: "" }],
    ]);
    expect([...rows].sort()).toEqual([2, 4, 5]);
    expect(after.offers.map((o) => [o.key, o.status, o.message])).toEqual([
      ["k-1", "pending", ""],
      ["k-2", "created", ""],
      ["k-3", "pending", ""],
      ["k-4", "pending", ""],
    ]);
  });

  test("a failed row deleted meanwhile is not sent: it stays out of the rows and keeps its status", () => {
    const { book } = opened(["k-3"]);
    const { book: after, rows } = clearFailed(book);
    expect([...rows].sort()).toEqual([2, 5]);
    expect(after.offers.find((o) => o.key === "k-3")?.status).toBe("failed");
  });
});
